package dev.harness.plan;

import static dev.harness.plan.Fixtures.config;
import static dev.harness.plan.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.ActionTitle;
import dev.harness.model.HarnessException;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.Step;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompilerTest {

    static Plan compile(Scenario s) {
        return Compiler.compile(s, List.of(), config(), "postgres", "process", 1);
    }

    /** Titles with the origin in brackets for generated steps: what the plan says, compactly. */
    static List<String> titles(Plan plan) {
        List<String> titles = ActionTitle.of(plan);
        return java.util.stream.IntStream.range(0, titles.size()).mapToObj(i -> titles.get(i)
                + (plan.actions().get(i).origin() == null ? "" : " [" + plan.actions().get(i).origin() + "]")).toList();
    }

    private static String last(List<String> titles) {
        return titles.get(titles.size() - 1);
    }

    static List<String> problems(Scenario s) {
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class, () -> compile(s));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void designZeroDowntimeExampleCompilesWithImplicitSteps() {
        Scenario s = scenario().base("last")
                .start("db_1", "last")
                .initialize()
                .startReadOnly("db_2", "current", 1)
                .manipulate(1)
                .promote("db_2")
                .manipulate(2)
                .validate()
                .kill("db_2")
                .start("db_2", "current", 1)
                .validate()
                .build();
        Plan plan = compile(s);
        assertEquals(List.of(
                "start db_1 15.18",
                "configure db_1 [implicit after start]",
                "assert-version db_1 15.18 [implicit after start]",
                "initialize on db_1",
                "consistency on db_1 after initialize [implicit after phase]",
                "start db_2 15.19 (read-only, generation 1)",
                "manipulate 1 on db_1",
                "consistency on db_1 after manipulate 1 [implicit after phase]",
                "promote db_2",
                "assert-version db_2 15.19 [implicit after promote]",
                "manipulate 2 on db_2",
                "consistency on db_2 after manipulate 2 [implicit after phase]",
                "validate #1 on db_2",
                "consistency on db_2 after validate #1 [implicit after phase]",
                "kill db_2",
                "start db_2 15.19 (generation 1)",
                "configure db_2 [implicit after start]",
                "assert-version db_2 15.19 [implicit after start]",
                "validate #2 on db_2",
                "consistency on db_2 after validate #2 [implicit after phase]"), titles(plan));
        assertEquals(new Version("15.18"), plan.base());
        assertEquals(new Version("15.19"), plan.current());
        // implicit steps point at the step they follow
        assertEquals(Fixtures.line(4), plan.actions().get(1).source());
        assertEquals(Fixtures.line(8), plan.actions().get(9).source());
        assertTrue(plan.actions().get(1).implicit());
        assertTrue(!plan.actions().get(0).implicit());
    }

    @Test
    void baseDefaultsToTheFirstStartsVersion() {
        Plan plan = compile(scenario().start("db_1", "previous").allPhases().build());
        assertEquals(new Version("15.17"), plan.base());
    }

    @Test
    void scenarioBaseIsResolvedAsAName() {
        Plan plan = compile(scenario().base("oldest").start("db_1", "current").allPhases().build());
        assertEquals(new Version("15.10"), plan.base());
    }

    @Test
    void unknownBaseIsAProblemAtTheScenario() {
        assertEquals(List.of("scenarios.d/test.yaml:1:1: base: unknown version 'newest': expected current, last, previous, "
                        + "last-N, oldest or a postgres version of the catalog [15.10, 15.13, 15.15, 15.17, 15.18, 15.19] or current (15.19)"),
                problems(scenario().base("newest").start("db_1", "current").allPhases().build()));
    }

    @Test
    void aScenarioWithoutStartIsRejected() {
        assertEquals(List.of("scenarios.d/test.yaml:1:1: the scenario starts no service"),
                problems(scenario().sleep(Duration.ofSeconds(1)).build()));
    }

    @Test
    void phasesWithoutOnFollowTheLeaderAcrossRestartAndPromote() {
        Plan plan = compile(scenario()
                .start("db_1", "last").initialize()
                .kill("db_1").start("db_1", "current").manipulate(1)
                .startReadOnly("db_2", "current", 1).promote("db_2").manipulate(2).validate()
                .build());
        List<String> phases = plan.actions().stream().filter(a -> a instanceof Action.RunPhase)
                .map(a -> ActionTitle.of(a, null)).toList();
        assertEquals(List.of("initialize on db_1", "manipulate 1 on db_1", "manipulate 2 on db_2", "validate on db_2"), phases);
    }

    @Test
    void explicitOnTargetsThatService() {
        Plan plan = compile(scenario().start("db_1", "current").start("db_2", "current")
                .initialize().manipulate(1).manipulate(2).phase(Phase.VALIDATE, "db_2").build());
        assertEquals("consistency on db_2 after validate", last(ActionTitle.of(plan)));
        assertEquals("validate on db_2", ActionTitle.of(plan).get(plan.actions().size() - 2));
    }

    @Test
    void sqlTargetsTheLeaderAndKeepsAsSystem() {
        Plan plan = compile(scenario().start("db_1", "current")
                .sql(null, true, "ALTER SYSTEM SET work_mem = '8MB'", "SELECT pg_reload_conf()").allPhases().build());
        Action.Sql sql = (Action.Sql) plan.actions().get(3);
        assertEquals("db_1", sql.service());
        assertTrue(sql.asSystem());
        assertEquals("sql on db_1 as system: ALTER SYSTEM SET work_mem = '8MB' (+1 more)", ActionTitle.of(plan).get(3));
    }

    @Test
    void sleepBecomesMillis() {
        Plan plan = compile(scenario().start("db_1", "current").sleep(Duration.ofSeconds(10)).allPhases().build());
        assertEquals(10_000, ((Action.Sleep) plan.actions().get(3)).millis());
    }

    @Test
    void readOnlyStartGetsNoImplicitSteps() {
        Plan plan = compile(scenario().start("db_1", "last").startReadOnly("db_2", "current", 1).allPhases().build());
        assertEquals("start db_2 15.19 (read-only, generation 1)", ActionTitle.of(plan).get(3));
        assertEquals("initialize on db_1", ActionTitle.of(plan).get(4));
    }

    // --- static checks: each with its exact position -------------------------------------------------

    @Test
    void phaseBeforeInitialize() {
        assertEquals(List.of("scenarios.d/test.yaml:5:5: manipulate 1 before initialize: the checks' objects do not exist yet"),
                problems(scenario().start("db_1", "current").manipulate(1).initialize().manipulate(2).validate().build()));
    }

    @Test
    void validateBeforeInitialize() {
        assertEquals(List.of("scenarios.d/test.yaml:5:5: validate before initialize: the checks' objects do not exist yet"),
                problems(scenario().start("db_1", "current").validate().allPhases().build()).subList(0, 1));
    }

    @Test
    void manipulateTwoBeforeOne() {
        assertEquals(List.of("scenarios.d/test.yaml:6:5: manipulate 2 before manipulate 1: phase 2 builds on what phase 1 did"),
                problems(scenario().start("db_1", "current").initialize().manipulate(2).manipulate(1).validate().build()));
    }

    @Test
    void validateBeforeManipulateTwo() {
        assertEquals(List.of("scenarios.d/test.yaml:7:5: validate before manipulate 2: validate expects the state after both manipulate phases"),
                problems(scenario().start("db_1", "current").initialize().manipulate(1).validate().manipulate(2).validate().build()));
    }

    @Test
    void initializeTwice() {
        assertEquals(List.of("scenarios.d/test.yaml:6:5: initialize runs twice: the checks' objects already exist"),
                problems(scenario().start("db_1", "current").initialize().initialize().manipulate(1).manipulate(2).validate().build()));
    }

    @Test
    void phaseOnKilledService() {
        assertEquals(List.of("scenarios.d/test.yaml:8:5: manipulate 1 on db_1: db_1 is not running (it was killed or stopped at scenarios.d/test.yaml:7)"),
                problems(scenario().start("db_1", "current").start("db_2", "current").initialize().kill("db_1")
                        .phase(Phase.MANIPULATE_1, "db_1").phase(Phase.MANIPULATE_2, "db_2").phase(Phase.VALIDATE, "db_2").build()));
    }

    @Test
    void phaseWithoutLeaderAfterKill() {
        assertEquals(List.of("scenarios.d/test.yaml:7:5: manipulate 1: no writable leader is running (the last one went away at scenarios.d/test.yaml:6)"),
                problems(scenario().start("db_1", "current").initialize().kill("db_1").manipulate(1)
                        .start("db_1", "current").manipulate(2).validate().build()));
    }

    @Test
    void phaseOnReadOnlyCandidate() {
        assertEquals(List.of("scenarios.d/test.yaml:7:5: manipulate 1 on db_2: db_2 is a read-only candidate; promote it first or run the phase on the leader"),
                problems(scenario().start("db_1", "last").initialize().startReadOnly("db_2", "current", 1)
                        .phase(Phase.MANIPULATE_1, "db_2").manipulate(2).validate().build()));
    }

    @Test
    void sqlOnReadOnlyCandidate() {
        assertEquals(List.of("scenarios.d/test.yaml:6:5: sql on db_2: db_2 is a read-only candidate; promote it first or run the phase on the leader"),
                problems(scenario().start("db_1", "last").startReadOnly("db_2", "current", 1)
                        .sql("db_2", false, "SELECT 1").allPhases().build()));
    }

    @Test
    void phaseOnFencedOldLeader() {
        assertEquals(List.of("scenarios.d/test.yaml:10:5: validate on db_1: db_1 is not running (it was fenced by a promotion at scenarios.d/test.yaml:7)"),
                problems(scenario().start("db_1", "last").initialize().startReadOnly("db_2", "current", 1).promote("db_2")
                        .manipulate(1).manipulate(2).phase(Phase.VALIDATE, "db_1").build()));
    }

    @Test
    void promotingAWritableService() {
        assertEquals(List.of("scenarios.d/test.yaml:6:5: promote db_2: db_2 is not a read-only candidate (it was started writable at scenarios.d/test.yaml:5)"),
                problems(scenario().start("db_1", "current").start("db_2", "current").promote("db_2").allPhases().build()));
    }

    @Test
    void promotingAStoppedCandidate() {
        assertEquals(List.of("scenarios.d/test.yaml:7:5: promote db_2: db_2 is not running (it was killed or stopped at scenarios.d/test.yaml:6)"),
                problems(scenario().start("db_1", "last").startReadOnly("db_2", "current", 1).stop("db_2").promote("db_2")
                        .allPhases().build()));
    }

    @Test
    void killOfAServiceNotRunning() {
        assertEquals(List.of("scenarios.d/test.yaml:6:5: kill db_1: db_1 is not running (it was killed or stopped at scenarios.d/test.yaml:5)"),
                problems(scenario().start("db_1", "current").stop("db_1").kill("db_1").start("db_1", "current").allPhases().build()));
    }

    @Test
    void killOfAFencedServiceIsAllowed() {
        Plan plan = compile(scenario().start("db_1", "last").startReadOnly("db_2", "current", 1).promote("db_2")
                .kill("db_1").allPhases().build());
        assertEquals("validate on db_2", ActionTitle.of(plan).get(plan.actions().size() - 2));
    }

    @Test
    void startingARunningService() {
        assertEquals(List.of("scenarios.d/test.yaml:5:5: start db_1: db_1 is already running (started at scenarios.d/test.yaml:4); kill or stop it first"),
                problems(scenario().start("db_1", "last").start("db_1", "current").allPhases().build()));
    }

    @Test
    void unknownVersionAtTheStep() {
        assertEquals(List.of("scenarios.d/test.yaml:4:5: unknown version '15.16': not in the postgres catalog "
                        + "[15.10, 15.13, 15.15, 15.17, 15.18, 15.19] and not current (15.19)"),
                problems(scenario().start("db_1", "15.16").allPhases().build()));
    }

    @Test
    void unknownServiceNeverStarted() {
        assertEquals(List.of("scenarios.d/test.yaml:9:5: kill db_3: unknown service 'db_3': no step starts it (services: db_1)"),
                problems(scenario().start("db_1", "current").allPhases().kill("db_3").build()));
    }

    @Test
    void serviceReferencedBeforeItsFirstStart() {
        assertEquals(List.of("scenarios.d/test.yaml:5:5: promote db_2: db_2 is not running yet (it is first started at scenarios.d/test.yaml:6)"),
                problems(scenario().start("db_1", "last").promote("db_2").startReadOnly("db_2", "current", 1).allPhases().build()));
    }

    @Test
    void allProblemsAreReportedAtOnceInLineOrder() {
        List<String> found = problems(scenario()
                .start("db_1", "lastt")          // line 4: unknown version
                .manipulate(1)                   // line 5: before initialize
                .initialize()
                .kill("db_9")                    // line 7: unknown service
                .manipulate(2)
                .validate()
                .build());
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("scenarios.d/test.yaml:4:5: unknown version 'lastt'"), found.get(0));
        assertTrue(found.get(1).startsWith("scenarios.d/test.yaml:5:5: manipulate 1 before initialize"), found.get(1));
        assertTrue(found.get(2).startsWith("scenarios.d/test.yaml:7:5: kill db_9: unknown service 'db_9'"), found.get(2));
    }

    @Test
    void unknownSystemOrRuntimeOrMissingCurrentIsInvalidInput() {
        Scenario s = scenario().start("db_1", "current").allPhases().build();
        assertThrows(HarnessException.InvalidInput.class, () -> Compiler.compile(s, List.of(), config(), "oracle", "process", 1));
        assertThrows(HarnessException.InvalidInput.class, () -> Compiler.compile(s, List.of(), config(), "postgres", "k8s", 1));
        assertThrows(HarnessException.InvalidInput.class,
                () -> Compiler.compile(s, List.of(), config(List.of(), null), "postgres", "process", 1));
    }

    @Test
    void planCarriesCatalogSettingsAndScenarioIdentity() {
        Plan plan = compile(scenario().start("db_1", "current").allPhases().build());
        assertEquals("test", plan.scenario());
        assertEquals("scenarios.d/test.yaml", plan.scenarioFile());
        assertEquals("postgres", plan.system());
        assertEquals("process", plan.runtime());
        assertEquals(Fixtures.versions("15.10", "15.13", "15.15", "15.17", "15.18", "15.19"), plan.versions());
        assertEquals("30s", plan.settings().get("timeouts.statement"));
        assertEquals("2m", plan.settings().get("timeouts.start"));
        assertEquals("10m", plan.settings().get("timeouts.promote"));
        assertEquals("harness/postgres:{version}", plan.settings().get("postgres.image"));
        assertNull(plan.settings().get("materialize.image"));
    }

    @Test
    void materializeUsesItsOwnCatalogAndSettings() {
        Plan plan = Compiler.compile(scenario().start("mz_1", "last").allPhases().build(), List.of(), config(),
                "materialize", "docker", 1);
        assertEquals(new Version("v26.3.0"), plan.base());
        assertEquals("materialize/materialized:{version}", plan.settings().get("materialize.image"));
        assertEquals("materialize/materialized:latest", plan.settings().get("materialize.current-image"));
    }

    @Test
    void upgradeViaStepIsAccepted() {
        Plan plan = compile(scenario().start("db_1", "last").initialize().upgrade("current", Step.Via.RESTART)
                .manipulate(1).manipulate(2).validate().build());
        assertTrue(titles(plan).contains("start db_1 15.19 [upgrade macro]"), titles(plan).toString());
    }
}
