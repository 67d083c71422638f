package dev.harness.report.junit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * libxml2's {@code xmllint} validating junit.xml against the Jenkins xUnit plugin's junit-10.xsd (kept under
 * src/test/resources/schemas): the check the plugin makes before it reads a file.
 */
public final class XmlLint {
    private final Path binary;

    private XmlLint(Path binary) {
        this.binary = binary;
    }

    /** xmllint, or an aborted (skipped) test with a loud notice; fails instead with -Dharness.requireXmllint=true (CI). */
    public static XmlLint require() {
        for (String candidate : List.of("/usr/bin/xmllint", "/usr/local/bin/xmllint")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) return new XmlLint(p);
        }
        String notice = "\n*** xmllint not found (apt-get install -y libxml2-utils): junit.xml schema tests SKIPPED ***\n";
        System.err.println(notice);
        if (Boolean.getBoolean("harness.requireXmllint")) throw new AssertionError(notice.trim());
        Assumptions.abort(notice.trim());
        return null;
    }

    public static Path junit10Xsd() {
        try {
            return Path.of(XmlLint.class.getResource("/schemas/junit-10.xsd").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validates {@code xml} against junit-10.xsd; returns xmllint's exit code and what it said. */
    public Result validate(Path xml) throws IOException, InterruptedException {
        Path said = Files.createTempFile("xmllint", ".out");
        try {
            Process p = new ProcessBuilder(binary.toString(), "--noout", "--schema", junit10Xsd().toString(), xml.toString())
                    .redirectErrorStream(true).redirectOutput(said.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("xmllint did not finish in 60 s");
            }
            return new Result(p.exitValue(), Files.readString(said, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(said);
        }
    }

    public record Result(int exit, String output) {
        public boolean valid() {
            return exit == 0;
        }
    }
}
