package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A replayed plan is input: every field the run relies on is checked and named, nothing reaches the executor broken. */
class ReplayedPlanTest {
    private static String message(String json) {
        return assertThrows(HarnessException.InvalidInput.class, () -> PlanJson.read(json, "saved/plan.json")).getMessage();
    }

    @Test
    void everyCompiledPlanIsAValidReplay() {
        Plan plan = PlanJsonTest.everything();
        assertEquals(plan, PlanJson.read(PlanJson.write(plan), "saved/plan.json"));
    }

    @Test
    void aScenarioNameThatIsAPathIsRefusedNamingTheField() {
        Plan p = PlanJsonTest.everything();
        Plan bad = new Plan("../x", p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(),
                p.current(), p.checks(), p.actions(), p.settings());
        assertEquals("saved/plan.json: scenario: '../x' is not a valid name (letters, digits, '_', '.' and '-', starting with a letter,"
                + " digit or '_', at most 100 characters)", message(PlanJson.write(bad)));
    }

    @Test
    void aServiceNameThatIsAPathIsRefusedNamingTheAction() {
        Plan p = PlanJsonTest.everything();
        List<Action> actions = new ArrayList<>(p.actions());
        Action.RunPhase phase = (Action.RunPhase) actions.get(3);
        actions.set(3, new Action.RunPhase(phase.phase(), "../../tmp/y", phase.source(), phase.origin()));
        Plan bad = new Plan(p.scenario(), p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(),
                p.current(), p.checks(), actions, p.settings());
        assertEquals("saved/plan.json: actions[3].service: '../../tmp/y' is not a valid name (a letter, then letters, digits, '_' and '-',"
                + " at most 63 characters)", message(PlanJson.write(bad)));
    }

    @Test
    void aTagThatIsNotATagIsRefusedNamingTheField() {
        String json = PlanJson.write(PlanJsonTest.everything()).replace("\"btree-gist\"", "\"Btree Gist\"");
        assertEquals("saved/plan.json: checks[2].check.tags[1]: 'Btree Gist' is not a tag (lower-case letters, digits, _ and -)", message(json));
    }

    @Test
    void aPlanOfNullsListsEveryMissingFieldInsteadOfFailingLater() {
        String m = message("{\"scenario\": \"x\", \"seed\": 1}");
        assertEquals(List.of(
                "saved/plan.json: scenarioFile: missing",
                "saved/plan.json: system: missing",
                "saved/plan.json: runtime: missing",
                "saved/plan.json: base: missing",
                "saved/plan.json: current: missing",
                "saved/plan.json: versions: missing",
                "saved/plan.json: checks: missing",
                "saved/plan.json: actions: missing"), m.lines().toList());
    }

    @Test
    void truncatedJsonIsRefusedWithItsPosition() {
        String json = PlanJson.write(PlanJsonTest.everything());
        String m = message(json.substring(0, json.indexOf("\"actions\"") + 20));
        assertTrue(m.startsWith("saved/plan.json:") && m.contains("Unexpected end-of-input"), m);
    }

    @Test
    void anActionOnAServiceNoEarlierActionStartedIsRefused() {
        Plan p = PlanJsonTest.everything();
        List<Action> actions = new ArrayList<>(p.actions());
        actions.remove(0); // the start of db_1
        Plan bad = new Plan(p.scenario(), p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(),
                p.current(), p.checks(), actions, p.settings());
        assertTrue(message(PlanJson.write(bad)).startsWith("saved/plan.json: actions[0].service: 'db_1' is not started by an earlier action"));
    }
}
