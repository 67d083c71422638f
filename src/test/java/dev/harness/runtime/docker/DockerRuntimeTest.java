package dev.harness.runtime.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.harness.model.ExitCode;
import dev.harness.model.HarnessException;
import dev.harness.runtime.RunLabels;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.testing.Await;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresDocker
class DockerRuntimeTest {
    static final String BASE = "harness/debian:bookworm";
    /** A one-line TCP server (perl-base is in every Debian root filesystem). */
    static final String HELLO_SERVER = "perl -MIO::Socket::INET -e '$s=IO::Socket::INET->new(LocalPort=>7000,Listen=>5,ReuseAddr=>1) or die; "
            + "print qq(listening\\n); $|=1; while($c=$s->accept){print $c qq(hello from ).`hostname`; close $c}'";

    @TempDir Path logs;
    String runId;
    DockerRuntime runtime;
    DockerProbe probe;

    @BeforeEach
    void open() {
        runId = "test-" + UUID.randomUUID().toString().substring(0, 8);
        runtime = new DockerRuntime(DockerRuntimeOptions.of(runId, logs));
        probe = new DockerProbe();
    }

    @AfterEach
    void close() throws Exception {
        runtime.close();
        probe.close();
    }

    static ServiceSpec shell(String service, String script, Map<String, String> volumes, List<Integer> ports, String restart) {
        return new ServiceSpec(service, BASE, List.of("/bin/sh", "-c", script), Map.of(), ports, volumes, restart, null);
    }

    String log(String service) {
        return DockerProbe.read(runtime.logFile(service));
    }

    @Test
    void servicesShareTheRunNetworkByServiceNameAndPublishOnLoopback() throws Exception {
        RunningService alpha = runtime.start(shell("alpha", HELLO_SERVER, Map.of(), List.of(7000), "no"));
        Await.until("alpha listens", () -> log("alpha").contains("listening"));
        runtime.start(shell("beta", "getent hosts alpha && echo resolved; sleep infinity", Map.of(), List.of(), "no"));
        Await.until("beta resolves alpha", () -> log("beta").contains("resolved"));

        assertEquals("127.0.0.1", alpha.host());
        try (Socket s = new Socket(alpha.host(), alpha.port(7000));
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("hello from alpha", in.readLine());
        }
        InspectContainerResponse c = probe.docker.inspectContainerCmd(alpha.id()).exec();
        assertEquals("alpha", c.getConfig().getHostName());
        assertEquals(runId, c.getConfig().getLabels().get(RunLabels.RUN));
        assertEquals("alpha", c.getConfig().getLabels().get(RunLabels.SERVICE));
        assertTrue(c.getNetworkSettings().getNetworks().containsKey(runtime.resources().network()));
        assertEquals("127.0.0.1", c.getHostConfig().getPortBindings().getBindings().values().iterator().next()[0].getHostIp());
    }

    @Test
    void killKeepsVolumeDataAndTheLogAcrossRecreation() {
        ServiceSpec spec = shell("keeper", "echo booted; cat /data/f 2>/dev/null || echo no-data-yet; echo kept-data > /data/f; sleep infinity",
                Map.of("data", "/data"), List.of(), "no");
        RunningService first = runtime.start(spec);
        Await.until("first boot wrote", () -> log("keeper").contains("no-data-yet"));
        runtime.kill("keeper");
        assertFalse(runtime.isRunning("keeper"));

        RunningService second = runtime.start(spec);
        Await.until("second boot read the volume", () -> log("keeper").contains("kept-data"));
        String log = log("keeper");
        assertTrue(log.contains("no-data-yet"), log);
        assertEquals(2, log.split("booted", -1).length - 1, log);
        assertTrue(probe.labelled(runId).stream().filter(r -> r.startsWith("container")).count() == 1, "old container removed");
        assertFalse(first.id().equals(second.id()));
    }

    @Test
    void aLineTheContainerLeftUnfinishedEndsBeforeTheNextNote() {
        // the unfinished stdout line is written before "alive" goes to stderr, so it is in the pipe once "alive" shows
        ServiceSpec spec = shell("half", "printf 'part one '; echo alive >&2; sleep infinity", Map.of(), List.of(), "no");
        runtime.start(spec);
        Await.until("alive", () -> log("half").contains("alive"));
        runtime.kill("half");
        runtime.start(spec);
        Await.until("second life", () -> log("half").split("alive", -1).length - 1 == 2);
        List<String> lines = log("half").lines().toList();
        // The engine hands over a line the process left unfinished only sometimes when the process is killed.
        org.junit.jupiter.api.Assumptions.assumeTrue(log("half").contains("part one"), "the engine did not deliver the unfinished line");
        assertTrue(lines.contains("part one "), log("half"));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("part one") && l.contains("---")), "a note glued to the line: " + log("half"));
    }

    @Test
    void onFailureRestartPolicyRestartsAndTheLogKeepsEveryAttempt() {
        String script = "n=$(cat /state/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /state/n; echo attempt-$n; "
                + "if [ $n -ge 3 ]; then echo settled; exec sleep infinity; fi; exit 1";
        runtime.start(shell("flaky", script, Map.of("state", "/state"), List.of(), "on-failure"));
        Await.until("third attempt settles", () -> log("flaky").contains("settled"));
        Await.until("running", () -> runtime.isRunning("flaky"));
        String log = log("flaky");
        assertTrue(log.contains("attempt-1") && log.contains("attempt-2") && log.contains("attempt-3"), log);
        assertEquals(1, log.split("attempt-2", -1).length - 1, "no line duplicated on re-attach: " + log);
    }

    @Test
    void noRestartPolicyLeavesAFailedContainerExited() {
        runtime.start(shell("once", "echo bye; exit 1", Map.of(), List.of(), "no"));
        Await.until("exited", () -> log("once").contains("bye") && !runtime.isRunning("once"));
        Await.until("still exited after the follower ended", () -> !runtime.isRunning("once"));
    }

    @Test
    void stopSendsTermFirst() {
        runtime.start(shell("graceful", "trap 'echo got-term; exit 0' TERM; echo up; while true; do sleep 0.1; done", Map.of(), List.of(), "no"));
        Await.until("up", () -> log("graceful").contains("up"));
        runtime.stop("graceful", Duration.ofSeconds(30));
        assertFalse(runtime.isRunning("graceful"));
        assertTrue(log("graceful").contains("got-term"), log("graceful"));
    }

    @Test
    void missingImageFailsNamingItAndHowToProvideIt() {
        ServiceSpec spec = new ServiceSpec("ghost", "materialize/materialized:v0.0.1-nonexistent", List.of(), Map.of(), List.of(), Map.of(), "no", null);
        var e = assertThrows(HarnessException.Infrastructure.class, () -> runtime.start(spec));
        assertEquals(ExitCode.INFRASTRUCTURE, e.exitCode());
        assertTrue(e.getMessage().contains("materialize/materialized:v0.0.1-nonexistent"), e.getMessage());
        assertTrue(e.getMessage().contains("docker load -i"), e.getMessage());
        assertEquals("ghost", e.service());
    }

    @Test
    void prepareNamesEveryMissingImageAtOnceAndOnlyOnceEach() {
        List<ServiceSpec> specs = List.of(
                new ServiceSpec("present", BASE, List.of(), Map.of(), List.of(), Map.of(), "no", null),
                new ServiceSpec("db_1", "materialize/materialized:v0.0.1-nonexistent", List.of(), Map.of(), List.of(), Map.of(), "no", null),
                new ServiceSpec("db_2", "materialize/materialized:v0.0.2-nonexistent", List.of(), Map.of(), List.of(), Map.of(), "no", null),
                new ServiceSpec("db_1", "materialize/materialized:v0.0.1-nonexistent", List.of(), Map.of(), List.of(), Map.of(), "no", null));
        var e = assertThrows(HarnessException.Infrastructure.class, () -> runtime.prepare(specs));
        String m = e.getMessage();
        assertTrue(m.startsWith("2 images are missing:"), m);
        assertTrue(m.contains("db_1: image materialize/materialized:v0.0.1-nonexistent") && m.contains("db_2: image materialize/materialized:v0.0.2-nonexistent"), m);
        assertEquals(m.indexOf("v0.0.1-nonexistent is not"), m.lastIndexOf("v0.0.1-nonexistent is not"), m);
        assertFalse(m.contains(BASE), m);
        assertFalse(m.contains("\n  db_1: image materialize/materialized:v0.0.1-nonexistent is not available locally (pull failed: Status 500: {\"message\":\"Get\n"), m);
        runtime.prepare(specs.subList(0, 1)); // everything present: no error
    }

    @Test
    void policyNeverDoesNotPullAndPointsToTheBuildScript(@TempDir Path other) {
        try (DockerRuntime never = new DockerRuntime(DockerRuntimeOptions.of(runId + "-n", other).withImagePolicy(i -> ImagePolicy.NEVER))) {
            ServiceSpec spec = new ServiceSpec("pg", "harness/postgres:9.9", List.of(), Map.of(), List.of(), Map.of(), "no", null);
            var e = assertThrows(HarnessException.Infrastructure.class, () -> never.start(spec));
            assertTrue(e.getMessage().contains("harness/postgres:9.9") && e.getMessage().contains("never")
                    && e.getMessage().contains("scripts/build-images.sh"), e.getMessage());
        }
    }

    @Test
    void copyVolumeLeavesOutExcludedPathsAndWriteFileCreatesFolders() {
        runtime.writeFile("src", "keep/a.txt", "alpha");
        runtime.writeFile("src", "skip.pid", "123");
        runtime.copyVolume("src", "dst", List.of("skip.pid"));
        runtime.writeFile("dst", "deep/er/signal", "");
        runtime.start(shell("lister", "cd /d && find . -type f | sort && cat keep/a.txt && echo && echo listed", Map.of("dst", "/d"), List.of(), "no"));
        Await.until("listed", () -> log("lister").contains("listed"));
        String log = log("lister");
        assertTrue(log.contains("./keep/a.txt") && log.contains("./deep/er/signal") && log.contains("alpha"), log);
        assertFalse(log.contains("skip.pid"), log);
    }

    @Test
    void closeRemovesEverythingOfTheRunAlsoAfterAFailedStart() {
        runtime.start(shell("one", "sleep infinity", Map.of("vol", "/v"), List.of(7000), "no"));
        assertThrows(HarnessException.Infrastructure.class, () -> runtime.start(
                new ServiceSpec("two", "harness/absent:1", List.of(), Map.of(), List.of(), Map.of(), "no", null)));
        assertFalse(probe.labelled(runId).isEmpty());
        runtime.close();
        assertEquals(List.of(), probe.labelled(runId));
    }

    @Test
    void keepLeavesTheRunInPlaceAndIsNotSwept(@TempDir Path other) {
        String kept = runId + "-kept";
        try (DockerRuntime keeping = new DockerRuntime(DockerRuntimeOptions.of(kept, other).withKeep(true))) {
            keeping.start(shell("stays", "sleep infinity", Map.of(), List.of(), "no"));
        }
        try {
            assertFalse(probe.labelled(kept).isEmpty());
            new DockerRuntime(DockerRuntimeOptions.of(runId + "-sweeper", other)).close();
            assertFalse(probe.labelled(kept).isEmpty(), "a kept run is never swept");
        } finally {
            new dev.harness.runtime.docker.RunSweeper(probe.docker, m -> {}).removeRun(kept);
        }
    }

    @Test
    void unreachableEngineIsAnInfrastructureErrorSayingWhatWasTried() {
        var e = assertThrows(HarnessException.Infrastructure.class, () ->
                new DockerRuntime(DockerRuntimeOptions.of("x", logs).withDockerHost("unix:///nonexistent/docker.sock")));
        assertEquals(ExitCode.INFRASTRUCTURE, e.exitCode());
        assertTrue(e.getMessage().contains("unix:///nonexistent/docker.sock") && e.getMessage().contains("does not exist")
                && e.getMessage().contains("DOCKER_HOST"), e.getMessage());
    }
}
