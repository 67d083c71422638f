package dev.harness.plan;

import static dev.harness.plan.Fixtures.check;
import static dev.harness.plan.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.harness.model.Check;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.Scenario;
import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckGateAndOrderTest {
    private static final Version BASE = new Version("15.17");

    @Test
    void runsWithoutGates() {
        assertNull(CheckGate.skipReason(check("a"), "postgres", BASE));
    }

    @Test
    void systems() {
        assertEquals("not for system postgres (systems: materialize)",
                CheckGate.skipReason(check("a", List.of("materialize"), null, null, null), "postgres", BASE));
        assertNull(CheckGate.skipReason(check("a", List.of("materialize", "postgres"), null, null, null), "postgres", BASE));
    }

    @Test
    void sinceIsInclusive() {
        assertNull(CheckGate.skipReason(check("a", List.of(), "15.17", null, null), "postgres", BASE));
        assertEquals("base version 15.17 is below since 15.18",
                CheckGate.skipReason(check("a", List.of(), "15.18", null, null), "postgres", BASE));
    }

    @Test
    void beforeIsExclusive() {
        assertNull(CheckGate.skipReason(check("a", List.of(), null, "15.18", null), "postgres", BASE));
        assertEquals("base version 15.17 is not below before 15.17",
                CheckGate.skipReason(check("a", List.of(), null, "15.17", null), "postgres", BASE));
    }

    @Test
    void disabledKeepsItsReasonText() {
        assertEquals("disabled: https://example.invalid/issue/1 flaky on 0dt",
                CheckGate.skipReason(check("a", List.of(), null, null, "https://example.invalid/issue/1 flaky on 0dt"), "postgres", BASE));
    }

    @Test
    void planGatesOnTheBaseVersionNotCurrent() {
        Scenario s = scenario().base("last").start("db_1", "last").upgrade("current", dev.harness.model.Step.Via.RESTART)
                .allPhases().build();
        Plan plan = Compiler.compile(s, List.of(check("new_feature", List.of(), "15.19", null, null), check("plain")),
                Fixtures.config(), "postgres", "process", 1);
        assertEquals("base version 15.18 is below since 15.19",
                plan.checks().stream().filter(c -> c.name().equals("new_feature")).findFirst().orElseThrow().skipReason());
    }

    private static List<PlannedCheck> planned(String... names) {
        List<PlannedCheck> out = new ArrayList<>();
        for (String n : names) out.add(new PlannedCheck(check(n), null));
        return out;
    }

    private static List<String> names(List<PlannedCheck> checks) {
        return checks.stream().map(PlannedCheck::name).toList();
    }

    @Test
    void orderIsSortByNameThenShuffleBySeed() {
        List<String> sorted = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        List<String> expected = new ArrayList<>(sorted);
        Collections.shuffle(expected, new Random(42));
        // the input order must not matter
        assertEquals(expected, names(CheckOrder.order(planned("h", "c", "a", "g", "b", "f", "e", "d"), 42)));
        assertEquals(expected, names(CheckOrder.order(planned("a", "b", "c", "d", "e", "f", "g", "h"), 42)));
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        List<PlannedCheck> checks = planned("a", "b", "c", "d", "e", "f", "g", "h");
        long distinct = IntStream.range(0, 20).mapToObj(seed -> names(CheckOrder.order(checks, seed))).distinct().count();
        assertEquals(20, distinct);
    }

    @Test
    void skippedChecksStayInThePlanInSeedOrder() {
        List<Check> checks = List.of(check("a"), check("b", List.of("materialize"), null, null, null), check("c"));
        Plan plan = Compiler.compile(scenario().start("db_1", "current").allPhases().build(), checks,
                Fixtures.config(), "postgres", "process", 3);
        assertEquals(3, plan.checks().size());
        assertEquals(names(CheckOrder.order(planned("a", "b", "c"), 3)), names(plan.checks()));
        assertNotEquals(null, plan.checks().stream().filter(c -> c.name().equals("b")).findFirst().orElseThrow().skipReason());
    }
}
