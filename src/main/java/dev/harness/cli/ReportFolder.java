package dev.harness.cli;

import dev.harness.load.BoundedFile;
import dev.harness.model.HarnessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --out}: made and tried before the first server starts, so a run never fails late, or worse loses its
 * reports, for want of a place to write them. Not a folder (a file, {@code /dev/null}) is a usage error (exit 2);
 * a folder that cannot be made or written is the environment's (exit 3).
 */
final class ReportFolder {
    private ReportFolder() {}

    static void prepare(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new HarnessException.InvalidInput("--out " + out + ": not a folder; give a folder for the reports");
        }
        try {
            Files.createDirectories(out);
            // a real write: permission bits say nothing for root, and nothing about a read-only file system
            Files.delete(Files.createTempFile(out, ".harness-write-test-", ""));
        } catch (IOException e) {
            throw new HarnessException.Infrastructure("--out " + out + ": cannot write reports there: " + BoundedFile.reason(e));
        }
    }
}
