package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Runs the real command line in-process and checks exit codes, stdout and stderr. */
class ValidateAndSchemaCommandTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CapturedRun r = CapturedRun.of(args);
        return new Run(r.exit(), r.out(), r.err());
    }

    @Test
    void validFolderPrintsCountsAndExitsZero() {
        // all_steps.yaml exercises every step form for the loader; it is not a runnable scenario, so a real one stands in.
        Run r = run("validate", "src/test/resources/load/valid/checks", "scenarios.d/zero_downtime.yaml");
        assertEquals(0, r.exit(), r.err());
        assertEquals("ok: 2 checks, 1 scenario\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void problemsOfAllFilesGoToStderrWithExitTwo() {
        Run r = run("validate", "src/test/resources/load/errors/unknown_key.yaml", "src/test/resources/load/errors/three_phases.yaml",
                "src/test/resources/load/errors/bad_scenario.yaml", "src/test/resources/load/valid/checks");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        String[] lines = r.err().split("\n");
        assertEquals("src/test/resources/load/errors/bad_scenario.yaml:3:43: unknown key 'readonly' in start; expected one of: service, version, read-only, generation, settings, system-parameters, env, args, force-migrations, soft-assertions,"
                + " builtin-replication-factor, restart, healthcheck, system-parameter-version", lines[0]);
        assertTrue(r.err().contains("src/test/resources/load/errors/three_phases.yaml:8:3: manipulate must have exactly the phases 1 and 2"), r.err());
        assertTrue(r.err().contains("src/test/resources/load/errors/unknown_key.yaml:4:5: unknown key 'rowz'"), r.err());
        assertEquals("6 problems", lines[lines.length - 1]);
    }

    @Test
    void scenariosThatLoadButDoNotCompileAreProblemsWithPositions() {
        Run r = run("validate", "--system", "postgres", "src/test/resources/cli/compile_errors/scenario.yaml");
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        String[] lines = r.err().split("\n");
        assertTrue(lines[0].startsWith("src/test/resources/cli/compile_errors/scenario.yaml:5:5: manipulate 2 before manipulate 1"), r.err());
        assertTrue(lines[1].startsWith("src/test/resources/cli/compile_errors/scenario.yaml:8:5: validate: no writable leader is running"), r.err());
        assertEquals("2 problems", lines[lines.length - 1]);
    }

    @Test
    void theBundledCatalogueValidatesAndCompilesForEverySystem() {
        Run r = run("validate", "checks.d", "scenarios.d");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("ok: "), r.out());
    }

    @Test
    void missingPathIsInvalidInput() {
        Run r = run("validate", "src/test/resources/load/nowhere");
        assertEquals(2, r.exit());
        assertEquals("src/test/resources/load/nowhere:1:1: no such file or folder\n1 problem\n", r.err());
    }

    @Test
    void validateWithoutPathsIsAUsageError() {
        assertEquals(2, run("validate").exit());
    }

    @Test
    void schemaPrintsEachSchemaAsJson() {
        for (String kind : new String[] {"check", "scenario", "config"}) {
            Run r = run("schema", kind);
            assertEquals(0, r.exit(), r.err());
            assertEquals(kind, new JSONObject(r.out()).getString("title"));
        }
        assertEquals("check", new JSONObject(run("schema").out()).getString("title"));
        assertEquals(2, run("schema", "plan").exit());
    }
}
