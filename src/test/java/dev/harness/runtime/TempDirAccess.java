package dev.harness.runtime;

import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.runtime.process.RunUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Test helper for run folders inside JUnit's {@code @TempDir} (created 0700): when the tests run as root the
 * {@link ProcessRuntime} starts servers as an unprivileged {@link RunUser}, which must be able to pass through
 * the temp folder to reach its volumes. Only this folder is opened; its parents (e.g. /tmp) are left alone.
 */
public final class TempDirAccess {
    private TempDirAccess() {}

    /** Opens {@code tempDir} for reading and searching by other users and returns it. */
    public static Path openToServerUser(Path tempDir) {
        try {
            Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tempDir;
    }
}
