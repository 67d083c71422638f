package dev.harness.run;

import dev.harness.model.Check;
import dev.harness.model.Failure;
import dev.harness.model.Durations;
import dev.harness.model.Guard;
import dev.harness.model.Mask;
import dev.harness.model.PhaseItem;
import dev.harness.model.Phase;
import dev.harness.model.PhaseResult;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.Status;
import dev.harness.model.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one check's statements for one phase on one service, on the check's own connections (one per user,
 * opened when first needed). Stops at the first statement that does not meet its expectation; that is the
 * check's failure only when the server still serves ({@link Liveness}), else the server is lost.
 */
final class CheckPhaseRunner {
    /** Everything about the phase that is the same for every check. */
    record PhaseTarget(int actionIndex, String label, Phase phase, String service, Version current, Version base,
                       Map<String, String> variables, Duration defaultBudget) {}

    private final Endpoints endpoints;
    private final Liveness liveness;
    private final RunStop stop;
    private final StatementRunner runner;
    private final Ticker ticker;
    private final Clock clock;
    private final Consumer<String> log;
    private final Function<String, Map<String, String>> captured;

    /** @param captured a check's captured values for the whole run, by check name (kept in {@link RunState}) */
    CheckPhaseRunner(Endpoints endpoints, Liveness liveness, RunStop stop,
                     Ticker ticker, Clock clock, Consumer<String> log, Function<String, Map<String, String>> captured) {
        this.endpoints = endpoints;
        this.liveness = liveness;
        this.stop = stop;
        this.runner = new StatementRunner(ticker, stop);
        this.ticker = ticker;
        this.clock = clock;
        this.log = log;
        this.captured = captured;
    }

    /**
     * @param givenUp why the phase has been given up (a server lost by another check), or null to go on
     * @throws ConnectionLost when the server cannot be reached; the caller decides it is infrastructure
     * @throws InterruptedException when the run is being stopped
     */
    PhaseResult run(Check check, PhaseTarget target, Supplier<String> givenUp) throws InterruptedException {
        Instant started = clock.instant();
        List<String> lines = new ArrayList<>();
        CheckVariables vars = new CheckVariables(check, target.variables(), captured.apply(check.name()));
        PhaseMasks phaseMasks = new PhaseMasks();
        try (CheckSessions sessions = new CheckSessions(endpoints, target.service(), target.defaultBudget(), check.name())) {
            for (PhaseItem item : check.items(target.phase())) {
                if (Thread.currentThread().isInterrupted() || stop.requested()) throw new InterruptedException("run interrupted");
                String reason = givenUp.get();
                if (reason != null) return result(target, Status.ERROR, started, notFinished(item, reason), lines, vars);
                Failure failure = item.accept(new PhaseItem.Visitor<ItemRun>() {
                    @Override
                    public ItemRun statement(Statement s) {
                        return () -> CheckPhaseRunner.this.statement(s, new Context(check, target, vars, phaseMasks.current, sessions), lines);
                    }

                    @Override
                    public ItemRun sleep(PhaseItem.Sleep sleep) {
                        return () -> CheckPhaseRunner.this.sleep(sleep, target, lines);
                    }

                    @Override
                    public ItemRun setMasks(PhaseItem.SetMasks set) {
                        return () -> {
                            phaseMasks.current = set.masks(); // replaces the phase's earlier ones; [] clears them (testdrive's unset-regex)
                            return null;
                        };
                    }

                    @Override
                    public ItemRun openSession(PhaseItem.OpenSession open) {
                        return () -> CheckPhaseRunner.this.openSession(sessions, open, target.service(), lines);
                    }
                }).run();
                if (failure != null) return result(target, Status.FAILED, started, failure, lines, vars);
            }
            return result(target, Status.PASSED, started, null, lines, vars);
        }
    }

    /** One phase entry, run: its failure, or null. A visitor picks it, so a new kind of entry not run here does not compile. */
    private interface ItemRun {
        Failure run() throws InterruptedException;
    }

    /** The phase's own masks ({@code masks:} entries), as the entries run. */
    private static final class PhaseMasks {
        List<Mask> current = List.of();
    }

    /** What a statement needs from the phase it runs in. */
    private record Context(Check check, PhaseTarget target, CheckVariables vars, List<Mask> phaseMasks, CheckSessions sessions) {}

    private Failure sleep(PhaseItem.Sleep sleep, PhaseTarget target, List<String> lines) throws InterruptedException {
        if (!Guard.allHold(sleep.when(), target.current(), target.base())) {
            lines.add(skipped(sleep.when(), sleep.source()));
            return null;
        }
        lines.add("sleep " + Durations.format(sleep.duration()) + " " + sleep.source().fileLine());
        ticker.sleep(sleep.duration().toMillis());
        return null;
    }

    private static String skipped(List<Guard> when, SourceRef source) {
        return "skip (when " + String.join(", ", when.stream().map(Guard::text).toList()) + ") " + source.fileLine();
    }

    /** Runs one statement; its failure, or null when it passed (a capture then binds its value). */
    private Failure statement(Statement s, Context cx, List<String> lines) throws InterruptedException {
        PhaseTarget target = cx.target();
        if (!Guard.allHold(s.when(), target.current(), target.base())) {
            lines.add(skipped(s.when(), s.source()));
            return null;
        }
        Statement resolved;
        Masks masks;
        try {
            resolved = cx.vars().resolve(s);
            masks = cx.vars().masks(cx.phaseMasks());
        } catch (CheckVariables.Unresolved e) {
            lines.add("FAILED " + s.source().fileLine() + ": " + e.getMessage());
            return new Failure(e.getMessage(), s.sql(), s.source(), null, null, "", 0);
        }
        String sql = resolved.sql();
        // the statement's own retry, else the check's, else timeouts.statement; tried once or not
        Duration budget = RetryRules.budget(s, cx.check(), target.defaultBudget());
        StatementRunner.Outcome out;
        String on = cx.sessions().serviceOf(s);
        try {
            out = runner.run(cx.sessions().of(s), resolved, sql, budget, masks);
        } catch (ConnectionLost e) {
            throw lost(on, e.getMessage() + " at " + s.source().fileLine());
        } catch (CheckSessions.LoginRefused e) {
            out = new StatementRunner.Outcome(new Failure(e.getMessage(), sql, s.source(), null, null, "", 0), 0, 0, null);
        }
        if (out.captured() != null) cx.vars().capture(s.capture(), out.captured());
        String line = (out.passed() ? "ok" : "FAILED") + " " + s.source().fileLine() + " (" + out.attempts()
                + (out.attempts() == 1 ? " attempt, " : " attempts, ") + out.millis() + " ms): " + oneLine(sql)
                + (out.captured() == null ? "" : " -> ${" + s.capture() + "} = '" + oneLine(out.captured()) + "'");
        lines.add(line);
        log.accept(cx.check().name() + " " + target.label() + ": " + line);
        if (out.passed()) return null;
        blameTheServerIfGone(on, out.failure());
        return out.failure();
    }

    /** Opens a named session; a refused login is the check's failure (returned), a server that cannot be reached the run's. */
    private Failure openSession(CheckSessions sessions, PhaseItem.OpenSession open, String service, List<String> lines) throws InterruptedException {
        try {
            sessions.open(open);
        } catch (ConnectionLost e) {
            throw lost(service, e.getMessage() + " at " + open.source().fileLine());
        } catch (CheckSessions.LoginRefused e) {
            lines.add("FAILED " + open.source().fileLine() + ": open-session " + open.name());
            return new Failure(e.getMessage(), null, open.source(), null, null, "", 0);
        }
        lines.add("ok " + open.source().fileLine() + ": open-session " + open.name());
        return null;
    }

    /**
     * A dying server answers with anything (57P01, XX000 from a half-finished statement, a closed socket), and its
     * process may still look alive: a failure counts as the check's only when the server itself still serves.
     */
    private void blameTheServerIfGone(String service, Failure failure) throws InterruptedException {
        if (stop.requested()) throw new InterruptedException("run interrupted"); // a cancelled statement is the stop's
        String down = liveness.whyDown(service);
        if (down != null) {
            throw new ConnectionLost(down + ", after " + failure.source().fileLine() + " failed: " + failure.message(), null);
        }
    }

    /** A connection that broke: infrastructure whatever the server says, which the message adds. */
    private ConnectionLost lost(String service, String what) throws InterruptedException {
        if (stop.requested()) throw new InterruptedException("run interrupted");
        String down = liveness.whyDown(service);
        return new ConnectionLost(down == null ? what : down + " (" + what + ")", null);
    }

    private static Failure notFinished(PhaseItem next, String reason) {
        return new Failure("not finished: " + reason, null, next.source(), null, null, "", 0);
    }

    PhaseResult result(PhaseTarget target, Status status, Instant started, Failure failure, List<String> lines, CheckVariables vars) {
        long ms = Duration.between(started, clock.instant()).toMillis();
        return new PhaseResult(target.actionIndex(), target.label(), target.phase(), target.service(), status, started, ms, failure, null,
                List.copyOf(lines), vars.capturedInThisPhase());
    }

    static String oneLine(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
