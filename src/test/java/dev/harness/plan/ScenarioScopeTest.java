package dev.harness.plan;

import static dev.harness.plan.Fixtures.check;
import static dev.harness.plan.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Check;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.SourceRef;
import dev.harness.model.Version;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A scenario's scope: the systems it runs on and the checks its include filter leaves out (Materialize's §2.2). */
class ScenarioScopeTest {
    private static final Version BASE = new Version("15.17");
    private static final Scenario.Scope REQUIRES_IDEMPOTENCE = new Scenario.Scope(List.of(), null, true, false);
    private static final Scenario.Scope FORCED_MIGRATIONS = new Scenario.Scope(List.of(), null, false, true);
    private static final String NOT_IDEMPOTENT =
            "not externally idempotent (externally-idempotent: false), and the scenario requires external-idempotence";
    private static final String NO_FORCED_MIGRATIONS =
            "does not support forced migrations (supports-forced-migrations: false), and the scenario forces them (forced-migrations: true)";

    /** A check with one flag, the scope that leaves it out, a scope that does not, and the reason. */
    record Filter(Check flagged, Scenario.Scope leavesOut, Scenario.Scope keeps, String reason) {}

    static List<Filter> filters() {
        return List.of(new Filter(check("a", false, true), REQUIRES_IDEMPOTENCE, FORCED_MIGRATIONS, NOT_IDEMPOTENT),
                new Filter(check("a", true, false), FORCED_MIGRATIONS, REQUIRES_IDEMPOTENCE, NO_FORCED_MIGRATIONS));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void aFlaggedCheckIsSkippedOnlyWhereTheScenarioAsksForIt(Filter f) {
        assertEquals(f.reason(), CheckGate.skipReason(f.flagged(), "postgres", BASE, f.leavesOut()));
        assertNull(CheckGate.skipReason(f.flagged(), "postgres", BASE, Scenario.Scope.ANY));
        assertNull(CheckGate.skipReason(f.flagged(), "postgres", BASE, f.keeps()));
        assertNull(CheckGate.skipReason(check("b"), "postgres", BASE, f.leavesOut()), "a check without flags takes part");
    }

    @Test
    void thePlanRecordsTheFilterReasonsAndAReplayKeepsThem() {
        Scenario s = scenario().start("db_1", "current").allPhases()
                .scope(new Scenario.Scope(List.of(), null, true, true)).build();
        Plan plan = Compiler.compile(s, List.of(check("plain"), check("not_idempotent", false, true), check("no_forced", true, false)),
                Fixtures.config(), "postgres", "process", 5);
        Map<String, String> reasons = reasons(plan);
        assertEquals("", reasons.get("plain"));
        assertEquals(NOT_IDEMPOTENT, reasons.get("not_idempotent"));
        assertEquals(NO_FORCED_MIGRATIONS, reasons.get("no_forced"));
        Plan replayed = PlanJson.read(PlanJson.write(plan));
        assertEquals(plan, replayed);
        assertEquals(reasons, reasons(replayed));
        assertTrue(new PlanPrinter(null).print(plan).contains("skipped: " + NO_FORCED_MIGRATIONS), new PlanPrinter(null).print(plan));
    }

    @Test
    void aScenarioForOtherSystemsIsRefusedAtItsSystemsKey() {
        SourceRef key = SourceRef.of(Fixtures.FILE, 3, 1);
        Scenario s = scenario().start("db_1", "current").allPhases()
                .scope(new Scenario.Scope(List.of("materialize"), key, false, false)).build();
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class,
                () -> Compiler.compile(s, List.of(), Fixtures.config(), "postgres", "process", 1));
        assertEquals(List.of(new Problem(key, "scenario test runs on materialize only, not on postgres")), e.problems());
        Plan onMaterialize = Compiler.compile(s, List.of(), Fixtures.config(), "materialize", "docker", 1);
        assertEquals("materialize", onMaterialize.system());
    }

    @Test
    void aScenarioListingTheSystemCompiles() {
        Scenario s = scenario().start("db_1", "current").allPhases()
                .scope(new Scenario.Scope(List.of("materialize", "postgres"), SourceRef.of(Fixtures.FILE, 3, 1), false, false)).build();
        assertEquals("postgres", Compiler.compile(s, List.of(), Fixtures.config(), "postgres", "process", 1).system());
    }

    @Test
    void listShowsTheScopeAndTheFlags() {
        Scenario s = scenario().base("last").start("db_1", "last")
                .scope(new Scenario.Scope(List.of("materialize"), null, true, true)).build();
        assertEquals("""
                scenarios (1)
                  test  a test scenario  [base last; systems materialize; requires external-idempotence; forced-migrations]  (scenarios.d/test.yaml)
                """, CatalogListing.scenarios(List.of(s)));
        assertEquals("externally-idempotent: false; supports-forced-migrations: false", CatalogListing.gates(check("a", false, false)));
    }

    private static Map<String, String> reasons(Plan plan) {
        return plan.checks().stream().collect(Collectors.toMap(PlannedCheck::name, c -> c.skipReason() == null ? "" : c.skipReason()));
    }
}
