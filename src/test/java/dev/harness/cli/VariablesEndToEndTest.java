package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variables, captures, masks, a sleep and guards through the real CLI on real PostgreSQL processes: the README's
 * {@code docs/examples/variables_checks/captured_values.yaml} captures values in initialize and compares them in validate
 * after an upgrade from last to current by restart and after a second restart ({@code scenarios.d/upgrade_entire.yaml}),
 * with run-level vars from harness.yaml and {@code --var}; and what {@code validate} and {@code --var} refuse.
 */
@ExtendWith(InProcessCli.class)
class VariablesEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));
    private static final Path CHECKS = PROJECT.resolve("docs/examples/variables_checks");

    @TempDir
    Path out;

    @TempDir
    Path side;

    @BeforeEach
    void reachable() throws IOException {
        TempDirAccess.openToServerUser(out);
    }

    /** The project's harness.yaml with run-level vars added. */
    private Path configWithVars() throws IOException {
        String project = Files.readString(PROJECT.resolve("harness.yaml"));
        return Files.writeString(side.resolve("harness.yaml"), project + "\nvars:\n  mode: slow\n  owner: from-config\n");
    }

    private static Path onlyDir(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    @Test
    void capturedValuesSurviveAnUpgradeAndARestartMasksHideVolatileValuesAndVarsComeFromTheRun() throws IOException {
        CapturedRun r = CapturedRun.of("run", PROJECT.resolve("scenarios.d/upgrade_entire.yaml").toString(), "--checks", CHECKS.toString(),
                "--config", configWithVars().toString(), "--var", "mode=fast", "--out", out.toString(), "--seed", "5", "--no-color");
        assertEquals(ExitCode.OK, r.exit(), r.out() + r.err());
        Path dir = onlyDir(out);

        var vars = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("plan.json").toFile()).get("vars");
        assertEquals("{\"mode\":\"fast\",\"owner\":\"from-config\"}", vars.toString(), "--var over harness.yaml, recorded in the plan");

        String junit = Files.readString(dir.resolve("junit.xml"));
        assertTrue(junit.contains("VALUES (1, 'fast by from-config')"), "the SQL sent carries the run-level values: " + junit);
        Matcher at = Pattern.compile("captured \\$\\{first_at} = '(\\d{4}-[^']+)'").matcher(junit);
        assertTrue(at.find(), "junit.xml shows the captured value: " + junit);
        Matcher pid = Pattern.compile("captured \\$\\{first_pid} = '(\\d+)'").matcher(junit);
        assertTrue(pid.find(), junit);
        // both validates (after the upgrade, and after the kill and start) compared the value captured in initialize
        assertEquals(2, count(junit, "SELECT at::text = '" + at.group(1) + "', note FROM captured_values_t WHERE id = 1"), junit);
        assertEquals(2, count(junit, "SELECT * FROM captured_values_t_" + pid.group(1)), junit);
        assertTrue(junit.contains("sleep 1s "), "manipulate 2 runs on current, which is not base: its sleep ran: " + junit);

        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("${first_pid} = &#39;" + pid.group(1)) || html.contains("${first_pid} = '" + pid.group(1)), "report.html shows the captures");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void validateRejectsAnUndefinedVariableAtItsPositionAndAcceptsItOnceGiven() throws IOException {
        Path check = Files.writeString(side.resolve("c.yaml"), """
                check: c
                initialize:
                  - sql: CREATE TABLE ${tabel} (a int)
                manipulate: {1: [], 2: []}
                validate: []
                """);
        CapturedRun bad = CapturedRun.of("validate", check.toString());
        assertEquals(ExitCode.INVALID_INPUT, bad.exit());
        assertTrue(bad.err().contains(check + ":3:5: sql: ${tabel} is not defined"), bad.err());
        CapturedRun given = CapturedRun.of("validate", check.toString(), "--var", "tabel=t");
        assertEquals(ExitCode.OK, given.exit(), given.err());
    }

    @Test
    void aMalformedRepeatedOrBuiltInVarIsInvalidInputNamingTheOption() {
        String scenario = PROJECT.resolve("scenarios.d/upgrade_entire.yaml").toString();
        for (List<String> args : List.of(List.of("--var", "novalue"), List.of("--var", "a=1", "--var", "a=2"), List.of("--var", "seed=1"),
                List.of("--var", "a b=1"))) {
            List<String> all = new java.util.ArrayList<>(List.of("plan", scenario, "--checks", CHECKS.toString()));
            all.addAll(args);
            CapturedRun r = CapturedRun.of(all.toArray(String[]::new));
            assertEquals(ExitCode.INVALID_INPUT, r.exit(), args + ": " + r.err());
            assertTrue(r.err().contains("--var"), args + ": " + r.err());
        }
    }

    @Test
    void aReplayedPlanKeepsItsVariablesAndRefusesNewOnes() throws IOException {
        Path plan = side.resolve("plan.json");
        CapturedRun json = CapturedRun.of("plan", "--json", PROJECT.resolve("scenarios.d/upgrade_entire.yaml").toString(), "--checks",
                CHECKS.toString(), "--var", "mode=m", "--var", "owner=o");
        assertEquals(ExitCode.OK, json.exit(), json.err());
        Files.writeString(plan, json.out());
        CapturedRun r = CapturedRun.of("run", "--plan", plan.toString(), "--var", "mode=x", "--out", out.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("--var cannot change a replayed plan"), r.err());
    }
}
