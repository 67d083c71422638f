package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.harness.load.Loader;
import dev.harness.model.ActionTitle;
import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalogue (scenarios.d, checks.d) against the real loader and compiler: every scenario
 * compiles for both systems, round-trips through JSON, and prints exactly its golden plan.
 * Regenerate the golden files with {@code -Dharness.updateGolden=true} and review the diff.
 */
class CatalogueTest {
    /** Relative to the project folder (surefire's working directory), so golden files hold no local paths. */
    private static final Path SCENARIOS = Path.of("scenarios.d");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/plans");
    private static final long SEED = 1;
    private static final HarnessConfig CONFIG = Loader.loadConfig(null);
    private static final List<Check> CHECKS = Loader.loadChecks(List.of(Path.of("checks.d")));

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static boolean allows(Path scenario, String system) {
        List<String> systems = Loader.loadScenario(scenario).scope().systems();
        return systems.isEmpty() || systems.contains(system);
    }

    private static Plan compile(Path scenario, String system, long seed) {
        String runtime = system.equals("materialize") ? "docker" : "process";
        return Compiler.compile(Loader.loadScenario(scenario), CHECKS, CONFIG, system, runtime, seed);
    }

    @Test
    void catalogueHasTheScenariosOfTheIssueAndEnoughChecks() throws IOException {
        Set<String> names = new HashSet<>();
        for (Path p : scenarios()) names.add(p.getFileName().toString());
        assertTrue(names.containsAll(Set.of("no_restart.yaml", "restart_entire.yaml", "upgrade_entire.yaml",
                "upgrade_two_versions.yaml", "upgrade_four_versions.yaml", "zero_downtime_restart.yaml", "zero_downtime.yaml",
                "zero_downtime_two_versions.yaml", "zero_downtime_four_versions.yaml", "random_upgrade_path.yaml",
                "earliest_to_latest.yaml")), names.toString());
        long portable = CHECKS.stream().filter(c -> c.source().file().contains("portable")).count();
        assertTrue(portable >= 10, "portable checks: " + portable);
    }

    @Test
    void everyFileStartsWithItsSchemaLine() throws IOException {
        for (Path p : scenarios()) {
            assertEquals("# yaml-language-server: $schema=../schema/scenario.schema.json", Files.readAllLines(p).get(0), p.toString());
        }
        for (String folder : List.of("checks.d/portable", "checks.d/postgres")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path p : files.toList()) {
                    assertEquals("# yaml-language-server: $schema=../../schema/check.schema.json", Files.readAllLines(p).get(0), p.toString());
                }
            }
        }
    }

    /**
     * Checks run side by side on one server (roles even cluster-wide), so every object a check creates is named after
     * it. Extensions and user mappings have no name of their own: one check per extension creates it.
     */
    @Test
    void checkObjectsArePrefixedByTheCheckName() {
        String kinds = "(OR REPLACE )?(UNIQUE |UNLOGGED |MATERIALIZED |FOREIGN |EVENT )?(TABLE|VIEW|INDEX|PUBLICATION|SUBSCRIPTION|SEQUENCE|TYPE"
                + "|DOMAIN|FUNCTION|PROCEDURE|SCHEMA|ROLE|COLLATION|STATISTICS|TRIGGER|POLICY|SERVER)";
        for (Check c : CHECKS) {
            c.statements(dev.harness.model.Phase.INITIALIZE).stream()
                    .filter(s -> s.sql().startsWith("CREATE") && !s.sql().matches("(?s)CREATE (EXTENSION|USER MAPPING) .*"))
                    .forEach(s -> assertTrue(s.sql().matches("(?s)CREATE " + kinds + " " + c.name() + "(_\\w+)?\\b.*"), c.name() + ": " + s.sql()));
        }
    }

    @Test
    void zeroDowntimeIsTheDesignExample() {
        Plan plan = compile(SCENARIOS.resolve("zero_downtime.yaml"), "postgres", SEED);
        List<String> titles = ActionTitle.of(plan);
        // ZeroDowntimeUpgradeEntireMz: the second generation (db_3) starts before validate and is validated once promoted.
        assertEquals(List.of("start db_1 15.18", "configure db_1", "assert-version db_1 15.18", "initialize on db_1",
                "consistency on db_1 after initialize", "start db_2 15.19 (read-only, generation 1)", "manipulate 1 on db_1",
                "consistency on db_1 after manipulate 1", "await-ready db_2", "promote db_2", "assert-version db_2 15.19", "manipulate 2 on db_2",
                "consistency on db_2 after manipulate 2", "start db_3 15.19 (read-only, generation 2)", "validate #1 on db_2",
                "consistency on db_2 after validate #1", "await-ready db_3", "promote db_3", "assert-version db_3 15.19", "validate #2 on db_3",
                "consistency on db_3 after validate #2"), titles);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void compilesForMaterializeToo(Path scenario) {
        if (!allows(scenario, "materialize")) return; // a postgres-only scenario: ScenarioScopeTest covers the refusal
        Plan plan = compile(scenario, "materialize", SEED);
        assertTrue(plan.base().text().startsWith("v26."), plan.base().text());
        // the postgres-only constraints check is skipped with its reason
        PlannedCheck constraints = plan.checks().stream().filter(c -> c.name().equals("constraints")).findFirst().orElseThrow();
        assertEquals("not for system materialize (systems: postgres)", constraints.skipReason());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void jsonRoundTrip(Path scenario) {
        for (String system : List.of("postgres", "materialize")) {
            if (!allows(scenario, system)) continue;
            Plan plan = compile(scenario, system, SEED);
            assertEquals(plan, PlanJson.read(PlanJson.write(plan)), scenario + " on " + system);
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void goldenPlan(Path scenario) throws IOException {
        String name = scenario.getFileName().toString().replaceFirst("\\.yaml$", "");
        String actual = new PlanPrinter(null).print(compile(scenario, "postgres", SEED));
        assertEquals(actual, new PlanPrinter(null).print(compile(scenario, "postgres", SEED)), "same seed, same text");
        Path golden = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("harness.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) fail("no golden plan " + golden + "; create it with -Dharness.updateGolden=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "plan of " + scenario + " changed");
    }

    static List<Path> materializeScenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS.resolve("materialize"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** scenarios.d/materialize/: Materialize's own SQL or start settings, so Materialize only; golden plans there. */
    @ParameterizedTest
    @MethodSource("materializeScenarios")
    void materializeOnlyScenariosCompileForMaterializeAloneWithTheirGoldenPlan(Path scenario) throws IOException {
        assertEquals(List.of("materialize"), Loader.loadScenario(scenario).scope().systems(), scenario + " says systems: [materialize]");
        HarnessException.InvalidInput refused = org.junit.jupiter.api.Assertions.assertThrows(HarnessException.InvalidInput.class,
                () -> compile(scenario, "postgres", SEED));
        assertTrue(refused.getMessage().contains("runs on materialize only"), refused.getMessage());
        String actual = new PlanPrinter(null).print(compile(scenario, "materialize", SEED));
        Path golden = GOLDEN.resolve("materialize").resolve(scenario.getFileName().toString().replaceFirst("\\.yaml$", ".txt"));
        if (Boolean.getBoolean("harness.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) fail("no golden plan " + golden + "; create it with -Dharness.updateGolden=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "plan of " + scenario + " changed");
    }

    @Test
    void differentSeedsGiveDifferentRandomPathsAndCheckOrders() {
        Set<String> paths = new HashSet<>();
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Plan plan = compile(SCENARIOS.resolve("random_upgrade_path.yaml"), "postgres", seed);
            paths.add(PlanPrinter.versionPath(plan).toString());
            orders.add(plan.checks().stream().map(PlannedCheck::name).toList());
        }
        assertTrue(paths.size() > 3, "paths: " + paths);
        assertEquals(20, orders.size());
        assertNotEquals(PlanJson.write(compile(SCENARIOS.resolve("random_upgrade_path.yaml"), "postgres", 1)),
                PlanJson.write(compile(SCENARIOS.resolve("random_upgrade_path.yaml"), "postgres", 2)));
    }
}
