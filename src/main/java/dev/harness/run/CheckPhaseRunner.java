package dev.harness.run;

import dev.harness.model.Check;
import dev.harness.model.Failure;
import dev.harness.model.Phase;
import dev.harness.model.PhaseResult;
import dev.harness.model.Statement;
import dev.harness.model.Status;
import dev.harness.model.Version;
import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Runs one check's statements for one phase on one service, on the check's own connections (one per user,
 * opened when first needed). Stops at the first statement that does not meet its expectation.
 */
final class CheckPhaseRunner {
    /** Everything about the phase that is the same for every check. */
    record PhaseTarget(int actionIndex, String label, Phase phase, String service, Version current, Version base,
                       Map<String, String> variables, Duration defaultBudget) {}

    private final BiFunction<String, Boolean, SqlEndpoint> endpoints;
    private final StatementRunner runner;
    private final Clock clock;
    private final Consumer<String> log;
    private final java.util.function.Predicate<String> running;

    /** @param running whether a service's server is alive: a statement failing on a dead server is infrastructure */
    CheckPhaseRunner(BiFunction<String, Boolean, SqlEndpoint> endpoints, java.util.function.Predicate<String> running,
                     Ticker ticker, Clock clock, Consumer<String> log) {
        this.endpoints = endpoints;
        this.running = running;
        this.runner = new StatementRunner(ticker);
        this.clock = clock;
        this.log = log;
    }

    /**
     * @throws ConnectionLost when the server cannot be reached; the caller decides it is infrastructure
     * @throws InterruptedException when the run is being stopped
     */
    PhaseResult run(Check check, PhaseTarget target) throws InterruptedException {
        Instant started = clock.instant();
        List<String> lines = new ArrayList<>();
        Map<String, String> vars = new java.util.HashMap<>(target.variables());
        vars.put("check", check.name());
        Connection user = null;
        Connection system = null;
        try {
            for (Statement s : check.statements(target.phase())) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException("run interrupted");
                if (s.when() != null && !s.when().holds(target.current(), target.base())) {
                    lines.add("skip (when " + s.when().text() + ") " + s.source().fileLine());
                    continue;
                }
                String sql = Variables.substitute(s.sql(), vars);
                Connection c;
                if (s.asSystem()) {
                    if (system == null) system = Connections.open(endpoints.apply(target.service(), true), target.defaultBudget(), "harness " + check.name());
                    c = system;
                } else {
                    if (user == null) user = Connections.open(endpoints.apply(target.service(), false), target.defaultBudget(), "harness " + check.name());
                    c = user;
                }
                Duration budget = s.retry() != null ? s.retry() : target.defaultBudget();
                StatementRunner.Outcome out = runner.run(c, s, sql, budget);
                String line = (out.passed() ? "ok" : "FAILED") + " " + s.source().fileLine() + " (" + out.attempts()
                        + (out.attempts() == 1 ? " attempt, " : " attempts, ") + out.millis() + " ms): " + oneLine(sql);
                lines.add(line);
                log.accept(check.name() + " " + target.label() + ": " + line);
                if (!out.passed() && !running.test(target.service())) {
                    // A dying server can answer with arbitrary errors (XX000 from a half-finished statement):
                    // not the check's fault.
                    throw new ConnectionLost("server died during " + out.failure().source().fileLine() + ": " + out.failure().message(), null);
                }
                if (!out.passed()) return result(target, Status.FAILED, started, out.failure(), lines);
            }
            return result(target, Status.PASSED, started, null, lines);
        } finally {
            closeQuietly(user);
            closeQuietly(system);
        }
    }

    PhaseResult result(PhaseTarget target, Status status, Instant started, Failure failure, List<String> lines) {
        long ms = Duration.between(started, clock.instant()).toMillis();
        return new PhaseResult(target.actionIndex(), target.label(), target.phase(), target.service(), status, started, ms, failure, null, List.copyOf(lines));
    }

    static String oneLine(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is being discarded; a dead server is reported elsewhere
        }
    }
}
