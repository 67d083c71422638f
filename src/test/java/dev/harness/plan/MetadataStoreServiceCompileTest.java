package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.Problem;
import dev.harness.model.SupportService;
import dev.harness.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Materialize's metadata store is a declared service of every Materialize plan ({@code postgres-metadata}): compiled
 * into the plan's services and started before the first step, addressable by name from steps and check statements,
 * and its name reserved in Materialize plans only.
 */
class MetadataStoreServiceCompileTest {
    private static final String STEPS = """
            scenario: s
            steps:
              - start: {service: mz_1, version: current}
              - initialize
              - kill: postgres-metadata
              - start: postgres-metadata
              - manipulate: 1
              - manipulate: 2
              - validate
            """;

    @TempDir
    Path dir;

    private Plan compile(String system, String scenario, String... checks) throws IOException {
        Path s = Files.writeString(dir.resolve("s.yaml"), scenario);
        Path checkDir = Files.createDirectories(dir.resolve("checks"));
        for (int i = 0; i < checks.length; i++) Files.writeString(checkDir.resolve("c" + i + ".yaml"), checks[i]);
        String runtime = system.equals("materialize") ? "docker" : "process";
        return Compiler.compile(Loader.loadScenario(s), Loader.loadChecks(List.of(checkDir)), Fixtures.config(), system, runtime, 1);
    }

    private List<String> problems(String system, String scenario, String... checks) {
        var e = assertThrows(HarnessException.InvalidInput.class, () -> compile(system, scenario, checks));
        return e.problems().stream().map(Problem::toString).map(p -> p.replace(dir + "/", "")).toList();
    }

    @Test
    void aMaterializePlanDeclaresItsMetadataStoreAsAPostgresServiceStartedFirstAndRestartedByName() throws IOException {
        Plan plan = compile("materialize", STEPS);
        SupportService store = plan.services().get(0);
        assertEquals(new SupportService("postgres-metadata", "postgres", new Version("15.19"), Map.of("max_connections", "500"), store.source()),
                store, "PostgreSQL's current version, as the plan records postgres.current");
        assertEquals(plan.settings().get("postgres.current"), store.version().text());
        List<String> titles = CompilerTest.titles(plan);
        assertEquals("start postgres-metadata 15.19 (service, postgres) [implicit before the first step]", titles.get(0));
        assertEquals("start mz_1 " + plan.current(), titles.get(1));
        assertTrue(titles.indexOf("kill postgres-metadata") < titles.indexOf("start postgres-metadata 15.19 (service, postgres)")
                && titles.indexOf("start postgres-metadata 15.19 (service, postgres)") < titles.indexOf("manipulate 1 on mz_1"), titles::toString);
        assertEquals(plan, PlanJson.read(PlanJson.write(plan)), "plan.json carries the store");
        assertEquals(List.of(), ReplayedPlan.problems(plan));
    }

    @Test
    void checksAddressTheStoreByNameWithOnAndItsAddressVariables() throws IOException {
        String check = "check: c\ninitialize:\n  - sql: SELECT '${postgres-metadata.url}', '${postgres-metadata.host}:${postgres-metadata.port}'\n"
                + "    on: postgres-metadata\nmanipulate: {1: [], 2: []}\nvalidate: []\n";
        Plan plan = compile("materialize", STEPS, check);
        assertTrue(plan.checks().get(0).runs(), plan.checks()::toString);
        // On PostgreSQL there is no metadata store: the same check names an undeclared service.
        String postgres = STEPS.replace("mz_1", "db_1").replace("  - kill: postgres-metadata\n  - start: postgres-metadata\n", "");
        assertEquals(java.util.Set.of("checks/c0.yaml:3:5: on: unknown service 'postgres-metadata': the scenario declares no services under 'services:'",
                "checks/c0.yaml:3:5: ${postgres-metadata.url}: unknown service 'postgres-metadata': the scenario declares no services under 'services:'",
                "checks/c0.yaml:3:5: ${postgres-metadata.host}: unknown service 'postgres-metadata': the scenario declares no services under 'services:'",
                "checks/c0.yaml:3:5: ${postgres-metadata.port}: unknown service 'postgres-metadata': the scenario declares no services under 'services:'"),
                java.util.Set.copyOf(problems("postgres", postgres, check)));
    }

    @Test
    void aMaterializeScenarioCannotDeclareOrStartTheStoreItself() {
        assertEquals(List.of("s.yaml:3:3: service postgres-metadata: every materialize plan has a service of this name (its own, started"
                + " before the first step); choose another name"),
                problems("materialize", "scenario: s\nservices:\n  postgres-metadata: {system: postgres}\nsteps:\n  - start: {service: mz_1, version: current}\n"));
        List<String> startedTwice = problems("materialize", "scenario: s\nsteps:\n  - start: postgres-metadata\n  - start: {service: mz_1, version: current}\n");
        assertEquals(1, startedTwice.size(), startedTwice::toString);
        assertTrue(startedTwice.get(0).startsWith("s.yaml:3:5: start postgres-metadata: postgres-metadata is already running"), startedTwice::toString);
    }

    @Test
    void aPostgresScenarioMayUseTheNameForAServiceOfItsOwn() throws IOException {
        Plan plan = compile("postgres", "scenario: s\nservices:\n  postgres-metadata: {system: postgres, version: last}\nsteps:\n"
                + "  - start: {service: db_1, version: current}\n");
        assertEquals(List.of("postgres-metadata postgres 15.18"), plan.services().stream().map(SupportService::describe).toList());
    }

    @Test
    void aReplayedMaterializePlanWithoutItsStoreIsRefused() throws IOException {
        Plan plan = compile("materialize", STEPS);
        Plan without = new Plan(plan.scenario(), plan.description(), plan.scenarioFile(), plan.system(), plan.runtime(), plan.seed(), plan.base(),
                plan.versions(), plan.current(), plan.checks(), plan.actions().subList(1, 2), plan.settings(), List.of());
        assertEquals(List.of("services: a materialize plan declares its service postgres-metadata, this one does not"), ReplayedPlan.problems(without));
    }
}
