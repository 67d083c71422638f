package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Guard;
import dev.harness.model.HarnessException;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
    private static final SourceRef SRC = SourceRef.of("scenarios.d/x.yaml", 3, 5);

    /** A plan with every action type, every expectation kind, a guard, a retry and a skipped check. */
    static Plan everything() {
        SourceRef c = SourceRef.of("checks.d/portable/t.yaml", 7, 9);
        Check check = new Check("t", "desc", List.of("postgres"), new Version("15.10"), new Version("16.0"), null,
                List.of(new Statement("CREATE TABLE t (a int)", new Expectation.Succeeds(), null, false, null, c)),
                List.of(new Statement("SELECT 1/0", new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.SQLSTATE, "22012")),
                        Duration.ofMillis(1500), false, null, c)),
                List.of(new Statement("ALTER SYSTEM SET x = 1", new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.REGEX, "x.*")),
                        null, true, new Guard(Guard.Subject.BASE, Guard.Op.GE, new Version("15.10"), "base >= 15.10"), c)),
                List.of(new Statement("SELECT a, b FROM t", new Expectation.Rows(
                        List.of(Arrays.asList(Cell.number("1"), Cell.string("one")), List.of(Cell.nul(), Cell.bool(true))),
                        List.of("a", "b"), true), Duration.ofSeconds(60), false,
                        new Guard(Guard.Subject.CURRENT, Guard.Op.LT, new Version("v0.135.0-dev"), "current < v0.135.0-dev"), c)),
                c);
        // every testdrive construct of the check language (issue 11): vars, masks, capture, sessions, logins, sleep, guards
        Check language = dev.harness.load.Loader.loadCheck(java.nio.file.Path.of("src/test/resources/load/language/all_constructs.yaml"));
        Check disabled = new Check("u", null, List.of(), null, null, "flaky", true, true, List.of(), List.of(), List.of(), List.of(), c,
                List.of(), Map.of(), List.of(), null, List.of("sequences", "btree-gist"));
        List<Action> actions = List.of(
                new Action.Start("db_1", new Version("15.10"), false, null, SRC, null),
                new Action.Configure("db_1", SRC, "implicit after start"),
                new Action.AssertVersion("db_1", new Version("15.10"), SRC, "implicit after start"),
                new Action.RunPhase(Phase.INITIALIZE, "db_1", SRC, null),
                new Action.Consistency("db_1", SRC, "implicit after phase"),
                new Action.Start("db_2", new Version("15.19"), true, 1, SRC, "upgrade macro"),
                new Action.AwaitReady("db_2", SRC, "upgrade macro"),
                new Action.Promote("db_2", SRC, "upgrade macro"),
                new Action.Kill("db_1", SRC, "upgrade macro"),
                new Action.Stop("db_2", SRC, null),
                new Action.Sleep(2500, SRC, null),
                new Action.Sql(List.of("SELECT 1", "SELECT 2"), "db_2", true, SRC, null));
        return new Plan("x", "a description", "scenarios.d/x.yaml", "postgres", "process", -42L,
                new Version("15.10"), Fixtures.versions("15.10", "15.19"), new Version("15.19"),
                List.of(new PlannedCheck(check, null), new PlannedCheck(language, null), new PlannedCheck(disabled, "disabled: flaky")),
                actions, Map.of("timeouts.statement", "30s"));
    }

    @Test
    void roundTripIsEqual() {
        Plan plan = everything();
        String json = PlanJson.write(plan);
        assertEquals(plan, PlanJson.read(json));
        assertEquals(json, PlanJson.write(PlanJson.read(json)), "writing is deterministic");
    }

    @Test
    void versionsAreTextAndDurationsMillis() {
        String json = PlanJson.write(everything());
        assertTrue(json.contains("\"base\" : \"15.10\""), json);
        assertTrue(json.contains("\"retry\" : 1500"), json);
        assertTrue(json.contains("\"action\" : \"await-ready\""), json);
        assertTrue(json.contains("\"tags\" : [ \"sequences\", \"btree-gist\" ]"), json);
    }

    @Test
    void notAPlanIsInvalidInput() {
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class, () -> PlanJson.read("{\"base\": \"nope\"}"));
        assertEquals("plan.json:1:10: base: 'nope' is not a version string like 15.19 or v0.78.0", e.getMessage());
        assertThrows(HarnessException.InvalidInput.class, () -> PlanJson.read("[1,"));
    }

    @Test
    void compiledPlanRoundTrips() {
        Plan plan = Compiler.compile(Fixtures.scenario().start("db_1", "last").initialize()
                        .upgradePath(null, dev.harness.model.Step.Via.ZERO_DOWNTIME, 6).manipulate(1).manipulate(2).validate().build(),
                List.of(Fixtures.check("a"), Fixtures.check("b")), Fixtures.config(), "postgres", "process", 5);
        assertEquals(plan, PlanJson.read(PlanJson.write(plan)));
    }
}
