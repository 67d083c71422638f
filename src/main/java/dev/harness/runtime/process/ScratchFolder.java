package dev.harness.runtime.process;

import dev.harness.model.HarnessException;
import dev.harness.runtime.RunLabels;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The folder under the system temp directory where a local-process run keeps its server data ({@code volumes/})
 * and runs its servers (their working folder), named {@code harness-<run id>-<random>}. It holds an owner record
 * with the labels a Docker run puts on its resources (run id, host, pid and start time of the harness), so that a
 * later run can tell the leftovers of a killed run from the folder of a run that is still alive.
 */
final class ScratchFolder {
    static final String PREFIX = "harness-";
    static final String OWNER_FILE = "owner.properties";
    private static final long OWNER_FILE_MAX = 4096;

    private ScratchFolder() {}

    /**
     * Creates this run's scratch folder in {@code parent}, owner record first, so it is never swept while alive.
     *
     * @param user the user servers run as, if not the harness's: it must be able to pass through to its volumes
     */
    static Path create(Path parent, String runId, boolean keep, Optional<RunUser> user) {
        Path root = null;
        try {
            Files.createDirectories(parent);
            root = Files.createTempDirectory(parent, PREFIX + runId + "-");
            Properties owner = new Properties();
            owner.putAll(RunLabels.forRun(runId, keep));
            try (OutputStream out = Files.newOutputStream(root.resolve(OWNER_FILE))) {
                owner.store(out, "owner of this harness run's scratch folder");
            }
            Path volumes = Files.createDirectory(volumes(root));
            if (user.isPresent()) {
                // Each volume itself is 0700 and the server user's; the folders above must let that user pass.
                VolumeCopier.makeWorldSearchable(root);
                VolumeCopier.makeWorldSearchable(volumes);
                user.get().checkReachable(volumes, null, "volumes folder");
            }
            return root;
        } catch (IOException | RuntimeException e) {
            if (root != null) removeQuietly(root);
            if (e instanceof HarnessException he) throw he;
            throw new HarnessException.Infrastructure(null, "cannot create the run's scratch folder in " + parent + ": " + e, e);
        }
    }

    private static void removeQuietly(Path root) {
        try {
            remove(root);
        } catch (IOException | RuntimeException e) {
            // a half-made folder of a live run: the first sweep after this JVM ends removes it
        }
    }

    static Path volumes(Path root) {
        return root.resolve("volumes");
    }

    /** Kills every process still working in the folder (servers and what they forked), then deletes it. */
    static void remove(Path root) throws IOException {
        // Twice: a postmaster killed in the first pass may have forked a backend a moment before.
        ProcessTree.killWorkingIn(root);
        ProcessTree.killWorkingIn(root);
        try {
            VolumeCopier.clear(root);
            Files.deleteIfExists(root);
        } catch (NoSuchFileException alreadyGone) {
            // removed concurrently (the watchdog and a later run's sweep may both get here)
        }
    }

    /**
     * Removes the scratch folders in {@code parent} of runs whose harness process is gone (killed with SIGKILL,
     * together with its watchdog, or the machine lost power), with any server still running in them. Folders
     * without an owner record, of a live run, of a kept run ({@code --keep}) or of another user are left alone.
     *
     * @return the folders removed
     */
    static List<Path> sweepDeadRuns(Path parent) {
        List<Path> swept = new ArrayList<>();
        if (!Files.isDirectory(parent)) return swept;
        int self = RunUser.currentUid();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                if (!isDeadRun(folder, self)) continue;
                try {
                    remove(folder);
                    swept.add(folder);
                } catch (IOException | UncheckedIOException e) {
                    // another user's files inside, or removed concurrently: the next sweep tries again
                }
            }
        } catch (IOException e) {
            // an unreadable temp directory: nothing to sweep that this user could remove anyway
        }
        return swept;
    }

    private static boolean isDeadRun(Path folder, int uid) {
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return false;
            if (!Integer.valueOf(uid).equals(Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS))) return false;
            Path ownerFile = folder.resolve(OWNER_FILE);
            if (!Files.isRegularFile(ownerFile, LinkOption.NOFOLLOW_LINKS) || Files.size(ownerFile) > OWNER_FILE_MAX) return false;
            Properties owner = new Properties();
            try (InputStream in = Files.newInputStream(ownerFile, LinkOption.NOFOLLOW_LINKS)) {
                owner.load(in);
            }
            Map<String, String> labels = new HashMap<>();
            owner.stringPropertyNames().forEach(k -> labels.put(k, owner.getProperty(k)));
            return labels.containsKey(RunLabels.RUN) && !RunLabels.ownerMayBeAlive(labels);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
