package dev.harness.plan;

import static dev.harness.plan.CompilerTest.titles;
import static dev.harness.plan.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the compiler puts the implicit consistency steps, and how harness.yaml and a scenario switch them off. */
class ConsistencyStepsCompileTest {
    @TempDir
    Path dir;

    private static Plan compile(Scenario s, HarnessConfig config) {
        return Compiler.compile(s, List.of(), config, "postgres", "process", 1);
    }

    private static HarnessConfig consistencyOff() {
        HarnessConfig c = Fixtures.config();
        return new HarnessConfig(c.system(), c.runtime(), c.versions(), c.current(), c.timeouts(), c.sections(), c.source(), c.services(), false);
    }

    private static long consistencySteps(Plan plan) {
        return plan.actions().stream().filter(a -> a instanceof Action.Consistency).count();
    }

    @Test
    void afterEveryPhaseOnTheServiceThatRanItAndAfterALastStepThatIsNoPhaseOnTheLeader() {
        Plan plan = compile(scenario().start("db_1", "last").start("db_2", "current").initialize().phase(Phase.MANIPULATE_1, "db_2")
                .manipulate(2).validate().kill("db_1").start("db_1", "current").build(), Fixtures.config());
        assertEquals(List.of(
                "start db_1 15.18",
                "configure db_1 [implicit after start]",
                "assert-version db_1 15.18 [implicit after start]",
                "start db_2 15.19",
                "configure db_2 [implicit after start]",
                "assert-version db_2 15.19 [implicit after start]",
                "initialize on db_1",
                "consistency on db_1 after initialize [implicit after phase]",
                "manipulate 1 on db_2",
                "consistency on db_2 after manipulate 1 [implicit after phase]",
                "manipulate 2 on db_1",
                "consistency on db_1 after manipulate 2 [implicit after phase]",
                "validate on db_1",
                "consistency on db_1 after validate [implicit after phase]",
                "kill db_1",
                "start db_1 15.19",
                "configure db_1 [implicit after start]",
                "assert-version db_1 15.19 [implicit after start]",
                "consistency on db_1 after start db_1 15.19 [implicit after the last step]"), titles(plan));
        assertEquals(plan.actions().get(15).source(), plan.actions().get(18).source(), "the last one points at the last step");
        assertTrue(plan.actions().get(7).implicit());
    }

    @Test
    void noneAfterTheLastStepBeforeInitializeOrWithoutAWritableLeader() {
        assertEquals(0, consistencySteps(compile(scenario().start("db_1", "current").kill("db_1").start("db_1", "current").build(),
                Fixtures.config())), "before initialize the checks have made nothing to check");
        Plan stopped = compile(scenario().start("db_1", "current").allPhases().stop("db_1").build(), Fixtures.config());
        assertEquals("stop db_1", titles(stopped).get(titles(stopped).size() - 1), "no leader is left to check");
    }

    @Test
    void offInTheConfigurationOrTheScenarioMeansNoneAndTheScenarioWins() {
        assertEquals(4, consistencySteps(compile(scenario().start("db_1", "current").allPhases().build(), Fixtures.config())));
        assertEquals(0, consistencySteps(compile(scenario().start("db_1", "current").allPhases().build(), consistencyOff())));
        assertEquals(0, consistencySteps(compile(scenario().consistency(false).start("db_1", "current").allPhases().build(), Fixtures.config())));
        assertEquals(4, consistencySteps(compile(scenario().consistency(true).start("db_1", "current").allPhases().build(), consistencyOff())));
    }

    @Test
    void theYamlKeysSayOnOrOffAndAnythingElseIsRefusedWithItsPosition() throws IOException {
        Path config = Files.writeString(dir.resolve("harness.yaml"), "consistency: off\n");
        assertEquals(false, Loader.loadConfig(config).consistency());
        assertEquals(true, Loader.loadConfig(null).consistency(), "on by default");
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "scenario: s\nconsistency: on\nsteps:\n  - start: {service: db_1, version: current}\n");
        assertEquals(true, Loader.loadScenario(scenario).consistency());
        Path unset = Files.writeString(dir.resolve("u.yaml"), "scenario: u\nsteps:\n  - start: {service: db_1, version: current}\n");
        assertEquals(null, Loader.loadScenario(unset).consistency());
        Path bad = Files.writeString(dir.resolve("b.yaml"), "scenario: b\nconsistency: false\nsteps:\n  - start: {service: db_1, version: current}\n");
        HarnessException.InvalidInput e = org.junit.jupiter.api.Assertions.assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadScenario(bad));
        assertTrue(e.getMessage().contains("b.yaml:2:14") && e.getMessage().contains("on or off"), e.getMessage());
    }

    @Test
    void aReplayedPlanKeepsItsConsistencyStepsAndRefusesOneOnAServiceNeverStarted() {
        Plan plan = compile(scenario().start("db_1", "current").allPhases().build(), Fixtures.config());
        assertEquals(plan, PlanJson.read(PlanJson.write(plan), "saved/plan.json"));
        assertTrue(PlanJson.write(plan).contains("\"action\" : \"consistency\""), PlanJson.write(plan));
        List<Action> actions = new ArrayList<>(plan.actions());
        actions.add(0, new Action.Consistency("db_9", plan.actions().get(0).source(), "implicit after phase"));
        Plan bad = new Plan(plan.scenario(), plan.description(), plan.scenarioFile(), plan.system(), plan.runtime(), plan.seed(), plan.base(),
                plan.versions(), plan.current(), plan.checks(), actions, plan.settings());
        String m = org.junit.jupiter.api.Assertions.assertThrows(HarnessException.InvalidInput.class,
                () -> PlanJson.read(PlanJson.write(bad), "saved/plan.json")).getMessage();
        assertTrue(m.startsWith("saved/plan.json: actions[0].service: 'db_9' is not started by an earlier action"), m);
    }
}
