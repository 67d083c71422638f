package dev.harness.report;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Paths as CI tools want them: relative to the working directory when under it (GitLab links attachments and
 * GitHub places annotations only by repository-relative paths; an absolute {@code --out /abs} would break both),
 * absolute otherwise, so the file can still be found.
 *
 * @param workingDir absolute, normalized: where the harness was started
 */
public record WorkingDirPaths(Path workingDir) {
    public WorkingDirPaths {
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** The process's own working directory. */
    public static WorkingDirPaths current() {
        return new WorkingDirPaths(Path.of(""));
    }

    public String shown(Path path) {
        Path absolute = workingDir.resolve(path).normalize();
        if (!absolute.startsWith(workingDir)) return absolute.toString();
        String relative = workingDir.relativize(absolute).toString();
        return relative.isEmpty() ? "." : relative;
    }

    /** A path as text from the input (a check's file); text that is no path here is shown as it is. */
    public String shown(String path) {
        try {
            return shown(Path.of(path));
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
