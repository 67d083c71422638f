package dev.harness.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.runtime.RunLabels;
import dev.harness.runtime.TempDirAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new process runtime removes what killed runs left in its scratch parent, and nothing else. */
class ScratchFolderSweepTest {
    /** No process has this pid: pids stop far below it (pid_max is at most 2^22). */
    private static final String DEAD_PID = "999999999";

    @TempDir
    Path tmp;

    Process leftover;

    @AfterEach
    void stopLeftover() throws Exception {
        if (leftover != null) {
            leftover.destroyForcibly();
            leftover.waitFor();
        }
    }

    /** A scratch folder whose owner record names a harness process that is gone. */
    private Path deadRun(String runId, boolean keep) throws IOException {
        Path folder = ScratchFolder.create(tmp, runId, keep, Optional.empty());
        Properties owner = new Properties();
        owner.putAll(RunLabels.forRun(runId, keep));
        owner.setProperty(RunLabels.OWNER_PID, DEAD_PID);
        try (OutputStream out = Files.newOutputStream(folder.resolve(ScratchFolder.OWNER_FILE))) {
            owner.store(out, null);
        }
        return folder;
    }

    @Test
    void aNewRuntimeRemovesDeadRunsWithTheirServersAndLeavesLiveKeptAndForeignFolders() throws Exception {
        TempDirAccess.openToServerUser(tmp);
        Path dead = deadRun("dead-1", false);
        Files.writeString(Files.createDirectories(ScratchFolder.volumes(dead).resolve("db-data")).resolve("PG_VERSION"), "15\n");
        // A server the killed run left running in its scratch folder (as servers do: it is their working folder).
        leftover = new ProcessBuilder("sleep", "600").directory(dead.toFile()).start();
        Path kept = deadRun("kept-1", true);
        Path live = ScratchFolder.create(tmp, "live-1", false, Optional.empty());
        Path foreign = Files.createDirectory(tmp.resolve("harness-not-ours"));

        try (ProcessRuntime later = new ProcessRuntime(tmp.resolve("later"), "later-1", false, tmp)) {
            assertFalse(Files.exists(dead), "the killed run's scratch folder is swept");
            assertTrue(leftover.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the killed run's server is killed");
            assertTrue(Files.isDirectory(kept), "a --keep run is left for inspection");
            assertTrue(Files.isDirectory(live), "a run whose harness is alive is left alone");
            assertTrue(Files.isDirectory(foreign), "a folder without an owner record is not the harness's");
            assertTrue(Files.isDirectory(later.scratchFolder()));
        }
        for (Path p : List.of(kept, live, foreign)) {
            VolumeCopier.clear(p);
            Files.delete(p);
        }
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("later")), left.toList(), "the later run removed its own scratch folder too");
        }
    }
}
