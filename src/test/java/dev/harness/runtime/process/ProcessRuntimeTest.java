package dev.harness.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.harness.model.HarnessException;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunId;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.runtime.TempDirAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProcessRuntime against real local processes (sh, sleep): fast, and the same code paths a server takes. */
class ProcessRuntimeTest {
    @TempDir
    Path tmp;

    Path runDir;
    ProcessRuntime runtime;

    @BeforeEach
    void setUp() throws IOException {
        runDir = TempDirAccess.openToServerUser(tmp).resolve("run");
        runtime = new ProcessRuntime(runDir, false);
    }

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    static ServiceSpec sh(String service, String script, Map<String, String> volumes) {
        return new ServiceSpec(service, null, List.of("/bin/sh", "-c", script), Map.of(), List.of(5432), volumes, "no", null);
    }

    String log(String service) throws IOException {
        return Files.readString(runtime.logFile(service));
    }

    /** What the process itself printed: the log without the runtime's marker lines (which quote the command). */
    String output(String service) throws IOException {
        return log(service).lines().filter(l -> !l.startsWith("=== harness")).reduce("", (a, b) -> a + b + "\n");
    }

    /** Waits for a line the process prints (the process runs asynchronously; no fixed sleeps). */
    void awaitLog(String service, String text) throws Exception {
        while (!output(service).contains(text)) {
            assertTrue(runtime.isRunning(service) || output(service).contains(text), "exited before printing " + text + ":\n" + log(service));
            Thread.sleep(20);
        }
    }

    @Test
    void substitutesPortAndVolumeAndKeepsThePortAcrossRestarts() throws Exception {
        RunningService first = runtime.start(sh("svc", "echo port=${port:5432} vol=${volume:data}; exec sleep 600", Map.of("data", "/data")));
        awaitLog("svc", "vol=");
        int port = first.port(5432);
        assertTrue(output("svc").contains("port=" + port + " vol=" + runtime.volume("data")), log("svc"));
        assertTrue(Files.isDirectory(runtime.volume("data")));
        runtime.kill("svc");
        RunningService second = runtime.start(sh("svc", "echo again=${port:5432}; exec sleep 600", Map.of()));
        awaitLog("svc", "again=");
        assertEquals(port, second.port(5432));
        assertTrue(output("svc").contains("again=" + port));
        RunningService other = runtime.start(sh("other", "exec sleep 600", Map.of()));
        assertNotEquals(port, other.port(5432), "each service gets its own port");
    }

    @Test
    void logIsAppendedAcrossRestartsWithMarkers() throws Exception {
        runtime.start(sh("svc", "echo first-life; exec sleep 600", Map.of()));
        awaitLog("svc", "first-life");
        runtime.kill("svc");
        runtime.start(sh("svc", "echo second-life; exec sleep 600", Map.of()));
        awaitLog("svc", "second-life");
        String log = log("svc");
        // the process's own lines (not the markers quoting its command) in order: life, kill marker, next life
        int first = log.indexOf("\nfirst-life\n");
        int killed = log.indexOf("killed (SIGKILL)");
        int second = log.indexOf("\nsecond-life\n");
        assertTrue(first > 0 && killed > first && second > killed, log);
        assertEquals(2, log.split(": start ", -1).length - 1, log);
    }

    @Test
    void markersNeverLandInsideALineTheServerIsStillWriting() throws Exception {
        // half a line, then the rest only when SIGTERM comes: a marker written while it runs would split it
        runtime.start(sh("svc", "trap 'printf \"part two\\n\"; exit 0' TERM; printf 'part one '; while :; do sleep 0.1; done", Map.of()));
        awaitLog("svc", "part one ");
        runtime.stop("svc", Duration.ofSeconds(30));
        List<String> lines = log("svc").lines().toList();
        assertTrue(lines.contains("part one part two"), log("svc"));
        assertTrue(lines.get(lines.size() - 1).matches("=== harness \\S+ svc: stopped pid \\d+ \\(SIGTERM\\), exit 0"), log("svc"));
        assertTrue(lines.get(0).matches("=== harness \\S+ svc: start /bin/sh -c .* ports \\{5432=\\d+\\}"), log("svc"));
    }

    @Test
    void killTakesDescendantsWithIt() throws Exception {
        RunningService s = runtime.start(sh("svc", "sleep 600 & sleep 600 & echo forked; exec sleep 601", Map.of()));
        awaitLog("svc", "forked");
        ProcessHandle main = ProcessHandle.of(Long.parseLong(s.id())).orElseThrow();
        List<ProcessHandle> children = main.descendants().toList();
        assertEquals(2, children.size(), "two background sleeps");
        runtime.kill("svc");
        assertFalse(runtime.isRunning("svc"));
        assertTrue(ProcessTree.isGone(main));
        children.forEach(c -> assertTrue(ProcessTree.isGone(c), "descendant " + c.pid() + " still alive"));
    }

    @Test
    void theHeldPidIsTheServerItselfNotAWrapper() throws Exception {
        RunningService s = runtime.start(sh("svc", "echo ready; exec sleep 600", Map.of()));
        awaitLog("svc", "ready");
        Path comm = Path.of("/proc/" + s.id() + "/comm");
        while (!Files.readString(comm).strip().equals("sleep")) Thread.sleep(20); // sh execs into sleep
        assertEquals(0, ProcessHandle.of(Long.parseLong(s.id())).orElseThrow().descendants().count());
    }

    @Test
    void runsAsAnUnprivilegedUserWhenRoot() throws Exception {
        assumeTrue(RunUser.currentUid() == 0, "only meaningful when the harness runs as root");
        runtime.start(sh("svc", "echo uid=$(id -u); touch ${volume:data}/written; exec sleep 600", Map.of("data", "/data")));
        awaitLog("svc", "uid=");
        RunUser user = runtime.runUser().orElseThrow();
        assertTrue(output("svc").contains("uid=" + user.uid()), log("svc"));
        Path vol = runtime.volume("data");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(vol)));
        while (!Files.exists(vol.resolve("written"))) Thread.sleep(20);
        assertEquals(user.uid(), Files.getAttribute(vol.resolve("written"), "unix:uid"));
    }

    @Test
    void serversRunEvenWhenTheReportFolderIsOutOfTheServerUsersReach() throws Exception {
        assumeTrue(RunUser.currentUid() == 0, "only meaningful when the harness runs as root");
        // A checkout in /root (0700): the reports are there, the servers run as an unprivileged user.
        Path closed = tmp.resolve("closed");
        Files.createDirectory(closed);
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        try (ProcessRuntime inClosed = new ProcessRuntime(closed.resolve("run"), false)) {
            inClosed.start(sh("w", "echo hi > ${volume:data}/f && echo wrote-$(cat ${volume:data}/f); exec sleep 600", Map.of("data", "/d")));
            for (int i = 0; i < 500 && !Files.readString(inClosed.logFile("w")).contains("wrote-hi"); i++) Thread.sleep(20);
            assertTrue(Files.readString(inClosed.logFile("w")).lines().anyMatch(l -> l.equals("wrote-hi")), Files.readString(inClosed.logFile("w")));
            assertFalse(inClosed.volumesRoot().startsWith(closed), inClosed.volumesRoot().toString());
        }
    }

    @Test
    void stopEndsCleanlyOrKillsAfterTheGrace() throws Exception {
        runtime.start(sh("polite", "trap 'echo got-term; exit 0' TERM; echo up; while :; do sleep 0.05; done", Map.of()));
        awaitLog("polite", "up");
        runtime.stop("polite", Duration.ofSeconds(30));
        assertFalse(runtime.isRunning("polite"));
        assertTrue(output("polite").contains("got-term"), log("polite"));
        assertTrue(log("polite").contains("(SIGTERM), exit 0"), log("polite"));

        // An ignored SIGTERM is inherited across exec: this sleep cannot be stopped politely.
        runtime.start(sh("stubborn", "trap '' TERM; echo up; exec sleep 600", Map.of()));
        awaitLog("stubborn", "up");
        runtime.stop("stubborn", Duration.ofMillis(200));
        assertFalse(runtime.isRunning("stubborn"));
        assertTrue(log("stubborn").contains("(SIGTERM, no exit within 200 ms: SIGKILL), exit 137"), log("stubborn"));
    }

    @Test
    void aProcessThatExitsIsNotRunning() throws Exception {
        RunningService s = runtime.start(sh("svc", "echo bye; exit 3", Map.of()));
        ProcessHandle.of(Long.parseLong(s.id())).ifPresent(p -> p.onExit().join());
        assertFalse(runtime.isRunning("svc"));
    }

    @Test
    void startingARunningServiceIsAnInfrastructureError() {
        runtime.start(sh("svc", "exec sleep 600", Map.of()));
        var e = assertThrows(HarnessException.Infrastructure.class, () -> runtime.start(sh("svc", "exec sleep 600", Map.of())));
        assertEquals("svc", e.service());
    }

    @Test
    void copyVolumeReplacesTargetKeepsModesOwnersAndLeavesOutExcludes() throws Exception {
        runtime.writeFile("src", "PG_VERSION", "15\n");
        runtime.writeFile("src", "base/1/1234", "rows");
        runtime.writeFile("src", "base/pgsql_tmp/t1", "temp");
        runtime.writeFile("src", "postmaster.pid", "42");
        runtime.writeFile("src", "pg_wal/000000010000000000000001", "wal");
        runtime.writeFile("src", "pg_wal/archive_status/x.done", "");
        runtime.writeFile("dst", "stale", "from an earlier life");
        Path src = runtime.volume("src");
        Files.setPosixFilePermissions(src.resolve("base/1/1234"), PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(src.resolve("link"), Path.of("base/1"));

        runtime.copyVolume("src", "dst", List.of("postmaster.pid", "pg_wal/*", "**/pgsql_tmp*"));

        Path dst = runtime.volume("dst");
        assertEquals("rows", Files.readString(dst.resolve("base/1/1234")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dst.resolve("base/1/1234"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dst)));
        assertEquals(Files.getAttribute(src.resolve("PG_VERSION"), "unix:uid"), Files.getAttribute(dst.resolve("PG_VERSION"), "unix:uid"));
        assertTrue(Files.isSymbolicLink(dst.resolve("link")));
        assertTrue(Files.isDirectory(dst.resolve("pg_wal")), "pg_wal/* keeps the folder");
        assertFalse(Files.exists(dst.resolve("pg_wal/000000010000000000000001")));
        assertFalse(Files.exists(dst.resolve("pg_wal/archive_status")));
        assertFalse(Files.exists(dst.resolve("postmaster.pid")));
        assertFalse(Files.exists(dst.resolve("base/pgsql_tmp")));
        assertFalse(Files.exists(dst.resolve("stale")), "the target's old contents are replaced");
        assertTrue(Files.exists(src.resolve("postmaster.pid")), "the source is untouched");
    }

    @Test
    void writeFileGivesTheFileToTheServerUser() throws Exception {
        runtime.writeFile("data", "sub/standby.signal", "");
        Path f = runtime.volume("data").resolve("sub/standby.signal");
        assertTrue(Files.exists(f));
        runtime.runUser().ifPresent(u -> {
            try {
                assertEquals(u.uid(), Files.getAttribute(f, "unix:uid", LinkOption.NOFOLLOW_LINKS));
                assertEquals(u.uid(), Files.getAttribute(f.getParent(), "unix:uid"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aKilledServiceIsNotRunningTheMomentKillReturns() {
        // The JDK reaps exit statuses on its own thread; kill must not return before that, or a restart
        // right after it is refused as "already running". Repeated because the race is short.
        for (int i = 0; i < 25; i++) {
            runtime.start(sh("flip", "exec sleep 600", Map.of()));
            runtime.kill("flip");
            assertFalse(runtime.isRunning("flip"), "still 'running' right after kill, round " + i);
        }
    }

    @Test
    void closeRemovesTheVolumesButKeepLeavesThemAndTheLogsStay() throws Exception {
        runtime.writeFile("data", "sub/file", "x");
        runtime.start(sh("w", "echo wrote; exec sleep 600", Map.of("data", "/ignored")));
        Path volumes = runtime.volumesRoot();
        assertTrue(Files.exists(runtime.volume("data").resolve("sub/file")));
        assertFalse(volumes.startsWith(runDir), "server data must not live in the report folder: " + volumes);
        runtime.close();
        assertFalse(Files.exists(volumes), "server data left behind in " + volumes);
        assertTrue(Files.exists(runtime.logFile("w")), "the log is kept");

        ProcessRuntime kept = new ProcessRuntime(tmp.resolve("kept-volumes"), true);
        kept.writeFile("data", "f", "x");
        kept.close();
        assertTrue(Files.exists(kept.volume("data").resolve("f")), "--keep leaves the data for inspection");
        VolumeCopier.clear(kept.scratchFolder());
        Files.delete(kept.scratchFolder());
    }

    @Test
    void closeKillsEverythingAndKeepLeavesItRunning() throws Exception {
        RunningService a = runtime.start(sh("a", "sleep 600 & exec sleep 600", Map.of()));
        RunningService b = runtime.start(sh("b", "exec sleep 600", Map.of()));
        runtime.close();
        assertTrue(ProcessTree.isGone(ProcessHandle.of(Long.parseLong(a.id())).orElse(ProcessHandle.current())) || !ProcessHandle.of(Long.parseLong(a.id())).isPresent());
        assertEquals(List.of(), RunFolderProcesses.of(runtime, runDir), "processes left in " + runDir);
        assertEquals(List.of(), RunFolderProcesses.in(runtime.scratchFolder()), "the watchdog too is gone after close()");
        assertFalse(runtime.isRunning("b"));
        runtime.close(); // idempotent

        ProcessRuntime kept = new ProcessRuntime(tmp.resolve("kept"), true);
        RunningService k = kept.start(sh("k", "exec sleep 600", Map.of()));
        kept.close();
        assertTrue(kept.isRunning("k"), "keep=true leaves it running");
        kept.kill("k");
        assertFalse(ProcessHandle.of(Long.parseLong(k.id())).map(ProcessHandle::isAlive).orElse(false));
        VolumeCopier.clear(kept.scratchFolder());
        Files.delete(kept.scratchFolder());
        assertTrue(b.id() != null);
    }

    @Test
    void namesThatWouldLeaveTheirFoldersAreRefusedBeforeAnythingIsWritten() throws Exception {
        assertThrows(HarnessException.InvalidInput.class, () -> runtime.logFile("../../escaped"));
        assertThrows(HarnessException.InvalidInput.class, () -> runtime.volume("../../escaped"));
        assertThrows(HarnessException.InvalidInput.class, () -> runtime.start(sh("../../escaped", "exec sleep 600", Map.of())));
        assertThrows(HarnessException.InvalidInput.class, () -> runtime.start(sh("svc", "exec sleep 600", Map.of("../../escaped", "/d"))));
        assertThrows(HarnessException.InvalidInput.class, () -> runtime.writeFile("../../escaped", "f", "x"));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(runDir), left.toList(), "nothing written beside the run folder");
        }
        try (var left = Files.list(runtime.scratchFolder())) {
            assertEquals(List.of("owner.properties", "volumes"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(runtime.isRunning("svc"));
    }

    @Test
    void twoRuntimesOfTheSameRunNameShareNoFolder() throws Exception {
        try (ProcessRuntime twin = new ProcessRuntime(runDir, RunId.next("run").value(), false, ProcessRuntime.defaultScratchParent());
             ProcessRuntime other = new ProcessRuntime(runDir, RunId.next("run").value(), false, ProcessRuntime.defaultScratchParent())) {
            assertNotEquals(twin.runId(), other.runId());
            assertNotEquals(twin.scratchFolder(), other.scratchFolder());
            assertTrue(twin.scratchFolder().getFileName().toString().startsWith("harness-" + twin.runId() + "-"), twin.scratchFolder().toString());
            twin.writeFile("data", "marker", "twin");
            assertFalse(Files.exists(other.volume("data").resolve("marker")));
        }
    }

    @Test
    void aMultiLineScriptIsQuotedOnOneMarkerLineSoTheLogHoldsOnlyWhatTheProcessPrinted() throws Exception {
        runtime.start(sh("svc", "echo one\necho two; exec sleep 600", Map.of()));
        awaitLog("svc", "two");
        assertEquals(List.of("one", "two"), output("svc").lines().toList(), log("svc"));
    }

    @Test
    void withoutItsWatchdogTheRuntimeStartsNoServer() throws Exception {
        String scratch = runtime.scratchFolder().toString();
        ProcessHandle watchdog = ProcessHandle.current().children().filter(h -> {
            try {
                return Files.readString(Path.of("/proc/" + h.pid() + "/cmdline")).contains("ProcessWatchdog\0" + scratch);
            } catch (IOException gone) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no watchdog watches " + scratch));
        watchdog.destroyForcibly();
        watchdog.onExit().join();
        var e = assertThrows(HarnessException.Infrastructure.class, () -> runtime.start(sh("svc", "exec sleep 600", Map.of())));
        assertTrue(e.getMessage().contains("watchdog"), e.getMessage());
        assertFalse(runtime.isRunning("svc"));
    }
}
