package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of the same scenario with the same --seed into the same --out at the same time (two CI jobs, two
 * terminals) share nothing: each passes with its own report folder, run id, servers and volumes.
 */
@ExtendWith(InProcessCli.class)
class ConcurrentRunsTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @TempDir
    Path out;

    @BeforeEach
    void reachable() {
        TempDirAccess.openToServerUser(out);
    }

    /** Both runs are released at once, so they start their servers side by side. */
    private List<Integer> twoRunsAtOnce(String runtime) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = Stream.of(1, 2).map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Main.commandLine().execute("run", PROJECT.resolve("scenarios.d/restart_entire.yaml").toString(),
                    "--checks", PROJECT.resolve("checks.d/portable").toString(), "--check", "table_data", "--check", "views",
                    "--runtime", runtime, "--seed", "42", "--out", out.toString(), "--no-color", "-q",
                    "--config", PROJECT.resolve("harness.yaml").toString());
        })).toList();
        go.countDown();
        return runs.stream().map(CompletableFuture::join).toList();
    }

    private List<String> runIds() throws IOException {
        try (Stream<Path> dirs = Files.list(out)) {
            List<Path> reports = dirs.filter(Files::isDirectory).toList();
            assertEquals(2, reports.size(), "one report folder per run: " + reports);
            return reports.stream().map(d -> {
                try {
                    return RunCommandEndToEndTest.runId(d);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }

    @Test
    void twoRunsOfTheSamePlanAndSeedOnProcessesBothPass() throws IOException {
        assertEquals(List.of(ExitCode.OK, ExitCode.OK), twoRunsAtOnce("process"));
        List<String> ids = runIds();
        assertNotEquals(ids.get(0), ids.get(1));
    }

    @Test
    @RequiresDocker
    void twoRunsOfTheSamePlanAndSeedOnDockerBothPassAndLeaveNothing() throws Exception {
        assertEquals(List.of(ExitCode.OK, ExitCode.OK), twoRunsAtOnce("docker"));
        List<String> ids = runIds();
        assertNotEquals(ids.get(0), ids.get(1));
        try (DockerProbe probe = new DockerProbe()) {
            for (String id : ids) assertEquals(List.of(), probe.labelled(id), "resources of run " + id + " left");
        }
    }
}
