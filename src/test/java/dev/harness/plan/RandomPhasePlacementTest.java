package dev.harness.plan;

import static dev.harness.plan.CompilerTest.titles;
import static dev.harness.plan.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code upgrade-path: {…, phases: random}}: manipulate 1 and 2 at seeded random points of the path (p1 <= p2),
 * one validate after the last hop, as Materialize's SelfManagedRandomUpgradePath.
 */
class RandomPhasePlacementTest {

    private static Scenario randomPath(Step.PhasePlacement phases) {
        return scenario().start("db_1", "oldest").initialize()
                .upgradePath(null, Step.Via.ZERO_DOWNTIME, 6, phases).build();
    }

    private static Plan compile(Scenario s, long seed) {
        return Compiler.compile(s, List.of(), Fixtures.config(), "postgres", "process", seed);
    }

    /** Where the phases sit: the number of promotes (hops) done before each phase, e.g. [M1@1, M2@3, V@4]. */
    private static List<String> placement(Plan plan) {
        List<String> out = new ArrayList<>();
        int hops = 0;
        for (Action a : plan.actions()) {
            if (a instanceof Action.Promote) hops++;
            if (a instanceof Action.RunPhase p && p.phase() != Phase.INITIALIZE) {
                out.add((p.phase() == Phase.VALIDATE ? "V" : p.phase() == Phase.MANIPULATE_1 ? "M1" : "M2") + "@" + hops);
            }
        }
        return out;
    }

    private static int hops(Plan plan) {
        return (int) plan.actions().stream().filter(a -> a instanceof Action.Promote).count();
    }

    @Test
    void sameSeedSamePlan() {
        for (long seed = 0; seed < 10; seed++) {
            assertEquals(PlanJson.write(compile(randomPath(Step.PhasePlacement.RANDOM), seed)),
                    PlanJson.write(compile(randomPath(Step.PhasePlacement.RANDOM), seed)), "seed " + seed);
        }
    }

    @Test
    void manipulateOneNeverAfterTwoAndOneValidateOnTheFinalHopForEverySeed() {
        for (long seed = 0; seed < 200; seed++) {
            Plan plan = compile(randomPath(Step.PhasePlacement.RANDOM), seed);
            List<String> placed = placement(plan);
            assertEquals(3, placed.size(), "seed " + seed + ": " + placed);
            int p1 = Integer.parseInt(placed.get(0).replace("M1@", ""));
            int p2 = Integer.parseInt(placed.get(1).replace("M2@", ""));
            assertTrue(0 <= p1 && p1 <= p2 && p2 <= hops(plan), "seed " + seed + ": " + placed);
            assertEquals("V@" + hops(plan), placed.get(2), "seed " + seed + ": validate once, after the last hop");
            List<Action> actions = plan.actions();
            Action.RunPhase validate = (Action.RunPhase) actions.get(actions.size() - 2);
            assertTrue(actions.get(actions.size() - 1) instanceof Action.Consistency, "seed " + seed + ": the validate's consistency step ends it");
            assertEquals("15.19", versionOf(plan, validate.service()), "seed " + seed + ": validate runs on current");
        }
    }

    @Test
    void placementsVaryWithTheSeedOverTheWholeRange() {
        Set<String> placements = new HashSet<>();
        Set<Integer> firstPositions = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            List<String> placed = placement(compile(randomPath(Step.PhasePlacement.RANDOM), seed));
            placements.add(placed.toString());
            firstPositions.add(Integer.parseInt(placed.get(0).replace("M1@", "")));
        }
        assertTrue(placements.size() >= 8, "placements: " + placements);
        assertTrue(firstPositions.contains(0), "manipulate 1 can run before the first hop: " + firstPositions);
        assertTrue(firstPositions.size() >= 3, "manipulate 1 positions: " + firstPositions);
    }

    @Test
    void phasesAreTitledAsTheMacrosAndRunOnTheLeaderOfTheirHop() {
        // versions listed: the path is 15.17 -> 15.18 -> 15.19, only the placement is random
        Plan plan = compile(scenario().start("db_1", "15.15").initialize()
                .upgradePath(List.of("15.17", "15.18"), Step.Via.RESTART, 6, Step.PhasePlacement.RANDOM).build(), 7);
        List<String> titles = titles(plan);
        assertTrue(titles.contains("validate on db_1 [upgrade-path macro]"), titles.toString());
        assertEquals(1, titles.stream().filter(t -> t.startsWith("manipulate 1 on db_1 [upgrade-path macro]")).count(), titles.toString());
        assertEquals(1, titles.stream().filter(t -> t.startsWith("manipulate 2 on db_1 [upgrade-path macro]")).count(), titles.toString());
        assertEquals(Fixtures.line(6), plan.actions().get(plan.actions().size() - 1).source(), "placed phases point at the macro");
    }

    @Test
    void withoutPhasesTheMacroPlacesNone() {
        Plan plan = compile(scenario().start("db_1", "oldest").initialize()
                .upgradePath(null, Step.Via.ZERO_DOWNTIME, 6, Step.PhasePlacement.NONE).manipulate(1).manipulate(2).validate().build(), 3);
        assertEquals(List.of("M1@" + hops(plan), "M2@" + hops(plan), "V@" + hops(plan)), placement(plan));
    }

    @Test
    void aManipulateBeforeThePathIsAProblemAtTheMacro() {
        Scenario s = scenario().start("db_1", "oldest").initialize().manipulate(1)
                .upgradePath(null, Step.Via.RESTART, 6, Step.PhasePlacement.RANDOM).build();
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class, () -> compile(s, 1));
        assertTrue(e.problems().contains(new Problem(Fixtures.line(7), "upgrade-path: phases: random places manipulate 1 and 2 itself,"
                + " but a manipulate phase already ran before it; remove those steps or the phases key")), e.problems().toString());
    }

    @Test
    void aPathWithoutInitializeBeforeItIsAProblemAtTheMacro() {
        Scenario s = scenario().start("db_1", "oldest").upgradePath(null, Step.Via.RESTART, 6, Step.PhasePlacement.RANDOM).build();
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class, () -> compile(s, 1));
        assertTrue(e.problems().stream().anyMatch(p -> p.where().equals(Fixtures.line(5))
                && p.message().equals("manipulate 1 before initialize: the checks' objects do not exist yet")), e.problems().toString());
    }

    @Test
    void phasePositionsAreWithinZeroToHopsAndOrdered() {
        RandomUpgradePath random = new RandomUpgradePath(RandomUpgradePath.randomFor(11));
        Set<RandomUpgradePath.PhasePositions> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            RandomUpgradePath.PhasePositions p = random.phasePositions(3);
            assertTrue(0 <= p.manipulate1() && p.manipulate1() <= p.manipulate2() && p.manipulate2() <= 3, p.toString());
            seen.add(p);
        }
        assertEquals(10, seen.size(), "every ordered pair of 0..3 comes up: " + seen);
        assertEquals(new RandomUpgradePath.PhasePositions(0, 0), new RandomUpgradePath(RandomUpgradePath.randomFor(1)).phasePositions(0));
    }

    private static String versionOf(Plan plan, String service) {
        String version = null;
        for (Action a : plan.actions()) {
            if (a instanceof Action.Start s && s.service().equals(service)) version = s.version().text();
        }
        return version;
    }
}
