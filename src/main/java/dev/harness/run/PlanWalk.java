package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.CheckResult;
import dev.harness.model.Durations;
import dev.harness.model.Expectation;
import dev.harness.model.Failure;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.RunResult;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.Runtime;
import dev.harness.runtime.ServiceSpec;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.SqlEndpoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/** One walk over one plan: the mutable side of {@link Executor}. */
final class PlanWalk {
    private final Plan plan;
    private final DatabaseSystem system;
    private final Runtime runtime;
    private final ExecutorOptions options;
    private final Thread walker;
    private final RunState state;
    private final CheckPhaseRunner phaseRunner;
    private final Duration defaultBudget;
    private final String[] phaseLabels;
    private final List<StepResult> steps = new ArrayList<>();
    private StepHeartbeat heartbeat;
    private final Map<String, List<PhaseResult>> phasesByCheck = new LinkedHashMap<>();
    private final Map<String, String> failedIn = new HashMap<>();
    private volatile boolean interrupted;
    private boolean supportStarted;

    /** An infrastructure failure found inside a phase (a check could not reach its server). */
    private static final class PhaseInfrastructure extends RuntimeException {
        PhaseInfrastructure(String message) {
            super(message);
        }
    }

    PlanWalk(Plan plan, DatabaseSystem system, Runtime runtime, HarnessConfig config, ExecutorOptions options, Thread walker) {
        this.plan = plan;
        this.system = system;
        this.runtime = runtime;
        this.options = options;
        this.walker = walker;
        String runId = plan.scenario() + "-" + Long.toHexString(options.clock().millis());
        this.state = new RunState(plan, config, runtime, runId, options.log());
        this.phaseRunner = new CheckPhaseRunner((svc, sys) -> endpoint(svc, sys), runtime::isRunning, options.ticker(), options.clock(), options.log());
        String configured = plan.settings() == null ? null : plan.settings().get("timeouts.statement");
        this.defaultBudget = configured != null ? Durations.parse(configured)
                : config != null && config.timeouts() != null && config.timeouts().statement() != null ? config.timeouts().statement()
                : options.statementTimeout();
        this.phaseLabels = labels(plan);
        for (PlannedCheck c : plan.checks()) phasesByCheck.put(c.name(), new ArrayList<>());
    }

    void interrupt() {
        interrupted = true;
        walker.interrupt();
    }

    RunResult run(String command, Path reportDir) {
        try (StepHeartbeat beat = new StepHeartbeat(options.listener())) {
            heartbeat = beat;
            return walk(command, reportDir);
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
            String title = StepTitles.title(action, phaseLabels[i]);
            options.listener().stepStarted(i, total, title);
            heartbeat.begin("elapsed");
            options.log().accept("step " + (i + 1) + "/" + total + " start: " + title);
            Instant stepStart = options.clock().instant();
            Status status = Status.PASSED;
            String message = null;
            try {
                message = perform(i, action);
                if (message != null && message.startsWith("FAILED ")) status = Status.FAILED;
            } catch (InterruptedException e) {
                interrupted = true;
                status = Status.ERROR;
                message = stopReason = "interrupted";
            } catch (HarnessException e) {
                status = Status.ERROR;
                message = stopReason = infraError = e.getMessage();
            } catch (PhaseInfrastructure | ConnectionLost e) {
                status = Status.ERROR;
                message = stopReason = infraError = e.getMessage();
            } catch (RuntimeException e) {
                status = Status.ERROR;
                message = stopReason = infraError = "internal error in " + title + ": " + e;
                // A bug of the harness, not of the servers: keep the stack trace where a bug report can quote it.
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                options.log().accept("internal error in " + title + ":\n" + trace);
            }
            if (interrupted && status == Status.PASSED) {
                status = Status.ERROR;
                message = stopReason = "interrupted";
            }
            StepResult result = new StepResult(i, action, title, action.service(), versionOf(action), status, stepStart,
                    Duration.between(stepStart, options.clock().instant()).toMillis(), message);
            steps.add(result);
            options.log().accept("step " + (i + 1) + "/" + total + " " + status + " (" + result.durationMillis() + " ms): " + title
                    + (message == null ? "" : ": " + message));
            heartbeat.end();
            options.listener().stepFinished(result, total);
            if (stopReason != null) {
                notRunPhases(i, stopReason);
                notRun(i + 1, stopReason);
                break;
            }
        }
        if (interrupted) Thread.interrupted(); // the walk handled it; do not leak the flag into report writing
        return new RunResult(plan, command, started, options.clock().instant(), List.copyOf(steps), checkResults(),
                infraError, interrupted, logs(reportDir), reportDir);
    }

    /** Performs one action; returns a note for the step result (null = nothing to say). */
    private String perform(int index, Action action) throws InterruptedException {
        if (action instanceof Action.Start s) return start(s);
        if (action instanceof Action.Configure c) return configure(c);
        if (action instanceof Action.AssertVersion v) return assertVersion(v);
        if (action instanceof Action.AwaitReady r) {
            system.awaitReadyToPromote(r.service(), state);
            return null;
        }
        if (action instanceof Action.Promote p) {
            system.promote(p.service(), state);
            state.promoted(p.service());
            return null;
        }
        if (action instanceof Action.Kill k) {
            runtime.kill(k.service());
            state.gone(k.service());
            return null;
        }
        if (action instanceof Action.Stop s) {
            runtime.stop(s.service(), Duration.ofSeconds(30));
            state.gone(s.service());
            return null;
        }
        if (action instanceof Action.Sleep s) {
            options.ticker().sleep(s.millis());
            return null;
        }
        if (action instanceof Action.Sql q) return adHocSql(q);
        return runPhase(index, (Action.RunPhase) action);
    }

    private String start(Action.Start s) {
        if (!supportStarted) {
            runtime.prepare(everySpec());
            for (ServiceSpec spec : system.supportServices(state)) {
                RunningService rs = runtime.start(spec);
                state.started(rs, null, false);
            }
            supportStarted = true;
        }
        system.beforeStart(s, state);
        RunningService rs = runtime.start(system.serviceSpec(s, state));
        state.started(rs, s.version(), false);
        system.awaitStarted(s, rs, state);
        if (!s.readOnly()) state.started(rs, s.version(), true);
        return null;
    }

    /** What the whole plan will start, so missing images or binaries are found before anything runs. */
    private List<ServiceSpec> everySpec() {
        List<ServiceSpec> specs = new ArrayList<>(system.supportServices(state));
        for (Action a : plan.actions()) {
            if (a instanceof Action.Start s) specs.add(system.serviceSpec(s, state));
        }
        return specs;
    }

    private String configure(Action.Configure c) {
        if (state.configured()) return "already configured in this environment";
        List<String> statements = system.configureStatements();
        try (Connection conn = Connections.open(endpoint(c.service(), true), defaultBudget, "harness configure")) {
            for (String sql : statements) {
                try (var st = conn.createStatement()) {
                    st.execute(sql);
                    options.log().accept("configure " + c.service() + ": ok: " + CheckPhaseRunner.oneLine(sql));
                }
            }
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(c.service(), "configure failed: " + StatementRunner.errorText(e), e);
        }
        state.markConfigured(); // only after every statement succeeded, so a failed configure is retried by the next one
        return null;
    }

    private String assertVersion(Action.AssertVersion v) {
        String reported;
        try (Connection conn = Connections.open(endpoint(v.service(), true), defaultBudget, "harness assert-version");
             var st = conn.createStatement();
             ResultSet rs = st.executeQuery(system.versionQuery())) {
            reported = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(v.service(), "version query failed: " + StatementRunner.errorText(e), e);
        }
        if (reported == null) throw new HarnessException.Infrastructure(v.service(), "version query returned no row", null);
        Version actual = system.parseVersion(reported);
        if (!actual.sameAs(v.version())) {
            throw new HarnessException.Infrastructure(v.service(), "reports version " + reported + ", expected " + v.version(), null);
        }
        state.learnedVersion(v.service(), v.version()); // the name asked for: ${current} must not carry a build note
        return "reports " + reported;
    }

    private String adHocSql(Action.Sql q) throws InterruptedException {
        String service = target(q.service());
        Map<String, String> vars = variables(service);
        try (Connection conn = Connections.open(endpoint(service, q.asSystem()), defaultBudget, "harness sql")) {
            StatementRunner runner = new StatementRunner(options.ticker());
            for (String sql : q.statements()) {
                Statement s = new Statement(sql, new Expectation.Succeeds(), null, q.asSystem(), null, q.source());
                StatementRunner.Outcome out = runner.run(conn, s, Variables.substitute(sql, vars), defaultBudget);
                if (!out.passed()) throw new HarnessException.Infrastructure(service, out.failure().message() + " (" + q.source().fileLine() + ")", null);
            }
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(service, StatementRunner.errorText(e), e);
        }
        return null;
    }

    private String runPhase(int index, Action.RunPhase a) throws InterruptedException {
        String service = target(a.service());
        var target = new CheckPhaseRunner.PhaseTarget(index, phaseLabels[index], a.phase(), service, state.version(service),
                plan.base(), variables(service), defaultBudget);
        AtomicReference<String> infra = new AtomicReference<>();
        List<PlannedCheck> participating = new ArrayList<>();
        List<Callable<PhaseResult>> tasks = new ArrayList<>();
        for (PlannedCheck pc : plan.checks()) {
            if (skipReason(pc) != null) {
                phasesByCheck.get(pc.name()).add(skipped(target, skipReason(pc)));
            } else if (failedIn.containsKey(pc.name())) {
                phasesByCheck.get(pc.name()).add(skipped(target, "failed in " + failedIn.get(pc.name())));
            } else {
                participating.add(pc);
                tasks.add(() -> runOne(pc, target, infra));
            }
        }
        List<PhaseResult> results = new ArrayList<>();
        int parallel = Math.max(1, options.parallel());
        if (parallel == 1 || tasks.size() <= 1) {
            for (Callable<PhaseResult> t : tasks) {
                try {
                    results.add(t.call());
                } catch (InterruptedException e) {
                    record(participating, results);
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, tasks.size()), r -> {
                Thread t = new Thread(r, "harness-check");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<PhaseResult>> futures = pool.invokeAll(tasks);
                for (Future<PhaseResult> f : futures) results.add(f.get());
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw e;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        record(participating, results);
        if (infra.get() != null) throw new PhaseInfrastructure(infra.get());
        long failed = results.stream().filter(r -> r.status() == Status.FAILED).count();
        return failed == 0 ? null : "FAILED " + failed + " of " + results.size() + (results.size() == 1 ? " check" : " checks") + " failed";
    }

    private PhaseResult runOne(PlannedCheck pc, CheckPhaseRunner.PhaseTarget target, AtomicReference<String> infra) throws InterruptedException {
        String earlier = infra.get();
        if (earlier != null) return error(target, "not run: " + earlier);
        try {
            return phaseRunner.run(pc.check(), target);
        } catch (HarnessException.Infrastructure e) {
            infra.compareAndSet(null, e.getMessage());
            return error(target, e.getMessage());
        } catch (ConnectionLost e) {
            String msg = runtime.isRunning(target.service())
                    ? target.service() + ": " + e.getMessage()
                    : target.service() + ": server is not running (" + e.getMessage() + ")";
            infra.compareAndSet(null, msg);
            return error(target, msg);
        }
    }

    private void record(List<PlannedCheck> participating, List<PhaseResult> results) {
        for (int i = 0; i < results.size(); i++) {
            PlannedCheck pc = participating.get(i);
            PhaseResult r = results.get(i);
            phasesByCheck.get(pc.name()).add(r);
            if (r.status() == Status.FAILED) failedIn.put(pc.name(), r.label());
        }
    }

    /** Marks every phase that could not run from action {@code from} on (a phase already recorded is kept). */
    private void notRunPhases(int from, String reason) {
        for (int i = from; i < plan.actions().size(); i++) {
            if (!(plan.actions().get(i) instanceof Action.RunPhase a)) continue;
            var target = new CheckPhaseRunner.PhaseTarget(i, phaseLabels[i], a.phase(), a.service(), null, plan.base(), Map.of(), defaultBudget);
            for (PlannedCheck pc : plan.checks()) {
                List<PhaseResult> done = phasesByCheck.get(pc.name());
                final int idx = i;
                if (done.stream().anyMatch(r -> r.actionIndex() == idx)) continue;
                if (skipReason(pc) != null) done.add(skipped(target, skipReason(pc)));
                else if (failedIn.containsKey(pc.name())) done.add(skipped(target, "failed in " + failedIn.get(pc.name())));
                else done.add(error(target, "not run: " + reason));
            }
        }
    }

    private void notRun(int from, String reason) {
        notRunPhases(from, reason);
        for (int i = from; i < plan.actions().size(); i++) {
            Action a = plan.actions().get(i);
            steps.add(new StepResult(i, a, StepTitles.title(a, phaseLabels[i]), a.service(), versionOf(a), Status.SKIPPED, null, 0, "not run: " + reason));
        }
    }

    private PhaseResult skipped(CheckPhaseRunner.PhaseTarget t, String reason) {
        return new PhaseResult(t.actionIndex(), t.label(), t.phase(), t.service(), Status.SKIPPED, null, 0, null, reason, List.of());
    }

    private PhaseResult error(CheckPhaseRunner.PhaseTarget t, String message) {
        SourceRef src = plan.actions().get(t.actionIndex()).source();
        Failure f = new Failure(message, null, src, null, null, "", 0);
        return new PhaseResult(t.actionIndex(), t.label(), t.phase(), t.service(), Status.ERROR, null, 0, f, null, List.of());
    }

    private static String skipReason(PlannedCheck pc) {
        if (pc.skipReason() != null) return pc.skipReason();
        return pc.check().disabled() != null ? "disabled: " + pc.check().disabled() : null;
    }

    private List<CheckResult> checkResults() {
        List<CheckResult> out = new ArrayList<>();
        for (PlannedCheck pc : plan.checks()) {
            List<PhaseResult> phases = phasesByCheck.get(pc.name());
            String skip = skipReason(pc);
            Status status;
            if (skip != null) {
                status = Status.SKIPPED;
            } else {
                status = phases.isEmpty() ? Status.PASSED : Status.SKIPPED;
                for (PhaseResult r : phases) status = status.worst(r.status());
            }
            long ms = phases.stream().mapToLong(PhaseResult::durationMillis).sum();
            out.add(new CheckResult(pc.name(), pc.check().description(), pc.check().source(), status, skip, ms, List.copyOf(phases)));
        }
        return out;
    }

    private Map<String, String> logs(Path reportDir) {
        Map<String, String> out = new LinkedHashMap<>();
        java.util.Set<String> services = new java.util.LinkedHashSet<>();
        for (Action a : plan.actions()) if (a instanceof Action.Start s) services.add(s.service());
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

    private String target(String service) {
        if (service != null) return service;
        return state.leader().orElseThrow(() -> new HarnessException.Infrastructure("no service is leading: start one first"));
    }

    private SqlEndpoint endpoint(String service, boolean asSystem) {
        RunningService rs = state.service(service)
                .orElseThrow(() -> new HarnessException.Infrastructure(service, "is not running", null));
        return system.endpoint(rs, asSystem);
    }

    private Map<String, String> variables(String service) {
        Map<String, String> v = new HashMap<>();
        v.put("scenario", plan.scenario());
        v.put("seed", Long.toString(plan.seed()));
        if (plan.base() != null) v.put("base", plan.base().toString());
        Version current = state.version(service);
        v.put("current", current != null ? current.toString() : plan.current() == null ? "" : plan.current().toString());
        return v;
    }

    private static Version versionOf(Action a) {
        if (a instanceof Action.Start s) return s.version();
        if (a instanceof Action.AssertVersion v) return v.version();
        return null;
    }

    /** "initialize", "manipulate 1", and "validate #N" when a plan validates more than once. */
    private static String[] labels(Plan plan) {
        int validates = (int) plan.actions().stream().filter(a -> a instanceof Action.RunPhase p && p.phase() == dev.harness.model.Phase.VALIDATE).count();
        String[] out = new String[plan.actions().size()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (plan.actions().get(i) instanceof Action.RunPhase p) {
                out[i] = p.phase() == dev.harness.model.Phase.VALIDATE && validates > 1 ? "validate #" + (++n) : p.phase().label();
            }
        }
        return out;
    }
}
