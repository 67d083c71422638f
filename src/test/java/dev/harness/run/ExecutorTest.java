package dev.harness.run;

import static dev.harness.run.PlanBuilder.sql;
import static dev.harness.run.PlanBuilder.tableCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.Cell;
import dev.harness.model.CheckResult;
import dev.harness.model.ExitCode;
import dev.harness.model.Guard;
import dev.harness.model.Phase;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.system.postgres.PgConnections;
import dev.harness.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The executor against real PostgreSQL servers: ProcessRuntime and PostgresSystem, Maven-packaged binaries. */
class ExecutorTest {
    @RegisterExtension
    final ExecutorFixture servers = new ExecutorFixture();

    private RunResult run(Plan plan, int parallel, RunListener listener) {
        return servers.run(plan, parallel, listener);
    }

    private static CheckResult check(RunResult r, String name) {
        return ExecutorFixture.check(r, name);
    }

    @Test
    void aRestartScenarioPassesAndConfiguresOncePerEnvironment() {
        Plan plan = new PlanBuilder().check(tableCheck("alpha", false)).check(tableCheck("beta", false))
                .start("db").allPhases().kill("db").start("db").phase(Phase.VALIDATE).build();
        RunResult r = run(plan, 1, RunListener.NONE);
        assertEquals(ExitCode.OK, r.exitCode(), () -> r.steps().toString());
        assertEquals(List.of(Status.PASSED, Status.PASSED), r.checks().stream().map(CheckResult::status).toList());
        assertEquals(List.of("initialize", "manipulate 1", "manipulate 2", "validate #1", "validate #2"),
                check(r, "alpha").phases().stream().map(PhaseResult::label).toList());
        List<StepResult> configures = r.steps().stream().filter(s -> s.action() instanceof Action.Configure).toList();
        assertEquals(2, configures.size());
        assertNull(configures.get(0).message());
        assertEquals("already configured in this environment", configures.get(1).message());
        // Every configure statement reached the server once: the second configure step sent none.
        assertEquals(servers.system.configureStatements().size(), servers.log.stream().filter(l -> l.startsWith("configure db: ok: ")).count(), servers.log::toString);
        assertTrue(r.steps().stream().allMatch(s -> s.status() == Status.PASSED));
    }

    @Test
    void aFailedCheckIsReportedWithItsDiffAndSkippedLaterWhileOthersGoOn() {
        Plan plan = new PlanBuilder().check(tableCheck("good", false)).check(tableCheck("bad", true)).check(tableCheck("also_good", false))
                .start("db").allPhases().phase(Phase.VALIDATE).build();
        RunResult r = run(plan, 1, RunListener.NONE);
        assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
        assertEquals(Status.PASSED, check(r, "good").status());
        assertEquals(Status.PASSED, check(r, "also_good").status());
        CheckResult bad = check(r, "bad");
        assertEquals(Status.FAILED, bad.status());
        PhaseResult v1 = bad.phases().get(3);
        assertEquals("validate #1", v1.label());
        assertEquals(Status.FAILED, v1.status());
        assertEquals("- 2 | deux\n+ 2 | two\n", v1.failure().diff());
        assertEquals("checks.d/bad.yaml:9", v1.failure().source().fileLine());
        assertEquals("SELECT a, b FROM bad", v1.failure().statement());
        assertTrue(v1.failure().attempts() > 1, "a query is retried");
        PhaseResult v2 = bad.phases().get(4);
        assertEquals(Status.SKIPPED, v2.status());
        assertEquals("failed in validate #1", v2.skipReason());
        StepResult validate = r.steps().stream().filter(s -> "validate #1".equals(s.title())).findFirst().orElseThrow();
        assertEquals(Status.FAILED, validate.status());
        assertEquals("1 of 3 checks failed", validate.message(), "the status is the step's, not a prefix of its note");
    }

    /**
     * Kills the postmaster from inside a statement: the server dies in the middle of a phase. As the system user,
     * because COPY TO PROGRAM and the data_directory setting are for superusers only. The program reads what COPY
     * writes first: a program that exits without reading fails the COPY with XX000 "broken pipe", now and then.
     */
    private static Statement killServer(String check) {
        return killServerThen(check, "");
    }

    /** As {@link #killServer}, then {@code more} in the same statement: the backend answers on without its postmaster. */
    private static Statement killServerThen(String check, String more) {
        return new Statement("DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', "
                + "'cat >/dev/null; kill -9 $(head -1 ' || current_setting('data_directory') || '/postmaster.pid)'); " + more + " END $$",
                new dev.harness.model.Expectation.Succeeds(), null, true, null, PlanBuilder.at(check, 5));
    }

    @Test
    void aServerDyingMidPhaseStopsTheScenarioAndReportsTheRestAsNotRun() {
        runServerDeath(1);
    }

    @Test
    void aServerDyingMidPhaseInParallelModeStopsTheScenarioToo() {
        runServerDeath(3);
    }

    private void runServerDeath(int parallel) {
        var killer = PlanBuilder.check("killer", List.of(sql("killer", 2, "SELECT 1")), List.of(killServer("killer"), sql("killer", 6, "SELECT pg_sleep(5)")), List.of(), List.of());
        Plan plan = new PlanBuilder().check(tableCheck("first", false)).check(killer).check(tableCheck("last", false))
                .start("db").allPhases().build();
        RunResult r = run(plan, parallel, RunListener.NONE);
        assertEquals(ExitCode.INFRASTRUCTURE, r.exitCode());
        assertNotNull(r.infraError());
        assertTrue(r.infraError().startsWith("db: "), r.infraError());
        StepResult m1 = r.steps().stream().filter(s -> "manipulate 1".equals(s.title())).findFirst().orElseThrow();
        assertEquals(Status.ERROR, m1.status());
        List<StepResult> after = r.steps().subList(m1.index() + 1, r.steps().size());
        assertEquals(2, after.size());
        assertTrue(after.stream().allMatch(s -> s.status() == Status.SKIPPED && s.message().startsWith("not run: ")));
        for (CheckResult c : r.checks()) {
            assertEquals(Status.ERROR, c.status(), c::toString);
            assertEquals(4, c.phases().size(), c.name());
            assertEquals(Status.PASSED, c.phases().get(0).status());
            assertEquals(Status.ERROR, c.phases().get(3).status());
            assertTrue(c.phases().get(3).failure().message().startsWith("not run: db: "), c.phases().get(3).failure().message());
        }
        // The statement that kills the postmaster may still return before its backend notices; the sleep after it
        // is cut short by the dying backend.
        assertEquals(Status.ERROR, check(r, "killer").phases().get(1).status());
        // Its own error, or, when another check found the server gone first, the note that it stopped for that.
        assertTrue(check(r, "killer").phases().get(1).failure().message().matches("(?s)(not finished: )?db: .*"),
                check(r, "killer").phases().get(1).failure().message());
    }

    /**
     * The server dies under a statement that still answers (its backend computes on without the postmaster and
     * fails with division by zero) while the runtime still reports the process alive, as it does until the exit is
     * reaped: the failure is the server's loss, not the check's. The flake of a busy CI machine, made certain.
     */
    @Test
    void aFailureAfterTheServerDiedIsAnInfrastructureErrorEvenWhileItsProcessLooksAlive() {
        runFailureAfterDeath(1);
    }

    @Test
    void aFailureAfterTheServerDiedIsAnInfrastructureErrorInParallelModeToo() {
        runFailureAfterDeath(3);
    }

    private void runFailureAfterDeath(int parallel) {
        var killer = PlanBuilder.check("killer", List.of(sql("killer", 2, "SELECT 1")), List.of(killServerThen("killer", "PERFORM 1/0;")),
                List.of(), List.of());
        Plan plan = new PlanBuilder().check(tableCheck("first", false)).check(killer).check(tableCheck("last", false))
                .start("db").allPhases().build();
        RunResult r = servers.run(new ObservedRuntime(servers.runtime()).reportingEveryServiceAsRunning(), plan, parallel, RunListener.NONE);
        assertEquals(ExitCode.INFRASTRUCTURE, r.exitCode(), () -> r.checks().toString());
        PhaseResult m1 = check(r, "killer").phases().get(1);
        assertEquals(Status.ERROR, m1.status(), m1::toString);
        assertTrue(m1.failure().message().matches("(?s)db: a fresh connection failed: .*, after checks.d/killer.yaml:5 failed: statement failed: \\[22012\\] .*"),
                m1.failure().message());
        // In parallel another check may lose its connection first: the run's error is then that one's.
        assertTrue(r.infraError().startsWith("db: "), r.infraError());
        assertTrue(r.checks().stream().noneMatch(c -> c.status() == Status.FAILED), () -> r.checks().toString());
    }

    @Test
    void parallelRunsGiveTheSameResultsAsSequential() {
        PlanBuilder b = new PlanBuilder();
        for (int i = 0; i < 8; i++) b.check(tableCheck("c" + i, i == 5));
        Plan plan = b.start("db").allPhases().phase(Phase.VALIDATE).build();
        RunResult seq = run(plan, 1, RunListener.NONE);
        servers.newRuntime("run-parallel");
        RunResult par = run(plan, 4, RunListener.NONE);
        assertEquals(summary(seq), summary(par));
        assertEquals(ExitCode.CHECK_FAILED, par.exitCode());
        assertEquals(seq.steps().stream().map(StepResult::status).toList(), par.steps().stream().map(StepResult::status).toList());
    }

    private static String summary(RunResult r) {
        return r.checks().stream().map(c -> c.name() + "=" + c.status() + c.phases().stream()
                .map(p -> p.label() + ":" + p.status() + ":" + (p.failure() == null ? "" : p.failure().diff()) + ":" + p.skipReason())
                .collect(Collectors.joining(","))).collect(Collectors.joining("\n"));
    }

    @Test
    void gatedChecksAreSkippedWithTheirReasonAndNeverRun() {
        var broken = PlanBuilder.check("gated", List.of(sql("gated", 2, "THIS IS NOT SQL")), List.of(), List.of(), List.of());
        Plan plan = new PlanBuilder().check(tableCheck("runs", false)).skippedCheck(broken, "base 15.18 < since 16.0")
                .start("db").allPhases().build();
        RunResult r = run(plan, 1, RunListener.NONE);
        assertEquals(ExitCode.OK, r.exitCode());
        CheckResult gated = check(r, "gated");
        assertEquals(Status.SKIPPED, gated.status());
        assertEquals("base 15.18 < since 16.0", gated.skipReason());
        assertTrue(gated.phases().stream().allMatch(p -> p.status() == Status.SKIPPED));
    }

    @Test
    void guardsVariablesAndSystemUserApply() {
        Guard future = new Guard(Guard.Subject.CURRENT, Guard.Op.GE, new Version("99"), "current >= 99");
        Guard base = new Guard(Guard.Subject.BASE, Guard.Op.EQ, PlanBuilder.PG, "base == " + PlanBuilder.PG);
        var c = PlanBuilder.check("vars",
                List.of(new Statement("THIS WOULD FAIL", new dev.harness.model.Expectation.Succeeds(), null, false, future, PlanBuilder.at("vars", 2)),
                        new Statement("CREATE TABLE ${check}_${seed} AS SELECT '${scenario}'::text AS s, '${current}'::text AS v, current_user::text AS u",
                                new dev.harness.model.Expectation.Succeeds(), null, true, base, PlanBuilder.at("vars", 3))),
                List.of(), List.of(),
                // Read as the system user too: the table is its own, the normal user may not read it on a real server.
                List.of(new Statement("SELECT s, v, u FROM vars_7", new dev.harness.model.Expectation.Rows(List.of(List.of(Cell.string("test"),
                        Cell.string(PlanBuilder.PG.toString()), Cell.string("postgres"))), null, false), null, true, null, PlanBuilder.at("vars", 9))));
        RunResult r = run(new PlanBuilder().check(c).start("db").allPhases().build(), 1, RunListener.NONE);
        assertEquals(ExitCode.OK, r.exitCode(), () -> r.checks().toString());
        assertTrue(check(r, "vars").phases().get(0).log().get(0).startsWith("skip (when current >= 99)"));
    }

    @Test
    void aServerReportingAnotherVersionIsAnInfrastructureError() {
        Plan plan = new PlanBuilder().check(tableCheck("x", false))
                .action(new Action.Start("db", PlanBuilder.PG, false, null, SourceRef.NONE, null))
                .action(new Action.AssertVersion("db", new Version("14.1"), SourceRef.NONE, "implicit after start"))
                .allPhases().build();
        RunResult r = run(plan, 1, RunListener.NONE);
        assertEquals(ExitCode.INFRASTRUCTURE, r.exitCode());
        assertTrue(r.infraError().contains("expected 14.1"), r.infraError());
        assertEquals(Status.ERROR, check(r, "x").status());
    }

    @Test
    void anInterruptStopsTheWalkAndMarksTheRestNotRun() {
        Plan plan = new PlanBuilder().check(tableCheck("x", false)).start("db").phase(Phase.INITIALIZE)
                .action(new Action.Sleep(600_000, SourceRef.NONE, null)).phase(Phase.VALIDATE).build();
        List<String> events = new ArrayList<>();
        Executor[] ex = new Executor[1];
        RunListener l = new RunListener() {
            @Override
            public void stepStarted(int index, int total, String title) {
                events.add("start " + title);
                if (title.startsWith("sleep")) ex[0].interrupt();
            }

            @Override
            public void stepFinished(StepResult result, int total) {
                events.add(result.status() + " " + result.title());
            }
        };
        ex[0] = servers.executor(servers.runtime(), 1, l);
        RunResult r = ex[0].run(plan, "cmd", null);
        assertTrue(r.interrupted());
        assertEquals(ExitCode.INFRASTRUCTURE, r.exitCode());
        assertTrue(events.contains("ERROR sleep 10m"), events.toString());
        assertEquals("not run: interrupted", r.steps().get(r.steps().size() - 1).message());
        assertEquals(Status.ERROR, check(r, "x").phases().get(1).status());
        assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt flag does not leak");
        ex[0].interrupt(); // e.g. the shutdown hook, while this thread writes the reports
        assertTrue(!Thread.currentThread().isInterrupted(), "an interrupt after the walk does not reach the thread");
        assertEquals(Map.of("db", servers.runtime().logFile("db").toAbsolutePath().toString()), r.logs());
    }

    /**
     * A terminal's Ctrl-C reaches the local servers too: a server shutting down on its own SIGINT is seen before
     * the harness's interrupt arrives. The run is interrupted, not broken by its server.
     */
    @Test
    void aServerShutDownByTheSameCtrlCIsPartOfTheInterruptNotAnInfrastructureError() throws Exception {
        var sleeper = PlanBuilder.check("sleeper", List.of(sql("sleeper", 2, "SELECT 1")), List.of(sql("sleeper", 5, "SELECT pg_sleep(600) AS ctrl_c")),
                List.of(), List.of());
        Plan plan = new PlanBuilder().check(sleeper).start("db").allPhases().build();
        ObservedRuntime observed = new ObservedRuntime(servers.runtime());
        Executor[] ex = new Executor[1];
        List<CompletableFuture<Void>> ctrlC = new CopyOnWriteArrayList<>();
        RunListener l = new RunListener() {
            @Override
            public void stepStarted(int index, int total, String title) {
                if (title.equals("manipulate 1")) ctrlC.add(CompletableFuture.runAsync(() -> sigintWhileSleeping(observed, ex[0])));
            }
        };
        ex[0] = servers.executor(observed, 1, l);
        RunResult r = ex[0].run(plan, "cmd", null);
        ctrlC.get(0).get(120, TimeUnit.SECONDS);
        assertTrue(r.interrupted(), () -> r.steps().toString());
        assertNull(r.infraError());
        assertEquals(ExitCode.INFRASTRUCTURE, r.exitCode());
        for (PhaseResult p : check(r, "sleeper").phases().subList(1, 4)) assertEquals("not run: interrupted", p.failure().message());
        assertEquals("interrupted", r.steps().stream().filter(s -> "manipulate 1".equals(s.title())).findFirst().orElseThrow().message());
    }

    /** SIGINT to the server (a fast shutdown) once the statement sleeps; the harness's interrupt follows. */
    private void sigintWhileSleeping(ObservedRuntime observed, Executor ex) {
        RunningService db = observed.started("db");
        Await.until("the statement sleeps", () -> {
            try {
                return "1".equals(PgConnections.queryText(servers.system.endpoint(db, true),
                        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%AS ctrl_c%' AND pid <> pg_backend_pid()"));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            new ProcessBuilder("kill", "-INT", db.id()).start().waitFor();
            // The signal reaches the harness a moment later (its handler runs on a Java thread); well within the grace.
            ProcessHandle.of(Long.parseLong(db.id())).ifPresent(h -> {
                try {
                    h.onExit().get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException | InterruptedException slow) {
                    // interrupt anyway: the point is the order, the server's news first
                }
            });
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        ex.interrupt();
    }
}
