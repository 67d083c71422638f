package dev.harness.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what Ctrl-C and CI cancellation send) to the harness JVM leaves no process it started behind. */
class ShutdownHookTest {
    @TempDir
    Path tmp;

    @Test
    void anInterruptedHarnessLeavesNoProcessBehind() throws Exception {
        Path runDir = TempDirAccess.openToServerUser(tmp).resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process harness = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ShutdownHookProbe.class.getName(), runDir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(harness.getInputStream()))) {
            assertEquals("ready", out.readLine());
            Path volumes = Path.of(out.readLine());
            assertTrue(Files.isDirectory(volumes.resolve("data")), "the probe's volume exists");
            assertFalse(RunFolderProcesses.in(runDir).isEmpty(), "the probe's processes run");
            harness.destroy(); // SIGTERM
            harness.waitFor();
            assertEquals(List.of(), RunFolderProcesses.in(runDir, volumes));
            assertFalse(Files.exists(volumes), "the interrupted run's server data is left in " + volumes);
        }
    }
}
