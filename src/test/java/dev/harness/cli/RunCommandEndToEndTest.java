package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI on the real YAML of the repository against real PostgreSQL processes (Maven-packaged
 * binaries, process runtime): restart, one- and two-hop upgrades, zero-downtime, preflights, a wrong expectation,
 * and an interrupted run; and two catalogue scenarios in Docker containers.
 */
class RunCommandEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @TempDir
    Path out;

    /** Inputs and side files of a test: beside the reports, never left behind in /tmp. */
    @TempDir
    Path sideFiles;

    @BeforeAll
    static void noJvmHook() {
        RunCommand.installShutdownHook = false; // in-process: the test JVM must not be halted
    }

    @AfterAll
    static void restoreHook() {
        RunCommand.installShutdownHook = true;
    }

    @org.junit.jupiter.api.BeforeEach
    void reachable() throws IOException {
        TempDirAccess.openToServerUser(out);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--out", out.toString(), "--seed", "3", "--no-color",
                "--config", PROJECT.resolve("harness.yaml").toString()));
        all.addAll(List.of(args));
        return Main.commandLine().execute(all.toArray(String[]::new));
    }

    private Path onlyReportDir() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    private String scenario(String name) {
        return PROJECT.resolve("scenarios.d/" + name + ".yaml").toString();
    }

    private String portable() {
        return PROJECT.resolve("checks.d/portable").toString();
    }

    @Test
    void restartAndUpgradeScenariosPassWithTheirReports() throws IOException {
        int exit = run(scenario("restart_entire"), scenario("upgrade_entire"), scenario("upgrade_two_versions"), "--checks", portable(), "--parallel", "2");
        assertEquals(ExitCode.OK, exit);
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.toList();
            assertEquals(3, dirs.size());
            for (Path d : dirs) {
                for (String f : List.of("junit.xml", "report.html", "plan.json", "harness.log")) assertTrue(Files.exists(d.resolve(f)), d + "/" + f);
                assertTrue(Files.exists(d.resolve("logs/db_1.log")), d.toString());
                assertTrue(Files.readString(d.resolve("junit.xml")).contains("<testcase"), d.toString());
            }
        }
    }

    /**
     * The shipped PostgreSQL library (checks.d/postgres) on real servers: a kill before every phase (crash recovery:
     * sequence gaps, emptied unlogged tables, prepared transactions and slots kept) and a zero-downtime upgrade (a
     * promoted standby: the slot lost with a timeline switch), four checks at a time on one server, so the checks'
     * object and role names must not collide. The whole catalogue on both runtimes is a manual run.
     */
    @Test
    void everyLibraryCheckPassesAcrossKillsAndAZeroDowntimeUpgrade() throws IOException {
        Path library = PROJECT.resolve("checks.d/postgres");
        assertEquals(ExitCode.OK, run(scenario("restart_entire"), scenario("zero_downtime_once"), "--checks", library.toString(), "--parallel", "4"));
        long checks;
        try (Stream<Path> files = Files.list(library)) {
            checks = files.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        try (Stream<Path> s = Files.list(out)) {
            for (Path report : s.filter(Files::isDirectory).toList()) {
                // postgres_fdw needs the upstream service, which neither scenario declares; + 1: the consistency testcase
                assertTrue(Files.readString(report.resolve("junit.xml")).contains("<testsuite name=\"" + report.getFileName().toString().replaceFirst("-.*", "")
                        + "\" tests=\"" + (checks + 1) + "\" failures=\"0\" errors=\"0\" skipped=\"1\""), report.toString());
            }
        }
    }

    @Test
    void zeroDowntimeWithStandbyAndPromotePasses() throws IOException {
        assertEquals(ExitCode.OK, run(scenario("zero_downtime"), "--checks", portable(), "--check", "table_data", "--check", "views"));
        String log = Files.readString(onlyReportDir().resolve("harness.log"));
        assertTrue(log.contains("PASSED") && log.contains("promote db_2"), log);
    }

    /**
     * The catalogue's scenarios that add something to the ones above: a preflight that is promoted and one that is
     * rolled back (a read-only boot on the killed leader's data), the zero-downtime smoke test, system settings
     * changed between phases, a two-hop restart upgrade. The linear self-managed paths only chain zero-downtime hops
     * (covered above and by PostgresSystemTest) and take a minute each, so they are left to manual runs.
     */
    @Test
    void catalogueScenariosOfPreflightSmokeTestSettingsAndSelfManagedUpgradePass() throws IOException {
        List<String> names = List.of("preflight_continue", "preflight_rollback", "zero_downtime_once", "system_var_change",
                "upgrade_from_previous_self_managed");
        List<String> args = new ArrayList<>(names.stream().map(this::scenario).toList());
        args.addAll(List.of("--checks", portable(), "--check", "table_data", "--check", "views"));
        assertEquals(ExitCode.OK, run(args.toArray(String[]::new)));
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.toList();
            assertEquals(names.size(), dirs.size(), dirs.toString());
            for (Path d : dirs) {
                String junit = Files.readString(d.resolve("junit.xml"));
                assertTrue(junit.contains("name=\"table_data\"") && !junit.contains("<failure") && !junit.contains("<error"), junit);
            }
        }
    }

    /**
     * In containers: the second zero-downtime generation is a standby of the promoted first one (another container,
     * a new timeline), and a rolled-back preflight boots the old image writable on the volume the new one opened.
     */
    @Test
    @RequiresDocker
    void zeroDowntimeAndAPreflightRollbackPassInContainersAndLeaveNothing() throws Exception {
        assertEquals(ExitCode.OK, run(scenario("zero_downtime"), scenario("preflight_rollback"), "--runtime", "docker",
                "--checks", portable(), "--check", "table_data", "--check", "views"));
        try (Stream<Path> s = Files.list(out); DockerProbe probe = new DockerProbe()) {
            List<Path> dirs = s.toList();
            assertEquals(2, dirs.size(), dirs.toString());
            for (Path d : dirs) {
                String junit = Files.readString(d.resolve("junit.xml"));
                assertTrue(junit.contains("name=\"views\"") && !junit.contains("<failure") && !junit.contains("<error"), junit);
                assertEquals(List.of(), probe.labelled(runId(d)), "containers, volumes or network left by " + d);
            }
        }
    }

    @Test
    void aSavedPlanReplaysExactlyEvenAfterItsCheckFilesAreGone() throws IOException {
        Path checks = Files.createDirectories(sideFiles.resolve("replay-checks"));
        Files.copy(PROJECT.resolve("checks.d/portable/table_data.yaml"), checks.resolve("table_data.yaml"));
        assertEquals(ExitCode.OK, run(scenario("upgrade_entire"), "--checks", checks.toString()));
        Path first = onlyReportDir();
        String plan = Files.readString(first.resolve("plan.json"));
        Files.delete(checks.resolve("table_data.yaml")); // the plan carries the checks' SQL itself
        Path saved = Files.writeString(sideFiles.resolve("saved-plan.json"), plan);
        Path replayOut = Files.createDirectories(TempDirAccess.openToServerUser(sideFiles).resolve("replay"));
        TempDirAccess.openToServerUser(replayOut);
        int exit = Main.commandLine().execute("run", "--plan", saved.toString(), "--out", replayOut.toString(), "--no-color",
                "--config", PROJECT.resolve("harness.yaml").toString());
        assertEquals(ExitCode.OK, exit);
        try (Stream<Path> s = Files.list(replayOut)) {
            Path replay = s.filter(Files::isDirectory).findFirst().orElseThrow();
            assertEquals(plan, Files.readString(replay.resolve("plan.json")), "the replay ran a different plan");
            String junit = Files.readString(replay.resolve("junit.xml"));
            assertTrue(junit.contains("name=\"table_data\"") && junit.contains("--plan " + saved), junit);
        }
    }

    /** The plan is the run's only input: a harness.yaml edited after the plan was saved changes nothing. */
    @Test
    void aSavedPlanReplaysItsOwnSettingsAfterHarnessYamlChanged() throws IOException {
        assertEquals(ExitCode.OK, run(scenario("upgrade_entire"), "--checks", portable(), "--check", "table_data"));
        String plan = Files.readString(onlyReportDir().resolve("plan.json"));
        assertTrue(plan.contains("timeouts.start") && plan.contains("harness/postgres:{version}"), "the plan records them: " + plan);
        Path saved = Files.writeString(sideFiles.resolve("saved-plan.json"), plan);
        // Timeouts no server start could meet and another image: the live file would fail the replay at once.
        String edited = Files.readString(PROJECT.resolve("harness.yaml"))
                .replace("timeouts: {statement: 30s, start: 120s, promote: 600s}", "timeouts: {statement: 1ms, start: 1ms, promote: 1ms}")
                .replace("image: harness/postgres:{version}", "image: elsewhere/postgres:{version}");
        assertTrue(edited.contains("start: 1ms") && edited.contains("elsewhere/postgres"), "the edit must apply: " + edited);
        Path config = Files.writeString(sideFiles.resolve("harness.yaml"), edited);
        Path replayOut = Files.createDirectories(TempDirAccess.openToServerUser(sideFiles).resolve("replay"));
        TempDirAccess.openToServerUser(replayOut);
        int exit = Main.commandLine().execute("run", "--plan", saved.toString(), "--out", replayOut.toString(), "--no-color",
                "--config", config.toString());
        assertEquals(ExitCode.OK, exit, "the replay used harness.yaml's new timeouts");
        try (Stream<Path> s = Files.list(replayOut)) {
            Path replay = s.filter(Files::isDirectory).findFirst().orElseThrow();
            assertEquals(plan, Files.readString(replay.resolve("plan.json")));
        }
    }

    @Test
    void keepLeavesTheServerRunningWithItsData() throws Exception {
        assertEquals(ExitCode.OK, run(scenario("no_restart"), "--checks", portable(), "--check", "nulls", "--keep"));
        Path dir = onlyReportDir();
        List<Long> left = postgresProcessesUnder(dir);
        try {
            assertEquals(1, left.size(), "--keep leaves the server running: " + left);
        } finally {
            for (long pid : left) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            String prefix = "harness-" + runId(dir) + "-";
            try (Stream<Path> scratch = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                for (Path f : scratch.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                    for (long pid : left) ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
                    try (Stream<Path> walk = Files.walk(f)) {
                        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    @Test
    void aShardRunsEveryNthCheckByNameAndItsReportSaysSo() throws IOException {
        // portable checks sorted: aggregates constraints expected_errors indexes logical_replication not_null nulls
        // ordered_rows retried_query system_user table_data types update_delete views when_guard -> shard 2/5 (1-based) =
        // the 2nd, 7th and 12th
        assertEquals(ExitCode.OK, run(scenario("no_restart"), "--checks", portable(), "--shard", "2/5"));
        Path dir = onlyReportDir();
        String junit = Files.readString(dir.resolve("junit.xml"));
        assertEquals(4, junit.split("<testcase ", -1).length - 1, junit);
        for (String name : List.of("constraints", "nulls", "types", "consistency")) assertTrue(junit.contains("name=\"" + name + "\""), junit);
        assertTrue(junit.contains("--shard 2/5"), "the rerun command keeps the shard: " + junit);
    }

    @Test
    void aBadShardIsAUsageErrorBeforeAnythingStarts() throws IOException {
        assertEquals(ExitCode.INVALID_INPUT, run(scenario("no_restart"), "--shard", "6/5"));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(0, s.count(), "no report folder for a run that never started");
        }
    }

    @Test
    void aWrongExpectationExitsOneAndJunitShowsExpectedActualAndTheLine() throws IOException {
        Path checks = Files.createDirectories(sideFiles.resolve("checks"));
        Files.writeString(checks.resolve("wrong.yaml"), String.join("\n",
                "check: wrong",
                "initialize:",
                "  - sql: CREATE TABLE wrong (a int, b text)",
                "  - sql: INSERT INTO wrong VALUES (1, 'one')",
                "manipulate:",
                "  1: []",
                "  2: []",
                "validate:",
                "  - query: SELECT a, b FROM wrong",
                "    retry: 200ms",
                "    rows: [[1, uno]]",
                ""));
        assertEquals(ExitCode.CHECK_FAILED, run(scenario("restart_entire"), "--checks", checks.toString()));
        String junit = Files.readString(onlyReportDir().resolve("junit.xml"));
        assertTrue(junit.contains("<failure"), junit);
        assertTrue(junit.contains("- 1 | uno") && junit.contains("+ 1 | one"), junit);
        assertTrue(junit.contains("wrong.yaml:9"), junit);
    }

    @Test
    void sigtermStopsTheRunLeavesNoServerAndWritesTheReports() throws Exception {
        Path scenario = sideFiles.resolve("sleepy.yaml");
        Files.writeString(scenario, String.join("\n",
                "scenario: sleepy",
                "steps:",
                "  - start: {service: db_1, version: current}",
                "  - initialize",
                "  - manipulate: 1",
                "  - manipulate: 2",
                "  - sleep: 10m",
                "  - validate",
                ""));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.harness.cli.Main", "run", scenario.toString(),
                "--checks", portable(), "--check", "table_data", "--out", out.toString(), "--seed", "1",
                "--config", PROJECT.resolve("harness.yaml").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(sideFiles.resolve("console.txt").toFile()).start();
        try {
            Path log = null;
            for (int i = 0; i < 1200 && (log == null || !Files.readString(log).contains("start: sleep")); i++) {
                Thread.sleep(100);
                try (Stream<Path> s = Files.list(out)) {
                    log = s.map(d -> d.resolve("harness.log")).filter(Files::exists).findFirst().orElse(null);
                }
            }
            assertTrue(log != null && Files.readString(log).contains("start: sleep"), "the run reached its sleep step");
            assertFalse(postgresProcessesUnder(log.getParent()).isEmpty(), "the probe for leftover servers sees the running one");
            p.destroy(); // SIGTERM, as from Ctrl-C or a CI cancel
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the harness exits");
            assertEquals(ExitCode.INFRASTRUCTURE, p.exitValue());
            Path dir = log.getParent();
            assertTrue(Files.exists(dir.resolve("junit.xml")) && Files.exists(dir.resolve("report.html")));
            assertTrue(Files.readString(log).contains("closing runtime"));
            assertTrue(postgresProcessesUnder(dir).isEmpty(), "no postgres left: " + postgresProcessesUnder(dir));
            try (Stream<Path> scratch = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                String prefix = "harness-" + runId(dir) + "-";
                assertEquals(List.of(), scratch.filter(f -> f.getFileName().toString().startsWith(prefix)).toList(), "server data left behind");
            }
            assertFalse(Files.exists(dir.resolve("volumes")), "server data left in the report folder");
            String console = Files.readString(sideFiles.resolve("console.txt"));
            assertTrue(console.contains("sleepy: INTERRUPTED") && console.contains("rerun:"), "the summary is printed on interrupt too: " + console);
        } finally {
            p.destroyForcibly();
        }
    }

    /** The run id harness.log records; the run's scratch folder is named after it. */
    static String runId(Path dir) throws IOException {
        String marker = ", run id ";
        return Files.readAllLines(dir.resolve("harness.log")).stream().filter(l -> l.contains(marker))
                .map(l -> l.substring(l.indexOf(marker) + marker.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no run id in " + dir.resolve("harness.log")));
    }

    /** Servers of the run reported in {@code dir}: their data lives in the scratch folder named after its run id. */
    private static List<Long> postgresProcessesUnder(Path dir) throws IOException {
        String needle = Path.of(System.getProperty("java.io.tmpdir"), "harness-" + runId(dir) + "-").toString();
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains("postgres") && c.contains(needle)).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
