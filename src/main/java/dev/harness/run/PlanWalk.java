package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.ActionTitle;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.model.WaitNote;
import dev.harness.model.Version;
import dev.harness.plan.PlanSettings;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.system.DatabaseSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One walk over one plan: the mutable side of {@link Executor}. Owns the loop, the step results and when the
 * walk stops; what each action does is {@link ServerActions}, {@link AdHocSql} and {@link CheckPhases}.
 */
final class PlanWalk {
    private final Plan plan;
    private final ServiceRuntime runtime;
    private final ExecutorOptions options;
    private final Thread walker;
    private final String[] phaseLabels;
    private final List<String> titles;
    private final ServerActions servers;
    private final AdHocSql adHocSql;
    private final CheckPhases phases;
    private final ConsistencyChecks consistency;
    private final PhaseResults phaseResults;
    private final RunStop stop;
    private final List<StepResult> steps = new ArrayList<>();
    private StepHeartbeat heartbeat;
    private volatile boolean interrupted;
    private boolean walking;

    PlanWalk(Plan plan, DatabaseSystem system, ServiceRuntime runtime, HarnessConfig config, ExecutorOptions options, Thread walker) {
        this.plan = plan;
        this.runtime = runtime;
        this.options = options;
        this.walker = walker;
        String runId = plan.scenario() + "-" + Long.toHexString(options.clock().millis());
        RunState state = new RunState(plan, config, runtime, runId, options.log());
        Duration defaultBudget = defaultBudget(plan, config);
        this.phaseLabels = ActionTitle.phaseLabels(plan);
        this.titles = ActionTitle.of(plan);
        this.servers = new ServerActions(system, runtime, state, defaultBudget, options.log());
        this.stop = new RunStop(options.ticker());
        this.adHocSql = new AdHocSql(state, servers::endpoint, new StatementRunner(options.ticker(), stop), defaultBudget);
        this.phaseResults = new PhaseResults(plan, phaseLabels);
        Liveness liveness = new Liveness(runtime::isRunning, servers::endpoint, options.ticker(), Liveness.PATIENCE);
        CheckPhaseRunner phaseRunner = new CheckPhaseRunner(servers, liveness, stop, options.ticker(), options.clock(), options.log(),
                state::captured);
        ConnectionBudget connections = new ConnectionBudget(system.freeConnectionsQuery(), servers::endpoint, defaultBudget, options.log());
        this.phases = new CheckPhases(state, phaseRunner, stop, connections, phaseResults, phaseLabels, defaultBudget, options.parallel());
        this.consistency = new ConsistencyChecks(system, state, phaseResults.consistency(), defaultBudget, options.clock(), options.log());
    }

    /** The statement budget the plan recorded, else the default (both typed by {@code PlanSettings.runConfig}). */
    private static Duration defaultBudget(Plan plan, HarnessConfig config) {
        return PlanSettings.runConfig(plan, config).timeouts().statement();
    }

    void interrupt() {
        interrupted = true;
        stop.request();
        synchronized (this) {
            // Only while walking: the same thread goes on to write the reports, which an interrupt would break.
            if (walking) walker.interrupt();
        }
    }

    RunResult run(String command, Path reportDir) {
        synchronized (this) {
            walking = true;
        }
        try (StepHeartbeat beat = new StepHeartbeat(options.listener());
             WaitNote.Scope notes = WaitNote.to(beat::note)) {
            heartbeat = beat;
            return walk(command, reportDir);
        } finally {
            synchronized (this) {
                walking = false;
            }
            if (interrupted) Thread.interrupted(); // the walk handled it; do not leak the flag into report writing
        }
    }

    private RunResult walk(String command, Path reportDir) {
        Instant started = options.clock().instant();
        String stopReason = null;
        String infraError = null;
        int total = plan.actions().size();
        for (int i = 0; i < total; i++) {
            Action action = plan.actions().get(i);
            if (interrupted || Thread.currentThread().isInterrupted()) {
                interrupted = true;
                stopReason = "interrupted";
                notRun(i, stopReason);
                break;
            }
            String title = titles.get(i);
            options.listener().stepStarted(i, total, title);
            heartbeat.begin();
            options.log().accept("step " + (i + 1) + "/" + total + " start: " + title);
            Instant stepStart = options.clock().instant();
            StepOutcome outcome = step(i, action, title);
            if (outcome.stops()) stopReason = outcome.message();
            if (outcome.infrastructure()) infraError = outcome.message();
            StepResult result = new StepResult(i, action, title, action.service(), versionOf(action), outcome.status(), stepStart,
                    Duration.between(stepStart, options.clock().instant()).toMillis(), outcome.message());
            steps.add(result);
            options.log().accept("step " + (i + 1) + "/" + total + " " + outcome.status() + " (" + result.durationMillis() + " ms): " + title
                    + (outcome.message() == null ? "" : ": " + outcome.message()));
            heartbeat.end();
            options.listener().stepFinished(result, total);
            if (stopReason != null) {
                phaseResults.notRun(i, stopReason);
                notRun(i + 1, stopReason);
                break;
            }
        }
        return new RunResult(plan, command, started, options.clock().instant(), List.copyOf(steps), phaseResults.rollUp(),
                infraError, interrupted, logs(reportDir), reportDir);
    }

    /** How one step ended; a step that stops the walk is an infrastructure error or the run being interrupted. */
    private record StepOutcome(Status status, String message, boolean stops, boolean infrastructure) {
        static final StepOutcome INTERRUPTED = stopped("interrupted", false);

        static StepOutcome of(ActionOutcome performed) {
            return new StepOutcome(performed.status(), performed.note(), false, false);
        }

        static StepOutcome stopped(String why, boolean infrastructure) {
            return new StepOutcome(Status.ERROR, why, true, infrastructure);
        }
    }

    private StepOutcome step(int index, Action action, String title) {
        StepOutcome outcome;
        try {
            outcome = StepOutcome.of(perform(index, action));
        } catch (InterruptedException e) {
            outcome = StepOutcome.INTERRUPTED;
        } catch (CheckPhases.PhaseInfrastructure e) {
            outcome = StepOutcome.stopped(e.getMessage(), true); // the phase has already given a stop its grace
        } catch (HarnessException | ConnectionLost e) {
            // A server lost to the same Ctrl-C as the harness is part of the stop, not a server error.
            outcome = stop.stopFollows() ? StepOutcome.INTERRUPTED : StepOutcome.stopped(e.getMessage(), true);
        } catch (RuntimeException e) {
            // A bug of the harness, not of the servers: keep the stack trace where a bug report can quote it.
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            options.log().accept("internal error in " + title + ":\n" + trace);
            outcome = StepOutcome.stopped("internal error in " + title + ": " + e, true);
        }
        // An interrupt during the step is what stopped it, whatever the step saw of it (servers shutting down too).
        if (outcome == StepOutcome.INTERRUPTED || interrupted) {
            interrupted = true;
            return StepOutcome.INTERRUPTED;
        }
        return outcome;
    }

    /** Performs one action; only a run phase or a consistency step fails without stopping the walk (a check or the system failed). */
    private ActionOutcome perform(int index, Action action) throws InterruptedException {
        return action.accept(new ActionHandler(index, servers, adHocSql, phases, consistency, options.ticker()));
    }

    private void notRun(int from, String reason) {
        phaseResults.notRun(from, reason);
        for (int i = from; i < plan.actions().size(); i++) {
            Action a = plan.actions().get(i);
            steps.add(new StepResult(i, a, titles.get(i), a.service(), versionOf(a), Status.SKIPPED, null, 0, "not run: " + reason));
        }
    }

    private Map<String, String> logs(Path reportDir) {
        Map<String, String> out = new LinkedHashMap<>();
        java.util.Set<String> services = new java.util.LinkedHashSet<>();
        for (Action a : plan.actions()) {
            if (a instanceof Action.Start || a instanceof Action.StartService) services.add(a.service());
        }
        for (String s : services) {
            Path p;
            try {
                p = runtime.logFile(s);
            } catch (RuntimeException e) {
                p = null;
            }
            if (p == null) continue;
            Path abs = p.toAbsolutePath();
            out.put(s, reportDir != null && abs.startsWith(reportDir.toAbsolutePath()) ? reportDir.toAbsolutePath().relativize(abs).toString() : abs.toString());
        }
        return out;
    }

    private static Version versionOf(Action a) {
        if (a instanceof Action.Start s) return s.version();
        if (a instanceof Action.AssertVersion v) return v.version();
        return null;
    }
}
