package dev.harness.run;

import static dev.harness.run.PlanBuilder.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.CheckResult;
import dev.harness.model.ExitCode;
import dev.harness.model.Expectation;
import dev.harness.model.Phase;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.model.Statement;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The consistency step against real PostgreSQL servers: amcheck finds a really corrupted index and names it. */
class ConsistencyStepTest {
    @RegisterExtension
    final ExecutorFixture servers = new ExecutorFixture();

    /**
     * Corrupts a B-tree index for real, as a superuser may: its entries were sorted as int4 (-50 before 0), then a
     * catalog update makes the index compare them as oid, unsigned, where -50 is 4294967246 and sorts after 0. The pages
     * are untouched and the index now breaks its own order, which is what bt_index_check verifies.
     */
    private static Statement corruptIndexOrder(String check) {
        return new Statement("UPDATE pg_index SET indclass = (SELECT oid::text FROM pg_opclass WHERE opcname = 'oid_ops'"
                + " AND opcmethod = (SELECT oid FROM pg_am WHERE amname = 'btree'))::oidvector WHERE indexrelid = '${check}_v'::regclass",
                new Expectation.Succeeds(), null, true, null, PlanBuilder.at(check, 6));
    }

    private static Plan plan(List<Statement> manipulate1) {
        var check = PlanBuilder.check("ordered",
                List.of(sql("ordered", 2, "CREATE TABLE ${check} (v int)"), sql("ordered", 3, "INSERT INTO ${check} SELECT generate_series(-50, 50)"),
                        sql("ordered", 4, "CREATE INDEX ${check}_v ON ${check} (v)")),
                manipulate1, List.of(sql("ordered", 8, "SELECT 1")), List.of(sql("ordered", 10, "SELECT count(*) FROM ${check}")));
        return new PlanBuilder().check(check).start("db")
                .phase(Phase.INITIALIZE).consistency("db").phase(Phase.MANIPULATE_1).consistency("db")
                .phase(Phase.MANIPULATE_2).consistency("db").phase(Phase.VALIDATE).consistency(null).build();
    }

    @Test
    void aCorruptedIndexFailsTheConsistencyStepWithItsNameAndThePhaseAfterWhichItAppeared() {
        RunResult r = servers.run(plan(List.of(corruptIndexOrder("ordered"))), 1, RunListener.NONE);

        assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), () -> r.steps().toString());
        assertNull(r.infraError(), "a corrupt index is the system's failure, not the infrastructure's");
        assertEquals(Status.PASSED, ExecutorFixture.check(r, "ordered").status(), "the check's own statements all passed");
        CheckResult consistency = ExecutorFixture.check(r, "consistency");
        assertEquals(Status.FAILED, consistency.status());
        List<PhaseResult> phases = consistency.phases();
        assertEquals(List.of("after initialize", "after manipulate 1", "after manipulate 2", "after validate"),
                phases.stream().map(PhaseResult::label).toList());
        assertEquals(Status.PASSED, phases.get(0).status(), "the index is sound until manipulate 1 corrupts it");
        PhaseResult found = phases.get(1);
        assertEquals(Status.FAILED, found.status());
        String message = found.failure().message();
        assertTrue(message.startsWith("index public.ordered_v (database postgres) is corrupt: "), message);
        assertTrue(message.endsWith("(found after manipulate 1)"), message);
        assertTrue(found.log().stream().anyMatch(l -> l.startsWith("postgres: 1 B-tree indexes, 1 tables")), found.log()::toString);

        StepResult step = r.steps().stream().filter(s -> s.title().equals("consistency on db after manipulate 1")).findFirst().orElseThrow();
        assertEquals(Status.FAILED, step.status());
        assertTrue(step.message().contains("public.ordered_v"), step.message());
        StepResult last = r.steps().get(r.steps().size() - 1);
        assertTrue(last.action() instanceof Action.Consistency, "the run went on to the end: " + last.title());
        assertEquals(Status.FAILED, last.status(), "the index stays corrupt");
        assertEquals("after manipulate 1: " + message, dev.harness.report.FailureText.headline(consistency),
                "junit.xml's failure message: the first problem, after the phase it appeared");
    }

    @Test
    void aSoundDatabasePassesEveryConsistencyStep() {
        RunResult r = servers.run(plan(List.of(sql("ordered", 6, "INSERT INTO ${check} VALUES (51)"))), 1, RunListener.NONE);

        assertEquals(ExitCode.OK, r.exitCode(), () -> r.checks().toString());
        CheckResult consistency = ExecutorFixture.check(r, "consistency");
        assertEquals(Status.PASSED, consistency.status());
        assertEquals(4, consistency.phases().size());
        StepResult last = r.steps().get(r.steps().size() - 1);
        assertEquals("consistency after validate", last.title(), "on the leader, as a phase without 'on'");
        assertEquals("postgres: 1 B-tree indexes, 1 tables", last.message());
    }

    @Test
    void anInvalidIndexIsReportedByName() {
        Statement invalidate = new Statement("UPDATE pg_index SET indisvalid = false WHERE indexrelid = '${check}_v'::regclass",
                new Expectation.Succeeds(), null, true, null, PlanBuilder.at("ordered", 6));
        RunResult r = servers.run(plan(List.of(invalidate)), 1, RunListener.NONE);

        assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
        PhaseResult found = ExecutorFixture.check(r, "consistency").phases().get(1);
        assertEquals("index public.ordered_v (database postgres) is invalid (pg_index.indisvalid is false) (found after manipulate 1)",
                found.failure().message());
    }
}
