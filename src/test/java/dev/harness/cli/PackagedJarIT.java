package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged jar (failsafe runs this after {@code package}): started as the launcher starts it, it prints the pom's version from its manifest. */
class PackagedJarIT {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @Test
    void versionComesFromThePackagedJarsManifest() throws Exception {
        Path jar = PROJECT.resolve("target/harness.jar");
        assertTrue(Files.isRegularFile(jar), "mvn package builds " + jar);
        Matcher m = Pattern.compile("<artifactId>harness</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(PROJECT.resolve("pom.xml")));
        assertTrue(m.find(), "the pom's version");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "--version")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String printed = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.startsWith("harness " + m.group(1) + " (Java "), printed);
    }
}
