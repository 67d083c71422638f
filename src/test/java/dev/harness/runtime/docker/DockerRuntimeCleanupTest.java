package dev.harness.runtime.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.runtime.ServiceSpec;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup when the harness process is interrupted or killed, observed from outside with a child JVM. */
@RequiresDocker
class DockerRuntimeCleanupTest {
    @TempDir Path dir;
    final DockerProbe probe = new DockerProbe();

    @AfterEach
    void close() throws Exception {
        probe.close();
    }

    private Process startChild(String runId) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // env --default-signal: a build started in the background inherits SIGINT as ignored, and a JVM that
        // inherits it ignored never runs its shutdown hook on Ctrl-C; a terminal's foreground job has it default.
        Process child = new ProcessBuilder("env", "--default-signal=INT", java, "-cp", System.getProperty("java.class.path"), RuntimeChildMain.class.getName(),
                runId, dir.resolve("logs").toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.equals("READY")) {
                drain(out, seen);
                return child;
            }
        }
        throw new AssertionError("child exited before READY:\n" + seen);
    }

    /** Keeps reading the child's output after READY: a full pipe would block it, and a failure shows it. */
    private final StringBuffer childOutput = new StringBuffer();

    private void drain(BufferedReader out, StringBuilder seen) {
        childOutput.append(seen);
        Thread t = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) childOutput.append(line).append('\n');
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
    }

    @Test
    void ctrlCRemovesEverythingTheRunCreated() throws Exception {
        String runId = "int-" + UUID.randomUUID().toString().substring(0, 8);
        Process child = startChild(runId);
        assertEquals(3, probe.labelled(runId).size(), probe.labelled(runId).toString()); // container, volume, network
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        // The deadline only bounds a hang: removing a container on an engine shared with a loaded machine is slow.
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), () -> "child exits on SIGINT; its output:\n" + childOutput);
        assertEquals(List.of(), probe.labelled(runId));
    }

    @Test
    void aLaterRunSweepsTheLeftoversOfAKilledRunButNotOfALiveOne() throws Exception {
        String dead = "dead-" + UUID.randomUUID().toString().substring(0, 8);
        Process child = startChild(dead);
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(child.waitFor(1, TimeUnit.MINUTES));
        assertFalse(probe.labelled(dead).isEmpty(), "a SIGKILLed run leaves its resources");

        String live = "live-" + UUID.randomUUID().toString().substring(0, 8);
        try (DockerRuntime liveRun = new DockerRuntime(DockerRuntimeOptions.of(live, dir.resolve("live")))) {
            liveRun.start(new ServiceSpec("alive", DockerRuntimeTest.BASE, List.of("sleep", "infinity"), Map.of(), List.of(),
                    Map.of("v", "/v"), "no", null));
            try (DockerRuntime later = new DockerRuntime(DockerRuntimeOptions.of("later-" + UUID.randomUUID(), dir.resolve("later")))) {
                assertEquals(List.of(), probe.labelled(dead), "the dead run's leftovers are swept");
                assertEquals(3, probe.labelled(live).size(), "the live run is left alone: " + probe.labelled(live));
            }
        }
    }
}
