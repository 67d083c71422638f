package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Phase;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A run-phase action: the phase of every check still in the run, on one service, one check after the other or
 * on up to {@code --parallel} workers (fewer when the server has fewer free connections). A check's failure is
 * its own; a server the checks cannot reach is the run's: the checks not started yet do not start, those
 * running stop before their next statement, and the phase ends in {@link PhaseInfrastructure} — unless the
 * run is being stopped, which a lost server may be the first sign of.
 */
final class CheckPhases {
    /** An infrastructure failure found inside a phase (a check could not reach its server). */
    static final class PhaseInfrastructure extends RuntimeException {
        PhaseInfrastructure(String message) {
            super(message);
        }
    }

    private final RunState state;
    private final CheckPhaseRunner phaseRunner;
    private final RunStop stop;
    private final ConnectionBudget connections;
    private final PhaseResults results;
    private final String[] phaseLabels;
    private final Duration defaultBudget;
    private final int parallel;

    CheckPhases(RunState state, CheckPhaseRunner phaseRunner, RunStop stop, ConnectionBudget connections, PhaseResults results,
                String[] phaseLabels, Duration defaultBudget, int parallel) {
        this.state = state;
        this.phaseRunner = phaseRunner;
        this.stop = stop;
        this.connections = connections;
        this.results = results;
        this.phaseLabels = phaseLabels;
        this.defaultBudget = defaultBudget;
        this.parallel = Math.max(1, parallel);
    }

    /** Passed with no note when every check passed, else failed with how many did. */
    ActionOutcome run(int index, Action.RunPhase a) throws InterruptedException {
        Plan plan = state.plan();
        String service = state.target(a.service());
        var target = new CheckPhaseRunner.PhaseTarget(index, phaseLabels[index], a.phase(), service, state.version(service),
                plan.base(), state.variables(service), defaultBudget);
        AtomicReference<String> infra = new AtomicReference<>();
        List<PlannedCheck> participating = new ArrayList<>();
        List<Callable<PhaseResult>> tasks = new ArrayList<>();
        for (PlannedCheck pc : plan.checks()) {
            String sitsOut = results.sitsOut(pc);
            if (sitsOut != null) {
                results.skip(pc, target, sitsOut);
            } else {
                participating.add(pc);
                tasks.add(() -> runOne(pc, target, infra));
            }
        }
        int workers = Math.min(parallel, tasks.size());
        if (workers > 1) workers = connections.workers(service, workers, connectionsPerCheck(participating, a.phase()), phaseLabels[index]);
        List<PhaseResult> done = workers <= 1 ? inOrder(participating, tasks) : concurrently(tasks, workers);
        results.record(participating, done);
        if (infra.get() != null) throw new PhaseInfrastructure(infra.get());
        long failed = done.stream().filter(r -> r.status() == Status.FAILED).count();
        if (failed == 0) return ActionOutcome.passed(null);
        return ActionOutcome.failed(failed + " of " + done.size() + (done.size() == 1 ? " check" : " checks") + " failed");
    }

    /** The most connections one check holds on the phase's service: one per user its statements run as, one per session. */
    static int connectionsPerCheck(List<PlannedCheck> checks, Phase phase) {
        int most = 1;
        for (PlannedCheck pc : checks) most = Math.max(most, CheckSessions.connectionsOnService(pc.check().items(phase)));
        return most;
    }

    /** An interrupt keeps the checks that finished: their results are recorded before it goes on. */
    private List<PhaseResult> inOrder(List<PlannedCheck> participating, List<Callable<PhaseResult>> tasks) throws InterruptedException {
        List<PhaseResult> done = new ArrayList<>();
        for (Callable<PhaseResult> t : tasks) {
            try {
                done.add(t.call());
            } catch (InterruptedException e) {
                results.record(participating, done);
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return done;
    }

    private List<PhaseResult> concurrently(List<Callable<PhaseResult>> tasks, int workers) throws InterruptedException {
        List<PhaseResult> done = new ArrayList<>();
        java.util.function.Consumer<String> notes = dev.harness.model.WaitNote.sink();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            // Workers' notes (statement, attempt) reach the step's live counter like the executor thread's own.
            Thread t = new Thread(() -> {
                try (var scope = dev.harness.model.WaitNote.to(notes)) {
                    r.run();
                }
            }, "harness-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PhaseResult>> futures = pool.invokeAll(tasks);
            for (Future<PhaseResult> f : futures) done.add(f.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) throw new InterruptedException("run interrupted");
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return done;
    }

    /** Runs on a worker thread when parallel: touches nothing but {@code infra} and thread-safe collaborators. */
    private PhaseResult runOne(PlannedCheck pc, CheckPhaseRunner.PhaseTarget target, AtomicReference<String> infra) throws InterruptedException {
        String earlier = infra.get();
        if (earlier != null) return results.error(target, "not run: " + earlier);
        String message;
        try {
            return phaseRunner.run(pc.check(), target, infra::get);
        } catch (HarnessException.Infrastructure e) {
            message = e.getMessage();
        } catch (ConnectionLost e) {
            message = target.service() + ": " + e.getMessage();
        }
        if (stop.stopFollows()) throw new InterruptedException("run interrupted");
        infra.compareAndSet(null, message);
        return results.error(target, message);
    }
}
