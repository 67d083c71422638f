package dev.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden. Run with {@code -Dharness.updateGolden=true} to rewrite them
 * after an intended change, then review the diff in git.
 */
public final class Golden {
    private Golden() {}

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = Path.of(System.getProperty("harness.projectDir", "."), "src/test/resources/golden", name);
        if (Boolean.getBoolean("harness.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + name + " differs (rerun with -Dharness.updateGolden=true if intended)");
    }
}
