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

/** A scenario's scope: the systems it runs on and the checks its include filter leaves out (Materialize's §2.2). */
class ScenarioScopeTest {
    private static final Version BASE = new Version("15.17");
    private static final Scenario.Scope REQUIRES_IDEMPOTENCE = new Scenario.Scope(List.of(), null, true, false);
    private static final Scenario.Scope FORCED_MIGRATIONS = new Scenario.Scope(List.of(), null, false, true);
    private static final String NOT_IDEMPOTENT =
            "not externally idempotent (externally-idempotent: false), and the scenario requires external-idempotence";
    private static final String NO_FORCED_MIGRATIONS =
            "does not support forced migrations (supports-forced-migrations: false), and the scenario forces them (forced-migrations: true)";

    @Test
    void aCheckThatIsNotExternallyIdempotentIsSkippedOnlyWhereTheScenarioRequiresIt() {
        Check notIdempotent = check("a", false, true);
        assertEquals(NOT_IDEMPOTENT, CheckGate.skipReason(notIdempotent, "postgres", BASE, REQUIRES_IDEMPOTENCE));
        assertNull(CheckGate.skipReason(notIdempotent, "postgres", BASE, Scenario.Scope.ANY));
        assertNull(CheckGate.skipReason(notIdempotent, "postgres", BASE, FORCED_MIGRATIONS));
        assertNull(CheckGate.skipReason(check("b"), "postgres", BASE, REQUIRES_IDEMPOTENCE), "idempotent by default");
    }

    @Test
    void aCheckWithoutForcedMigrationSupportIsSkippedOnlyWhereTheScenarioForcesThem() {
        Check noForced = check("a", true, false);
        assertEquals(NO_FORCED_MIGRATIONS, CheckGate.skipReason(noForced, "postgres", BASE, FORCED_MIGRATIONS));
        assertNull(CheckGate.skipReason(noForced, "postgres", BASE, Scenario.Scope.ANY));
        assertNull(CheckGate.skipReason(noForced, "postgres", BASE, REQUIRES_IDEMPOTENCE));
        assertNull(CheckGate.skipReason(check("b"), "postgres", BASE, FORCED_MIGRATIONS), "supported by default");
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
