package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import dev.harness.testing.RawControls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI: text from PostgreSQL, checks and file names reaches the console, report.html and junit.xml
 * escaped; an unreachable Docker engine and a full disk are exit 3 with reports or a message, never silence.
 */
class ReportsAndConsoleEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));
    /** ESC, an OSC window title ending in BEL, C1 CSI, a bidi override, a bidi isolate: all from a file name. */
    private static final String ODD_DIR = "odd \u001b]0;dir\u0007 \u009b \u202e \u2066";

    @TempDir
    Path tmp;

    @Test
    void serverTextCheckSqlAndFileNamesReachConsoleAndReportsEscaped() throws Exception {
        Path checks = Files.createDirectories(tmp.resolve(ODD_DIR));
        // YAML's "\e" and "\a" put raw ESC and BEL into the check's own SQL and expectations.
        Files.writeString(checks.resolve("hostile_rows.yaml"), String.join("\n",
                "check: hostile_rows",
                "initialize:",
                "  - sql: CREATE TABLE hostile_rows (v text)",
                "  - sql: \"INSERT INTO hostile_rows VALUES (E'\\\\x1b]0;pwned\\\\x07 ' || chr(155) || chr(8238) || E'\\\\rover')\"",
                "  - sql: \"SELECT '\\e]0;from the check\\a' AS noted\"",
                "validate:",
                "  - query: SELECT v FROM hostile_rows",
                "    retry: 200ms",
                "    rows: [[\"\\e]0;expected\\a\"]]",
                ""));
        Files.writeString(checks.resolve("hostile_error.yaml"), String.join("\n",
                "check: hostile_error",
                "validate:",
                "  - sql: \"DO $$ BEGIN RAISE EXCEPTION '%', E'boom \\\\x1b]0;pwned\\\\x07 \\\\x1b[2J' || chr(155) || chr(8238) || E'\\\\rover'; END $$\"",
                ""));
        Path out = TempDirAccess.openToServerUser(Files.createDirectories(tmp.resolve("reports")));
        TempDirAccess.openToServerUser(tmp);

        Child child = runChild(Map.of(), PROJECT.resolve("scenarios.d/no_restart.yaml").toString(), "--checks", checks.toString(),
                "--out", out.toString(), "--seed", "5", "--verbose");
        String console = child.console();

        assertEquals(ExitCode.CHECK_FAILED, child.exit(), console);
        assertEquals(List.of(), RawControls.in(console, false), console);
        String serverText = "boom \\x1b]0;pwned\\x07 \\x1b[2J\\u009b\\u202e\\rover";
        assertTrue(console.contains(serverText), "the server's message, escaped: " + console);
        assertTrue(console.contains("SELECT '\\x1b]0;from the check\\x07' AS noted"), "the check's SQL, escaped");
        assertTrue(console.contains("odd \\x1b]0;dir\\x07 \\u009b \\u202e \\u2066/hostile_error.yaml:3"), "the file name, escaped");

        Path dir;
        try (Stream<Path> s = Files.list(out)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertEquals(List.of(), RawControls.in(html, false));
        String rowValue = "\\x1b]0;pwned\\x07 \\u009b\\u202e\\rover";
        assertTrue(html.contains(rowValue) && html.contains(serverText), "row values and server messages as visible escapes");
        String junit = Files.readString(dir.resolve("junit.xml"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(junit.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), RawControls.in(junit, false), "junit.xml keeps only tab and LF raw");
        assertTrue(junit.contains(rowValue) && junit.contains(serverText), junit);
    }

    @Test
    void anUnreachableDockerEngineStillWritesJunitXmlWithTheError() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("reports"));
        Child child = runChild(Map.of("DOCKER_HOST", "unix:///nonexistent.sock"), dockerRun(out));

        assertEquals(ExitCode.INFRASTRUCTURE, child.exit(), child.console());
        Path dir;
        try (Stream<Path> s = Files.list(out)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String junit = Files.readString(dir.resolve("junit.xml"));
        // the check and the consistency testcase, neither run
        assertTrue(junit.contains("errors=\"2\"") && junit.contains("Docker engine not reachable at unix:///nonexistent.sock"), junit);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("Docker engine not reachable at unix:///nonexistent.sock"));
        // (names are padded to the longest, "consistency")
        assertTrue(child.console().contains("table_data   initialize: not run: the docker runtime is not available"), child.console());
    }

    @Test
    void reportsThatCannotBeWrittenExitThreeAndSayWhichOnStderr() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("full"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "mounting a tmpfs needs root with CAP_SYS_ADMIN");
        try {
            try (var o = Files.newOutputStream(out.resolve("filler"))) {
                while (true) o.write(new byte[4096]);
            } catch (IOException full) {
                // the disk is full now
            }
            // No engine and no disk: the run ends at once, and both reports fail to be written.
            Child child = runChild(Map.of("DOCKER_HOST", "unix:///nonexistent.sock"), dockerRun(out));

            assertEquals(ExitCode.INFRASTRUCTURE, child.exit(), child.console());
            for (String report : List.of("junit.xml", "report.html")) {
                assertTrue(child.stderr().matches("(?s).*\ncannot write " + out + "/no_restart-[0-9-]+/" + report + ": No space left on device\n.*"),
                        child.stderr());
            }
        } finally {
            new ProcessBuilder("umount", out.toString()).inheritIO().start().waitFor();
        }
    }

    private record Child(int exit, String stdout, String stderr) {
        String console() {
            return stderr + stdout;
        }
    }

    /** A docker run of no_restart with the portable table_data check. */
    private static String[] dockerRun(Path out) {
        return new String[] {PROJECT.resolve("scenarios.d/no_restart.yaml").toString(), "--checks", PROJECT.resolve("checks.d/portable").toString(),
            "--check", "table_data", "--runtime", "docker", "--out", out.toString()};
    }

    /** {@code harness run args…} in its own JVM with {@code env} added, its stdout and stderr captured apart. */
    private Child runChild(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.harness.cli.Main", "run", "--no-color",
                "--config", PROJECT.resolve("harness.yaml").toString()));
        cmd.addAll(List.of(args));
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the harness exits");
            return new Child(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            p.destroyForcibly();
        }
    }
}
