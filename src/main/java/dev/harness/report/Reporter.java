package dev.harness.report;

import dev.harness.model.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one artifact of a finished (or interrupted) run into its report folder. */
public interface Reporter {
    /** The file name inside the report folder, e.g. {@code junit.xml}. */
    String fileName();

    /** Renders the artifact; {@code reportDir} is where it and the logs it refers to live. */
    void write(RunResult result, Path reportDir, Writer out) throws IOException;

    /** Writes the artifact into {@code reportDir} (created if missing) and returns the file written. */
    default Path write(RunResult result, Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        Path file = reportDir.resolve(fileName());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, reportDir, out);
        }
        return file;
    }
}
