package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import dev.harness.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in a terminal: SIGINT to the whole foreground process group, the harness and the servers it started
 * alike. The servers shut down on their own signal, maybe before the harness's handler runs; the run is still
 * recorded as interrupted (exit 3), not as a server that died.
 */
class CtrlCTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));
    private static final Pattern PORT = Pattern.compile("ports \\{5432=(\\d+)}");

    @TempDir
    Path tmp;

    @Test
    void ctrlCToTheProcessGroupIsAnInterruptNotAServerError() throws Exception {
        Path out = Files.createDirectories(TempDirAccess.openToServerUser(tmp).resolve("out"));
        Path checks = Files.createDirectories(tmp.resolve("checks"));
        Files.writeString(checks.resolve("sleepy.yaml"), String.join("\n",
                "check: sleepy",
                "initialize:",
                "  - sql: CREATE TABLE sleepy (a int)",
                "manipulate:",
                "  1:",
                "    - sql: SELECT pg_sleep(600) AS sleeping_until_ctrl_c",
                "  2: []",
                "validate: []",
                ""));
        Path scenario = Files.writeString(tmp.resolve("interrupted.yaml"), String.join("\n",
                "scenario: interrupted",
                "steps:",
                "  - start: {service: db_1, version: current}",
                "  - initialize",
                "  - manipulate: 1",
                "  - manipulate: 2",
                "  - validate",
                ""));
        Path console = tmp.resolve("console.txt");
        // setsid: a process group of its own, as a terminal gives a foreground job; SIGINT not inherited as ignored.
        Process harness = new ProcessBuilder("env", "--default-signal=INT", "setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "dev.harness.cli.Main", "run", scenario.toString(), "--checks", checks.toString(), "--out", out.toString(),
                "--seed", "1", "--set", "timeouts.statement=20m",
                "--config", PROJECT.resolve("harness.yaml").toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        long group = harness.pid();
        try {
            // env and setsid exec into java: until setsid has run, the child is still in the test's group.
            Await.until("the harness leads its own process group", () -> processGroupOf(group) == group);
            Path reportDir = awaitSleepingStatement(out);
            new ProcessBuilder("kill", "-INT", "--", "-" + group).inheritIO().start().waitFor();
            assertTrue(harness.waitFor(120, TimeUnit.SECONDS), () -> "the harness exits: " + readQuietly(console));
            assertEquals(ExitCode.INFRASTRUCTURE, harness.exitValue());
            String junit = Files.readString(reportDir.resolve("junit.xml"));
            String text = Files.readString(console);
            assertTrue(text.contains("interrupted: INTERRUPTED"), text);
            assertFalse(text.contains("infrastructure error"), text);
            assertTrue(junit.contains("not run: interrupted"), junit);
            assertTrue(Files.readString(reportDir.resolve("report.html")).contains("\"interrupted\":true"), "report.html says interrupted");
            for (String serverError : List.of("InfrastructureError", "terminating connection", "connection lost", "fresh connection", "not running")) {
                assertFalse(junit.contains(serverError), serverError + " in " + junit);
            }
            Await.until("nothing left in the process group", () -> processesIn(group).isEmpty());
        } finally {
            harness.destroyForcibly();
            for (long pid : processesIn(group)) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Waits until the check's statement runs on the server (found through the service log's port); returns the report folder. */
    private static Path awaitSleepingStatement(Path out) {
        Path[] dir = {null};
        Await.until("the check's statement sleeps on the server", () -> {
            try (Stream<Path> s = Files.list(out)) {
                dir[0] = s.filter(Files::isDirectory).findFirst().orElse(null);
                Path log = dir[0] == null ? null : dir[0].resolve("logs/db_1.log");
                if (log == null || !Files.exists(log)) return false;
                Matcher m = PORT.matcher(Files.readString(log));
                return m.find() && sleeping(Integer.parseInt(m.group(1)));
            } catch (IOException e) {
                return false;
            }
        });
        return dir[0];
    }

    private static boolean sleeping(int port) {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p);
             var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                     + " AND query LIKE '%AS sleeping_until_ctrl_c%' AND pid <> pg_backend_pid()")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException notYet) {
            return false;
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The process group of a live process, from /proc/PID/stat (the field after the state). */
    private static long processGroupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static List<Long> processesIn(long group) {
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> processGroupOf(pid) == group).toList();
    }
}
