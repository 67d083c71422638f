package dev.harness.report;

import dev.harness.model.RunResult;
import java.io.IOException;
import java.nio.file.Path;

/** Writes one artifact of a finished (or interrupted) run into its report folder. */
public interface Reporter {
    /** Returns the file written. */
    Path write(RunResult result, Path reportDir) throws IOException;
}
