package dev.harness.run;

import static dev.harness.run.PlanBuilder.sql;
import static dev.harness.run.PlanBuilder.tableCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.CheckResult;
import dev.harness.model.Expectation;
import dev.harness.model.ExitCode;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.model.Statement;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.runtime.RunningService;
import dev.harness.system.SqlEndpoint;
import dev.harness.system.postgres.PgConnections;
import dev.harness.testing.Await;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a run does at the server's limits: statements past their budget, more workers than free connections. */
class ExecutorLimitsTest {
    @RegisterExtension
    final ExecutorFixture servers = new ExecutorFixture();

    private static CheckResult check(RunResult r, String name) {
        return ExecutorFixture.check(r, name);
    }

    @Test
    void aStatementPastItsBudgetFailsItsCheckAsTimedOutWhileTheServerAndTheOtherChecksGoOn() {
        // One with its own budget (retry: 1s: retried on error, but the timeout ends it), one with the plan's
        // timeouts.statement (2s, tried once); one attempt either way.
        Statement ownBudget = new Statement("SELECT pg_sleep(600)", new Expectation.Succeeds(), Duration.ofSeconds(1), false, null, PlanBuilder.at("slow_own", 5));
        var slowOwn = PlanBuilder.check("slow_own", List.of(sql("slow_own", 2, "SELECT 1")), List.of(ownBudget), List.of(), List.of());
        var slowDefault = PlanBuilder.check("slow_default", List.of(sql("slow_default", 2, "SELECT 1")),
                List.of(sql("slow_default", 5, "SELECT pg_sleep(600)")), List.of(), List.of());
        Plan plan = new PlanBuilder().check(tableCheck("good", false)).check(slowOwn).check(slowDefault).start("db").allPhases().build();
        RunResult r = servers.run(plan, 3, RunListener.NONE);
        assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), () -> r.steps().toString());
        assertNull(r.infraError());
        assertEquals(Status.PASSED, check(r, "good").status(), () -> check(r, "good").toString());
        for (String name : List.of("slow_own", "slow_default")) {
            PhaseResult m1 = check(r, name).phases().get(1);
            assertEquals(Status.FAILED, m1.status(), m1::toString);
            if (name.equals("slow_own")) {
                assertTrue(m1.failure().message().matches("timed out after 1 s \\(1 attempt in \\d+ ms, retry budget 1000 ms\\)"), m1.failure().message());
            } else {
                assertEquals("timed out after 2 s", m1.failure().message());
            }
            assertEquals("checks.d/" + name + ".yaml:5", m1.failure().source().fileLine());
            assertEquals("SELECT pg_sleep(600)", m1.failure().statement());
        }
        // The validate step after the timeouts ran: the server served on.
        StepResult validate = r.steps().get(r.steps().size() - 1);
        assertEquals(Status.PASSED, validate.status(), validate::toString);
    }

    @Test
    void aServerThatStopsAnsweringIsAnInfrastructureErrorNotATimeout() throws Exception {
        var hung = PlanBuilder.check("hung", List.of(sql("hung", 2, "SELECT 1")), List.of(sql("hung", 5, "SELECT pg_sleep(600) AS hung")), List.of(), List.of());
        Plan plan = new PlanBuilder().check(hung).start("db").allPhases().build();
        ObservedRuntime observed = new ObservedRuntime(servers.runtime());
        List<String> stopped = new CopyOnWriteArrayList<>();
        RunListener freeze = new RunListener() {
            @Override
            public void stepStarted(int index, int total, String title) {
                if (!title.equals("manipulate 1")) return;
                RunningService db = observed.started("db");
                java.util.concurrent.CompletableFuture.runAsync(() -> {
                    awaitActive(db, "AS hung");
                    signal("STOP", db.id()); // the postmaster: no cancel is taken, no connection answered
                    stopped.add(db.id());
                });
            }
        };
        try {
            RunResult r = servers.run(observed, plan, 1, freeze);
            assertEquals(ExitCode.INFRASTRUCTURE, r.exitCode(), () -> r.checks().toString());
            assertTrue(r.infraError().startsWith("db: server did not answer a fresh connection within 15 s"), r.infraError());
            assertTrue(r.infraError().contains("after checks.d/hung.yaml:5 failed: timed out after 2 s"), r.infraError());
        } finally {
            stopped.forEach(pid -> signal("CONT", pid));
        }
    }

    private static void signal(String name, String pid) {
        try {
            new ProcessBuilder("kill", "-" + name, pid).inheritIO().start().waitFor();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitActive(RunningService db, String marker) {
        Await.until(marker + " runs", () -> {
            try {
                return "1".equals(PgConnections.queryText(servers.system.endpoint(db, true), "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND query LIKE '%" + marker + "%' AND pid <> pg_backend_pid()"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void parallelBeyondTheServersFreeConnectionsIsCappedAndNoCheckFailsForWantOfOne() throws Exception {
        // Every check holds two connections (its user's and the system user's) for a while.
        PlanBuilder b = new PlanBuilder();
        for (int i = 0; i < 12; i++) {
            String name = "c" + i;
            Statement asSystem = new Statement("SELECT pg_sleep(0.3)", new Expectation.Succeeds(), null, true, null, PlanBuilder.at(name, 6));
            b.check(PlanBuilder.check(name, List.of(sql(name, 2, "SELECT 1")), List.of(sql(name, 5, "SELECT pg_sleep(0.3)"), asSystem), List.of(), List.of()));
        }
        Plan plan = b.start("db").allPhases().build();
        ObservedRuntime observed = new ObservedRuntime(servers.runtime());
        List<Connection> idle = new ArrayList<>();
        RunListener fillSlots = new RunListener() {
            @Override
            public void stepStarted(int index, int total, String title) {
                if (title.equals("manipulate 1")) occupyAllButSeven(observed.started("db"), idle);
            }
        };
        try {
            RunResult r = servers.run(observed, plan, 12, fillSlots);
            assertEquals(ExitCode.OK, r.exitCode(), () -> r.checks().toString());
            assertTrue(servers.log.contains("--parallel capped to 3 for manipulate 1 on db: the server has 7 free connections and a check holds up to 2"),
                    servers.log::toString);
        } finally {
            for (Connection c : idle) c.close();
        }
    }

    /**
     * Opens idle connections as the normal user until the server has seven slots left for it, as the harness's own
     * query (which counts itself) will see them.
     */
    private void occupyAllButSeven(RunningService db, List<Connection> idle) {
        SqlEndpoint admin = servers.system.endpoint(db, true);
        try {
            int slots = Integer.parseInt(PgConnections.queryText(admin,
                    "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int"));
            for (int i = 0; i < slots - 8; i++) idle.add(PgConnections.open(servers.system.endpoint(db, false)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // Backends of closed connections leave a moment later: wait until only the idle ones (and the asker) count.
        Await.until("seven free connections", () -> {
            try {
                return Integer.parseInt(PgConnections.queryText(admin, servers.system.freeConnectionsQuery())) == 7;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
