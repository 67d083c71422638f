package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI on scenario scopes: a scenario for other systems exits 2 naming its {@code systems} key (plan and
 * run) while {@code validate} compiles it only for the systems it allows; and on real PostgreSQL processes, checks
 * left out by {@code forced-migrations} / {@code requires} are skipped with their reason on the console, in
 * junit.xml and in report.html, and an upgrade path with {@code phases: random} runs.
 */
@ExtendWith(InProcessCli.class)
class ScenarioScopeEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));
    private static final String FORCED_REASON =
            "does not support forced migrations (supports-forced-migrations: false), and the scenario forces them (forced-migrations: true)";
    private static final String IDEMPOTENCE_REASON =
            "not externally idempotent (externally-idempotent: false), and the scenario requires external-idempotence";

    @TempDir
    Path out;

    @TempDir
    Path inputs;

    @BeforeEach
    void reachable() throws IOException {
        TempDirAccess.openToServerUser(out);
    }

    private Path write(String relative, String... lines) throws IOException {
        Path file = inputs.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private CapturedRun harness(String command, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(command, "--config", PROJECT.resolve("harness.yaml").toString()));
        all.addAll(List.of(args));
        return CapturedRun.of(all.toArray(String[]::new));
    }

    private Path materializeOnly() throws IOException {
        return write("scenarios.d/mz_only.yaml",
                "scenario: mz_only",
                "systems: [materialize]",
                "steps:",
                "  - start: {service: db_1, version: v26.17.1}",
                "  - initialize");
    }

    @Test
    void aScenarioForAnotherSystemExitsTwoNamingItsSystemsKeyBeforeAnythingStarts() throws IOException {
        Path scenario = materializeOnly();
        String expected = scenario + ":2:1: scenario mz_only runs on materialize only, not on postgres";
        CapturedRun plan = harness("plan", "--system", "postgres", scenario.toString());
        assertEquals(ExitCode.INVALID_INPUT, plan.exit(), plan.err());
        assertTrue(plan.err().contains(expected), plan.err());
        CapturedRun run = harness("run", "--system", "postgres", "--no-color", "--out", out.toString(), scenario.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exit(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "nothing started, no report folder");
        }
        assertEquals(ExitCode.OK, harness("plan", "--system", "materialize", scenario.toString()).exit());
    }

    @Test
    void validateCompilesEachScenarioOnlyForTheSystemsItAllows() throws IOException {
        materializeOnly(); // v26.17.1 is no PostgreSQL version: compiled for postgres it would be a problem
        write("scenarios.d/pg_only.yaml",
                "scenario: pg_only",
                "systems: [postgres]",
                "steps:",
                "  - start: {service: db_1, version: \"15.17\"}",
                "  - initialize");
        write("checks.d/c.yaml", "check: c", "validate:", "  - sql: SELECT 1");
        CapturedRun all = harness("validate", inputs.resolve("checks.d").toString(), inputs.resolve("scenarios.d").toString());
        assertEquals(ExitCode.OK, all.exit(), all.err());
        assertEquals("ok: 1 check, 2 scenarios\n", all.out());
        CapturedRun one = harness("validate", "--system", "postgres", inputs.resolve("scenarios.d").toString());
        assertEquals(ExitCode.OK, one.exit(), one.err());
    }

    @Test
    void filteredChecksAreSkippedWithTheirReasonOnTheConsoleInJunitAndInTheReport() throws IOException {
        Path checks = inputs.resolve("checks.d");
        write("checks.d/kept.yaml", "check: kept",
                "initialize:", "  - sql: CREATE TABLE kept (a int)",
                "manipulate:", "  1:", "    - sql: INSERT INTO kept VALUES (1)", "  2:", "    - sql: INSERT INTO kept VALUES (2)",
                "validate:", "  - query: SELECT count(*) FROM kept", "    rows: [[2]]");
        write("checks.d/no_forced.yaml", "check: no_forced", "supports-forced-migrations: false",
                "validate:", "  - sql: SELECT no_such_column_would_fail_if_this_ran");
        write("checks.d/not_idempotent.yaml", "check: not_idempotent", "externally-idempotent: false",
                "validate:", "  - sql: SELECT no_such_column_would_fail_if_this_ran");
        Path scenario = write("scenarios.d/forced.yaml",
                "scenario: forced",
                "forced-migrations: true",
                "requires: [external-idempotence]",
                "steps:",
                "  - start: {service: db_1, version: current}",
                "  - initialize",
                "  - manipulate: 1",
                "  - manipulate: 2",
                "  - validate");
        CapturedRun r = harness("run", "--system", "postgres", "--runtime", "process", "--seed", "1", "--no-color",
                "--out", out.toString(), "--checks", checks.toString(), scenario.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("2 passed, 0 failed, 0 errors, 2 skipped"), r.out()); // the check and the consistency testcase
        assertTrue(r.out().contains(FORCED_REASON) && r.out().contains(IDEMPOTENCE_REASON), r.out());
        Path report = onlyReportDir();
        String junit = Files.readString(report.resolve("junit.xml"));
        assertTrue(junit.contains("<skipped message=\"" + FORCED_REASON + "\""), junit);
        assertTrue(junit.contains("<skipped message=\"" + IDEMPOTENCE_REASON + "\""), junit);
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains(FORCED_REASON) && html.contains(IDEMPOTENCE_REASON), "report.html shows both reasons");
        String plan = Files.readString(report.resolve("plan.json"));
        assertTrue(plan.contains(FORCED_REASON), "plan.json records the reason for an exact replay");
    }

    @Test
    void anUpgradePathWithRandomPhasesRunsOnRealServers() throws IOException {
        Path scenario = write("scenarios.d/random_phases.yaml",
                "scenario: random_phases",
                "steps:",
                "  - start: {service: db_1, version: \"15.17\"}",
                "  - initialize",
                "  - upgrade-path: {versions: [\"15.18\"], via: restart, phases: random}");
        CapturedRun r = harness("run", "--system", "postgres", "--runtime", "process", "--seed", "4", "--no-color",
                "--out", out.toString(), "--checks", PROJECT.resolve("checks.d/portable/table_data.yaml").toString(), scenario.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err() + r.out());
        assertTrue(r.err().contains("manipulate 1 on db_1") && r.err().contains("manipulate 2 on db_1")
                && r.err().contains("validate on db_1"), r.err());
        assertTrue(r.out().contains("2 passed, 0 failed"), r.out()); // the check and the consistency testcase
    }

    private Path onlyReportDir() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }
}
