package dev.harness.load;

import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Scenario;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry points of the load package: YAML with positions -> JSON Schema validation -> model.
 * Every method throws {@link dev.harness.model.HarnessException.InvalidInput} listing all problems of a
 * file as {@code file:line:column: message}.
 */
public final class Loader {
    private Loader() {}

    /** One check file. */
    public static Check loadCheck(Path file) {
        throw new UnsupportedOperationException("loader not implemented yet");
    }

    /** Check files and folders (recursively, *.yaml / *.yml), sorted by path; duplicate check names are an error. */
    public static List<Check> loadChecks(List<Path> filesOrFolders) {
        throw new UnsupportedOperationException("loader not implemented yet");
    }

    /** One scenario file. */
    public static Scenario loadScenario(Path file) {
        throw new UnsupportedOperationException("loader not implemented yet");
    }

    /** harness.yaml; null = the built-in defaults. */
    public static HarnessConfig loadConfig(Path fileOrNull) {
        throw new UnsupportedOperationException("loader not implemented yet");
    }
}
