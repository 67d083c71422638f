package dev.harness.plan;

import static dev.harness.plan.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Plan;
import dev.harness.model.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanPrinterTest {
    private static Plan plan(String runtime) {
        return Compiler.compile(scenario().base("last").start("db_1", "last").initialize()
                        .upgrade("current", Step.Via.ZERO_DOWNTIME).manipulate(1).manipulate(2).validate().build(),
                List.of(Fixtures.check("alpha"), Fixtures.check("beta", List.of("materialize"), null, null, null)),
                Fixtures.config(), "postgres", runtime, 11);
    }

    @Test
    void headerNumberedStepsWithMarkersAndSourcesThenChecks() {
        assertEquals("""
                scenario  test: a test scenario
                file      scenarios.d/test.yaml
                system    postgres (runtime process)
                seed      11
                base      15.18
                current   15.19
                versions  15.18 -> 15.19

                steps (16)
                [ 1] start db_1 15.18                                             scenarios.d/test.yaml:4
                [ 2] configure db_1                                   (implicit)  scenarios.d/test.yaml:4
                [ 3] assert-version db_1 15.18                        (implicit)  scenarios.d/test.yaml:4
                [ 4] initialize on db_1                                           scenarios.d/test.yaml:5
                [ 5] consistency on db_1 after initialize             (implicit)  scenarios.d/test.yaml:5
                [ 6] start db_2 15.19 (read-only, generation 1)       (upgrade)   scenarios.d/test.yaml:6
                [ 7] await-ready db_2                                 (upgrade)   scenarios.d/test.yaml:6
                [ 8] promote db_2                                     (upgrade)   scenarios.d/test.yaml:6
                [ 9] assert-version db_2 15.19                        (implicit)  scenarios.d/test.yaml:6
                [10] kill db_1                                        (upgrade)   scenarios.d/test.yaml:6
                [11] manipulate 1 on db_2                                         scenarios.d/test.yaml:7
                [12] consistency on db_2 after manipulate 1           (implicit)  scenarios.d/test.yaml:7
                [13] manipulate 2 on db_2                                         scenarios.d/test.yaml:8
                [14] consistency on db_2 after manipulate 2           (implicit)  scenarios.d/test.yaml:8
                [15] validate on db_2                                             scenarios.d/test.yaml:9
                [16] consistency on db_2 after validate               (implicit)  scenarios.d/test.yaml:9

                checks (2: 1 run, 1 skipped), in seed order
                1  alpha
                2  beta   skipped: not for system postgres (systems: materialize)
                """, new PlanPrinter(null).print(plan("process")));
    }

    @Test
    void detailsGoUnderEveryStart() {
        StartDetails details = (plan, start) -> List.of("image: x:" + start.version(), "ports: 5432");
        String text = new PlanPrinter(details).print(plan("docker"));
        assertTrue(text.contains("scenarios.d/test.yaml:4\n     image: x:15.18\n     ports: 5432\n[ 2] configure"), text);
        assertTrue(text.contains("scenarios.d/test.yaml:6\n     image: x:15.19\n     ports: 5432\n[ 7] await-ready"), text);
    }

    @Test
    void versionPathCollapsesRestartsOnTheSameVersion() {
        Plan p = Compiler.compile(scenario().start("db_1", "previous").initialize().upgrade("last", Step.Via.RESTART)
                        .kill("db_1").start("db_1", "last").upgrade("current", Step.Via.RESTART).manipulate(1).manipulate(2).validate().build(),
                List.of(), Fixtures.config(), "postgres", "process", 1);
        assertEquals(Fixtures.versions("15.17", "15.18", "15.19"), PlanPrinter.versionPath(p));
    }
}
