package dev.harness.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunId;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the harness (no shutdown hook runs) leaves no server running for long: its watchdog kills the servers
 * and removes the scratch folder; when the watchdog is gone too, the next run's sweep does it.
 */
class KilledHarnessTest {
    @TempDir
    Path tmp;

    Path scratchParent;
    Process harness;

    @BeforeEach
    void folders() throws IOException {
        TempDirAccess.openToServerUser(tmp);
        scratchParent = TempDirAccess.openToServerUser(Files.createDirectory(tmp.resolve("scratch")));
    }

    @AfterEach
    void noProbeLeft() throws Exception {
        if (harness != null) {
            harness.destroyForcibly();
            harness.waitFor();
        }
    }

    /** Starts the probe harness and returns what it printed: scratch folder and server pid. */
    private Map<String, String> startHarness() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        harness = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledHarnessProbe.class.getName(),
                tmp.resolve("run").toString(), scratchParent.toString()).redirectErrorStream(true).start();
        Map<String, String> said = new HashMap<>();
        StringBuilder all = new StringBuilder();
        BufferedReader out = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            all.append(line).append('\n');
            if (line.equals("ready")) return said;
            int space = line.indexOf(' ');
            if (space > 0) said.put(line.substring(0, space), line.substring(space + 1));
        }
        throw new AssertionError("the probe harness ended before its server was ready:\n" + all);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(h -> h.isAlive() && !isZombie(pid)).orElse(false);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }

    /** The watchdog is the probe's child whose command line names the watchdog class (read from /proc: it is long). */
    private ProcessHandle watchdogOf(Process probe) {
        return probe.toHandle().children().filter(h -> {
            try {
                return Files.readString(Path.of("/proc/" + h.pid() + "/cmdline"), StandardCharsets.ISO_8859_1).contains("ProcessWatchdog");
            } catch (IOException gone) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("the probe harness has no watchdog"));
    }

    @Test
    void theServersOfAHarnessKilledWithSigkillDieAndItsScratchFolderGoes() throws Exception {
        Map<String, String> said = startHarness();
        Path scratch = Path.of(said.get("scratch"));
        long server = Long.parseLong(said.get("server"));
        assertTrue(alive(server), "the probe's server runs");

        harness.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
        assertTrue(harness.waitFor(60, TimeUnit.SECONDS));
        Await.until("the killed harness's server is gone", () -> !alive(server));
        Await.until("no process works in the killed run's scratch folder", () -> RunFolderProcesses.in(scratch).isEmpty());
        Await.until("the killed run's scratch folder is removed", () -> !Files.exists(scratch));
    }

    @Test
    void whatAHarnessKilledTogetherWithItsWatchdogLeftIsSweptByTheNextRun() throws Exception {
        Map<String, String> said = startHarness();
        Path scratch = Path.of(said.get("scratch"));
        long server = Long.parseLong(said.get("server"));
        ProcessHandle watchdog = watchdogOf(harness);
        watchdog.destroyForcibly();
        Await.until("the watchdog is gone", () -> !alive(watchdog.pid()));
        harness.destroyForcibly();
        assertTrue(harness.waitFor(60, TimeUnit.SECONDS));
        assertTrue(alive(server), "with its watchdog gone too, the killed harness's server still runs");
        assertTrue(Files.isDirectory(scratch));

        try (ProcessRuntime next = new ProcessRuntime(tmp.resolve("next"), RunId.next("next").value(), false, scratchParent)) {
            assertFalse(alive(server), "the next run's start-up sweep kills the leftover server");
            assertFalse(Files.exists(scratch), "and removes the leftover scratch folder");
            assertEquals(List.of(), RunFolderProcesses.in(scratch));
        }
    }
}
