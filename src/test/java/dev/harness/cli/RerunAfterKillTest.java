package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.ServiceSpec;
import dev.harness.testing.Await;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed rerun command repeats the plan, never the killed run's state: it starts from fresh volumes. */
@RequiresDocker
class RerunAfterKillTest {
    static final String RUN_NAME = "rerun_me-42";

    @TempDir
    Path tmp;

    final DockerProbe probe = new DockerProbe();
    Process killed;

    @AfterEach
    void close() throws Exception {
        if (killed != null) killed.destroyForcibly();
        probe.close();
    }

    /** Starts the run to be killed; returns its run id once its volume holds the marker. */
    private String startRunToKill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        killed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledRunChildMain.class.getName(),
                tmp.resolve("killed/logs").toString(), RUN_NAME).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8));
        String runId = null;
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.startsWith("RUN ")) runId = line.substring(4);
            if (line.equals("READY") && runId != null) return runId;
        }
        throw new AssertionError("the run to kill ended early:\n" + seen);
    }

    @Test
    void aRerunOfTheSamePlanAfterAKillStartsFromFreshVolumes() throws Exception {
        String deadRun = startRunToKill();
        killed.destroyForcibly(); // SIGKILL: its container, volume and network stay behind
        assertTrue(killed.waitFor(1, TimeUnit.MINUTES));
        assertFalse(probe.labelled(deadRun).isEmpty(), "the killed run left its volume");

        try (ServiceRuntime rerun = Components.runtime("docker", Loader.loadConfig(null), false, RUN_NAME).apply(tmp.resolve("rerun/logs"))) {
            assertNotEquals(deadRun, rerun.runId());
            assertTrue(rerun.runId().startsWith(RUN_NAME + "-"), rerun.runId());
            assertEquals(List.of(), probe.labelled(deadRun), "the rerun swept the killed run's leftovers");
            rerun.start(new ServiceSpec("db_1", "harness/debian:bookworm",
                    List.of("sh", "-c", "if test -e /data/marker; then echo STALE; else echo FRESH; fi; exec sleep 600"),
                    Map.of(), List.of(), Map.of("db_1-data", "/data"), "no", null));
            Await.until("the rerun's service looked at its volume", () -> DockerProbe.read(rerun.logFile("db_1")).contains("FRESH")
                    || DockerProbe.read(rerun.logFile("db_1")).contains("STALE"));
            assertTrue(DockerProbe.read(rerun.logFile("db_1")).contains("FRESH"), DockerProbe.read(rerun.logFile("db_1")));
        }
    }
}
