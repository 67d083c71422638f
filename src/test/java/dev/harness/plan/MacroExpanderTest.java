package dev.harness.plan;

import static dev.harness.plan.CompilerTest.compile;
import static dev.harness.plan.CompilerTest.problems;
import static dev.harness.plan.CompilerTest.titles;
import static dev.harness.plan.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.ActionTitle;
import dev.harness.model.Plan;
import dev.harness.model.Scenario;
import dev.harness.model.Step;
import dev.harness.model.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MacroExpanderTest {

    @Test
    void restartUpgradeKillsAndRestartsTheLeader() {
        Plan plan = compile(scenario().start("db_1", "last").initialize().upgrade("current", Step.Via.RESTART)
                .manipulate(1).manipulate(2).validate().build());
        assertEquals(List.of(
                "start db_1 15.18",
                "configure db_1 [implicit after start]",
                "assert-version db_1 15.18 [implicit after start]",
                "initialize on db_1",
                "consistency on db_1 after initialize [implicit after phase]",
                "kill db_1 [upgrade macro]",
                "start db_1 15.19 [upgrade macro]",
                "configure db_1 [implicit after start]",
                "assert-version db_1 15.19 [implicit after start]",
                "manipulate 1 on db_1",
                "consistency on db_1 after manipulate 1 [implicit after phase]",
                "manipulate 2 on db_1",
                "consistency on db_1 after manipulate 2 [implicit after phase]",
                "validate on db_1",
                "consistency on db_1 after validate [implicit after phase]"), titles(plan));
        assertEquals(Fixtures.line(6), plan.actions().get(5).source(), "macro actions point at the macro");
    }

    @Test
    void zeroDowntimeUpgradeAlternatesTheServicePair() {
        Plan plan = compile(scenario().start("db_1", "previous").initialize()
                .upgrade("last", Step.Via.ZERO_DOWNTIME).manipulate(1)
                .upgrade("current", Step.Via.ZERO_DOWNTIME).manipulate(2).validate().build());
        assertEquals(List.of(
                "start db_1 15.17",
                "configure db_1 [implicit after start]",
                "assert-version db_1 15.17 [implicit after start]",
                "initialize on db_1",
                "consistency on db_1 after initialize [implicit after phase]",
                "start db_2 15.18 (read-only, generation 1) [upgrade macro]",
                "await-ready db_2 [upgrade macro]",
                "promote db_2 [upgrade macro]",
                "assert-version db_2 15.18 [implicit after promote]",
                "kill db_1 [upgrade macro]",
                "manipulate 1 on db_2",
                "consistency on db_2 after manipulate 1 [implicit after phase]",
                "start db_1 15.19 (read-only, generation 2) [upgrade macro]",
                "await-ready db_1 [upgrade macro]",
                "promote db_1 [upgrade macro]",
                "assert-version db_1 15.19 [implicit after promote]",
                "kill db_2 [upgrade macro]",
                "manipulate 2 on db_1",
                "consistency on db_1 after manipulate 2 [implicit after phase]",
                "validate on db_1",
                "consistency on db_1 after validate [implicit after phase]"), titles(plan));
    }

    @Test
    void restartKeepsTheGenerationZeroDowntimeAddsOne() {
        Plan plan = compile(scenario().start("db_2", "previous", 3).initialize()
                .upgrade("last", Step.Via.RESTART).upgrade("current", Step.Via.ZERO_DOWNTIME)
                .manipulate(1).manipulate(2).validate().build());
        List<String> starts = plan.actions().stream().filter(a -> a instanceof Action.Start).map(a -> ActionTitle.of(a, null)).toList();
        assertEquals(List.of("start db_2 15.17 (generation 3)", "start db_2 15.18 (generation 3)",
                "start db_1 15.19 (read-only, generation 4)"), starts);
    }

    @Test
    void otherServiceOfThePair() {
        assertEquals("db_2", MacroExpander.otherService("db_1"));
        assertEquals("db_1", MacroExpander.otherService("db_2"));
        assertEquals("mz_2", MacroExpander.otherService("mz_1"));
        assertEquals("postgres_2", MacroExpander.otherService("postgres"));
        assertEquals("db_3_2", MacroExpander.otherService("db_3"));
    }

    @Test
    void upgradeWithoutLeaderOrWithUnknownVersion() {
        assertEquals(List.of("scenarios.d/test.yaml:6:5: upgrade: no writable leader is running to upgrade"),
                problems(scenario().start("db_1", "last").kill("db_1").upgrade("current", Step.Via.RESTART)
                        .start("db_1", "current").allPhases().build()));
        assertEquals(List.of("scenarios.d/test.yaml:5:5: upgrade: unknown version 'nightly': expected current, last, previous, "
                        + "last-N, oldest or a postgres version of the catalog [15.10, 15.13, 15.15, 15.17, 15.18, 15.19] or current (15.19)"),
                problems(scenario().start("db_1", "last").upgrade("nightly", Step.Via.RESTART).allPhases().build()));
    }

    @Test
    void listedPathHopsThroughEachAndEndsOnCurrent() {
        Plan plan = compile(scenario().start("db_1", "last-3").initialize()
                .upgradePath(List.of("last-2", "previous", "last"), Step.Via.RESTART, 6)
                .manipulate(1).manipulate(2).validate().build());
        List<String> starts = plan.actions().stream().filter(a -> a instanceof Action.Start).map(a -> ActionTitle.of(a, null)).toList();
        assertEquals(List.of("start db_1 15.13", "start db_1 15.15", "start db_1 15.17", "start db_1 15.18", "start db_1 15.19"), starts);
        assertTrue(titles(plan).contains("kill db_1 [upgrade-path macro]"));
    }

    @Test
    void listedPathAlreadyEndingOnCurrentIsNotExtended() {
        Plan plan = compile(scenario().start("db_1", "last").initialize()
                .upgradePath(List.of("current"), Step.Via.ZERO_DOWNTIME, 6)
                .manipulate(1).manipulate(2).validate().build());
        assertEquals(1, plan.actions().stream().filter(a -> a instanceof Action.Promote).count());
    }

    @Test
    void listedPathWithUnknownVersion() {
        assertEquals(List.of("scenarios.d/test.yaml:5:5: upgrade-path: 'last-7' needs 8 postgres version(s) below current (15.19), "
                        + "the catalog has 5 [15.10, 15.13, 15.15, 15.17, 15.18]"),
                problems(scenario().start("db_1", "oldest").upgradePath(List.of("last-7"), Step.Via.RESTART, 6).allPhases().build()));
    }

    private static List<Version> startedVersions(Plan plan) {
        return plan.actions().stream().filter(a -> a instanceof Action.Start).map(a -> ((Action.Start) a).version()).toList();
    }

    private static Scenario randomPathScenario(int max) {
        return scenario().start("db_1", "oldest").initialize().manipulate(1)
                .upgradePath(null, Step.Via.ZERO_DOWNTIME, max).manipulate(2).validate().build();
    }

    @Test
    void randomPathDrawsBetweenTheLeaderAndCurrentAscending() {
        Set<List<Version>> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Plan plan = Compiler.compile(randomPathScenario(2), List.of(), Fixtures.config(), "postgres", "process", seed);
            List<Version> v = startedVersions(plan);
            assertEquals(new Version("15.10"), v.get(0));
            assertEquals(new Version("15.19"), v.get(v.size() - 1));
            List<Version> middle = v.subList(1, v.size() - 1);
            assertTrue(middle.size() >= 1 && middle.size() <= 2, "seed " + seed + ": " + v);
            for (int i = 1; i < v.size(); i++) assertTrue(v.get(i - 1).compareTo(v.get(i)) < 0, "seed " + seed + ": " + v);
            assertTrue(middle.stream().allMatch(x -> x.compareTo(new Version("15.10")) > 0 && x.compareTo(new Version("15.19")) < 0));
            seen.add(v);
        }
        assertTrue(seen.size() > 3, "random paths should differ across seeds: " + seen);
    }

    @Test
    void randomPathIsTheSameForTheSameSeed() {
        Plan a = Compiler.compile(randomPathScenario(6), List.of(), Fixtures.config(), "postgres", "process", 7);
        Plan b = Compiler.compile(randomPathScenario(6), List.of(), Fixtures.config(), "postgres", "process", 7);
        assertEquals(a, b);
    }

    @Test
    void randomPathMaxMustBePositive() {
        assertEquals(List.of("scenarios.d/test.yaml:7:5: upgrade-path: max must be at least 1, not 0"), problems(randomPathScenario(0)));
    }

    @Test
    void anUpgradeToAnOlderVersionIsRejectedAtTheStep() {
        assertEquals(List.of(Fixtures.line(5) + ": upgrade: 15.17 is older than 15.19, the version db_1 runs; an upgrade never goes down"),
                problems(scenario().start("db_1", "current").upgrade("15.17", Step.Via.RESTART).allPhases().build()));
    }

    @Test
    void anUpgradeToTheSameVersionIsARestartThroughTheMacro() {
        Plan plan = compile(scenario().start("db_1", "current").upgrade("current", Step.Via.RESTART).allPhases().build());
        assertEquals("start db_1 15.19 [upgrade macro]", titles(plan).get(4));
    }

    @Test
    void anUpgradePathThatGoesDownIsRejectedAtTheEntryThatBreaksTheOrder() {
        Step.UpgradePath path = new Step.UpgradePath(List.of("15.15", "15.19", "15.17"),
                List.of(Fixtures.line(20), Fixtures.line(21), Fixtures.line(22)), Step.Via.RESTART, 6, Fixtures.line(6));
        Scenario s = new Scenario("test", null, null, List.of(new Step.Start("db_1", "oldest", false, null, Fixtures.line(4)), path),
                Fixtures.line(1));
        assertEquals(List.of(Fixtures.line(22) + ": upgrade-path: 15.17 does not come after 15.19; list the versions oldest first, each once"),
                problems(s));
    }

    @Test
    void anUpgradePathMustNotStartBelowTheLeadersVersionNorRepeatAVersion() {
        assertEquals(List.of(Fixtures.line(5) + ": upgrade-path: 15.13 is older than 15.18, the version db_1 runs; an upgrade path never goes down"),
                problems(scenario().start("db_1", "last").upgradePath(List.of("15.13", "15.19"), Step.Via.RESTART, 6).allPhases().build()));
        assertEquals(List.of(Fixtures.line(5) + ": upgrade-path: 15.15 does not come after 15.15; list the versions oldest first, each once"),
                problems(scenario().start("db_1", "oldest").upgradePath(List.of("15.15", "15.15"), Step.Via.RESTART, 6).allPhases().build()));
        // starting on the leader's own version is a restart hop, as an upgrade to the same version is
        compile(scenario().start("db_1", "last").upgradePath(List.of("last", "current"), Step.Via.RESTART, 6).allPhases().build());
    }

    @Test
    void aZeroDowntimeCandidateNameThatWouldBeTooLongIsRejected() {
        String longest = "d".repeat(63);
        List<String> ps = problems(scenario().start(longest, "last").initialize().upgrade("current", Step.Via.ZERO_DOWNTIME).build());
        assertTrue(ps.get(0).startsWith(Fixtures.line(6) + ": the zero-downtime candidate of " + longest + " would be named '" + longest
                + "_2', which is not a valid service name"), ps.toString());
    }
}
