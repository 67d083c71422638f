package dev.harness.run;

import dev.harness.model.RunResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one artifact of a finished run into its report folder and returns the file (junit.xml,
 * report.html). The report package implements it; the run only needs this one function of it.
 */
@FunctionalInterface
public interface ResultWriter {
    Path write(RunResult result, Path reportDir) throws IOException;
}
