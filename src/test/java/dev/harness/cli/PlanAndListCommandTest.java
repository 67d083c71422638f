package dev.harness.cli;

import static dev.harness.cli.ValidateAndSchemaCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.cli.ValidateAndSchemaCommandTest.Run;
import dev.harness.model.Plan;
import dev.harness.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness plan} and {@code harness list} run in-process against the shipped catalogue. */
class PlanAndListCommandTest {

    @Test
    void planShowsImplicitStepsWithSourceLines() {
        Run r = run("plan", "scenarios.d/zero_downtime.yaml", "--seed", "42");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("scenario  zero_downtime: Upgrade last -> current with overlapping generations.\n"), r.out());
        assertTrue(r.out().contains("\nseed      42\n"), r.out());
        assertTrue(r.out().contains("\nversions  15.18 -> 15.19\n"), r.out());
        assertTrue(r.out().contains("[ 2] configure db_1                                   (implicit)  scenarios.d/zero_downtime.yaml:8\n"), r.out());
        assertTrue(r.out().contains("[ 3] assert-version db_1 15.18                        (implicit)  scenarios.d/zero_downtime.yaml:8\n"), r.out());
        assertTrue(r.out().contains("[ 5] consistency on db_1 after initialize             (implicit)  scenarios.d/zero_downtime.yaml:9\n"), r.out());
        assertTrue(r.out().contains("[11] assert-version db_2 15.19                        (implicit)  scenarios.d/zero_downtime.yaml:13\n"), r.out());
        // the checks that need the upstream service (logical_replication, postgres_fdw) are skipped: the scenario has none
        assertTrue(r.out().contains("checks (" + checkFiles() + ": " + (checkFiles() - 2) + " run, 2 skipped), in seed order"), r.out());
    }

    @Test
    void sameSeedSameOutput() {
        assertEquals(run("plan", "scenarios.d/random_upgrade_path.yaml", "--seed", "7").out(),
                run("plan", "scenarios.d/random_upgrade_path.yaml", "--seed", "7").out());
    }

    @Test
    void seedIsFreshAndPrintedWhenNotGiven() {
        Pattern seed = Pattern.compile("\nseed      (\\d+)\n");
        Matcher a = seed.matcher(run("plan", "scenarios.d/no_restart.yaml").out());
        Matcher b = seed.matcher(run("plan", "scenarios.d/no_restart.yaml").out());
        Matcher c = seed.matcher(run("plan", "scenarios.d/no_restart.yaml").out());
        assertTrue(a.find() && b.find() && c.find());
        assertTrue(!a.group(1).equals(b.group(1)) || !b.group(1).equals(c.group(1)), "three runs, one seed: " + a.group(1));
    }

    @Test
    void jsonLoadsBackAndCarriesTheSeedAndOverrides() {
        Run r = run("plan", "scenarios.d/zero_downtime.yaml", "--seed", "9", "--json", "--set", "timeouts.statement=45s");
        assertEquals(0, r.exit(), r.err());
        Plan plan = PlanJson.read(r.out());
        assertEquals(9, plan.seed());
        assertEquals("zero_downtime", plan.scenario());
        assertEquals("45s", plan.settings().get("timeouts.statement"));
        assertEquals(r.out(), PlanJson.write(plan));
    }

    @Test
    void systemFlagSwitchesCatalogAndRuntime() {
        Run r = run("plan", "scenarios.d/zero_downtime.yaml", "--seed", "1", "--system", "materialize");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\nsystem    materialize (runtime docker)\n"), r.out());
        assertTrue(r.out().contains("\nbase      v26.24.0\n"), r.out());
        assertTrue(r.out().matches("(?s).*\\n ?\\d+  constraints +skipped: not for system materialize \\(systems: postgres\\)\\n.*"), r.out());
    }

    @Test
    void detailsShowWhatEachStartUses() {
        Run r = run("plan", "scenarios.d/upgrade_entire.yaml", "--seed", "1", "--details", "--runtime", "docker");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("scenarios.d/upgrade_entire.yaml:7\n       service:     db_1 (hostname and network alias)\n       image:       harness/postgres:15.18\n"), r.out());
        assertTrue(r.out().contains("\n       image:       harness/postgres:15.19\n"), r.out());
    }

    @Test
    void materializeDetailsShowTheMetadataStoreAndEveryContainerSpecWithoutStartingAnything() {
        Run r = run("plan", "--details", "--system", "materialize", "scenarios.d/zero_downtime.yaml", "--seed", "1");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        // the metadata store is a declared PostgreSQL service of every Materialize plan, started (with its spec) as step 1
        assertTrue(out.contains("\nservices (besides the system under test)\n  postgres-metadata postgres 15.19 max_connections=500  (every materialize plan)\n"), out);
        assertTrue(out.matches("(?s).*\\n\\[ 1] start postgres-metadata 15\\.19 \\(service, postgres\\) +\\(implicit\\)  scenarios\\.d/zero_downtime\\.yaml:\\d+\\n"
                + " +service: +postgres-metadata \\(hostname and network alias\\)\\n +image: +harness/postgres:15\\.19\\n.*"), out);
        assertTrue(out.indexOf("max_connections=500", out.indexOf("[ 1]")) < out.indexOf("[ 2] start db_1"), out);
        assertTrue(out.contains("--persist-consensus-url=postgres://root@postgres-metadata:5432?options=--search_path=consensus"), out);
        assertTrue(out.indexOf("--deploy-generation=1") > out.indexOf("start db_2 v26.25.0 (read-only, generation 1)"), out);
        assertTrue(out.contains("MZ_RESTART_ON_FAILURE=1"), out);
        assertTrue(out.contains("127.0.0.1:<free>->6878"), out);
        assertTrue(out.contains("mzdata -> /mzdata"), out);
    }

    @Test
    void checksOptionNarrowsTheChecks() {
        Run r = run("plan", "scenarios.d/no_restart.yaml", "--seed", "1", "--checks", "checks.d/portable/nulls.yaml");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("checks (1: 1 run, 0 skipped), in seed order\n1  nulls\n"), r.out());
    }

    @Test
    void severalScenariosArePrintedInTurn() {
        Run r = run("plan", "scenarios.d/no_restart.yaml", "scenarios.d/restart_entire.yaml", "--seed", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("scenario  no_restart:") && r.out().contains("scenario  restart_entire:"), r.out());
    }

    @Test
    void compileProblemsExitTwoWithPositions(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                steps:
                  - start: {service: db_1, version: current}
                  - initialize
                  - manipulate: 2
                  - manipulate: 1
                  - kill: db_1
                  - validate
                  - start: {service: db_1, version: \"15.16\"}
                """);
        Run r = run("plan", bad.toString(), "--seed", "1");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains(bad + ":4:5: manipulate 2 before manipulate 1"), r.err());
        assertTrue(r.err().contains(bad + ":7:5: validate: no writable leader is running"), r.err());
        assertTrue(r.err().contains(bad + ":8:5: unknown version '15.16'"), r.err());
    }

    @Test
    void unknownVersionExitsTwo(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "steps:\n  - start: {service: db_1, version: \"15.16\"}\n  - initialize\n  - manipulate: 1\n  - manipulate: 2\n  - validate\n");
        Run r = run("plan", bad.toString(), "--seed", "1");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(bad + ":2:5: unknown version '15.16': not in the postgres catalog"), r.err());
    }

    @Test
    void configFileAndMissingChecksFolder(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("harness.yaml");
        Files.writeString(config, "postgres:\n  versions: [\"14.1\", \"14.2\"]\n  current: \"14.3\"\n");
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "steps:\n  - start: {service: db_1, version: last}\n  - initialize\n  - manipulate: 1\n  - manipulate: 2\n  - validate\n");
        Run r = run("plan", scenario.toString(), "--seed", "1", "--config", config.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\nbase      14.2\n"), r.out());
        // no checks.d beside the scenario's folder: a plan without checks
        assertTrue(r.out().endsWith("checks (0: 0 run, 0 skipped), in seed order\n"), r.out());
    }

    @Test
    void badSetIsInvalidInput() {
        Run r = run("plan", "scenarios.d/no_restart.yaml", "--set", "nope=1");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--set nope=1: unknown key 'nope'"), r.err());
    }

    @Test
    void listBoth() {
        Run r = run("list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("checks (" + checkFiles() + ")\n"), r.out());
        assertTrue(r.out().matches("(?s).*\n  constraints +Primary key, unique and check constraints are still enforced after an upgrade\\.  \\[systems postgres]"
                + "  \\(checks\\.d/portable/constraints\\.yaml:2\\)\n.*"), r.out());
        assertTrue(r.out().contains("\nscenarios (" + scenarioFiles() + ")\n"), r.out());
        // names are padded to the longest one
        assertTrue(r.out().matches("(?s).*\n  zero_downtime +Upgrade last -> current with overlapping generations\\.  \\[base last]  \\(scenarios\\.d/zero_downtime\\.yaml\\)\n.*"), r.out());
    }

    @Test
    void listOneKind() {
        Run checks = run("list", "checks");
        assertTrue(checks.out().startsWith("checks (" + checkFiles() + ")\n") && !checks.out().contains("scenarios ("), checks.out());
        Run scenarios = run("list", "scenarios");
        assertTrue(scenarios.out().startsWith("scenarios (" + scenarioFiles() + ")\n") && !scenarios.out().contains("checks ("), scenarios.out());
        assertEquals(2, run("list", "tables").exit());
    }

    /** The shipped scenario files, sub-folders included, as {@code list} reads them. */
    private static long scenarioFiles() {
        return yamlFiles("scenarios.d");
    }

    /** The shipped check files (checks.d/portable, checks.d/postgres), one check each. */
    private static long checkFiles() {
        return yamlFiles("checks.d");
    }

    private static long yamlFiles(String folder) {
        try (java.util.stream.Stream<Path> walk = Files.walk(Path.of(folder))) {
            return walk.filter(f -> f.toString().endsWith(".yaml")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
