package dev.harness.cli;

import static dev.harness.report.junit.JUnitXmlReporterTest.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.ExitCode;
import dev.harness.report.junit.XmlLint;
import dev.harness.runtime.TempDirAccess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What CI systems read from a real failing run against PostgreSQL, through the real CLI started in its own working
 * directory: GitHub workflow commands and step summary, annotations.md, and a junit.xml that xmllint validates
 * against junit-10.xsd with {@code --junit strict}.
 */
class CiOutputsEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", ".")).toAbsolutePath();
    private static final String ROWS = "rows differ: missing [2, deux], unexpected [2, two]; 1 more";

    @TempDir
    Path tmp;

    @BeforeEach
    void twoFailingChecks() throws Exception {
        Path checks = Files.createDirectories(tmp.resolve("checks"));
        for (String name : List.of("rows_a", "rows_b")) {
            Files.writeString(checks.resolve(name + ".yaml"), String.join("\n",
                    "check: " + name,
                    "initialize:",
                    "  - sql: CREATE TABLE " + name + " (id int, name text)",
                    "  - sql: INSERT INTO " + name + " VALUES (1, 'one'), (2, 'two'), (3, 'three')",
                    "validate:",
                    "  - query: SELECT id, name FROM " + name + " ORDER BY id",
                    "    retry: 200ms",
                    "    rows: [[1, one], [2, deux]]",
                    ""));
        }
        // the project's configuration asking for strict junit.xml
        Files.writeString(tmp.resolve("harness.yaml"), Files.readString(PROJECT.resolve("harness.yaml")) + "\nreport: {junit: strict}\n");
        TempDirAccess.openToServerUser(Files.createDirectories(tmp.resolve("reports")));
        TempDirAccess.openToServerUser(tmp);
    }

    @Test
    void onGitHubActionsAFailingRunAnnotatesSummarizesAndWritesStrictJunit() throws Exception {
        Path summary = tmp.resolve("step_summary.md");
        Child child = runChild(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()), "--shard", "1/2");
        assertEquals(ExitCode.CHECK_FAILED, child.exit(), child.stderr() + child.stdout());

        List<String> commands = child.stdout().lines().filter(l -> l.startsWith("::")).toList();
        assertEquals(1, commands.size(), child.stdout());
        assertTrue(commands.get(0).matches("::error file=checks/rows_[ab]\\.yaml,line=6,title=no_restart%3A rows_[ab]::"
                + "validate[^:]*: \\Q" + ROWS + "\\E.*%0A- 2 \\| deux%0A\\+ 2 \\| two%0A\\+ 3 \\| three"), commands.get(0));

        Path dir = reportFolder();
        String md = Files.readString(dir.resolve("annotations.md"));
        assertTrue(md.contains("| checks/rows\\_") && md.contains("rows differ: missing \\[2, deux\\], unexpected \\[2, two\\]; 1 more"), md);
        assertEquals(md + "\n", Files.readString(summary), "the step summary is annotations.md");

        Document junit = parse(dir.resolve("junit.xml"));
        Element testcase = (Element) junit.getElementsByTagName("testcase").item(0);
        assertFalse(testcase.hasAttribute("file") || testcase.hasAttribute("line"), "report.junit strict: no file/line");
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains(": " + ROWS), failure.getAttribute("message"));
        String out = testcase.getElementsByTagName("system-out").item(0).getTextContent();
        String relative = tmp.relativize(dir).toString();
        assertTrue(out.contains("\n[[ATTACHMENT|" + relative + "/logs/db_1.log]]\n[[ATTACHMENT|" + relative + "/report.html]]\n"), out);
        assertEquals("1/2", property(junit, "shard"));

        XmlLint.Result valid = XmlLint.require().validate(dir.resolve("junit.xml"));
        assertTrue(valid.valid(), valid.output());
    }

    @Test
    void offGitHubNoWorkflowCommandsAndJunitDefaultKeepsRelativeFileAndLine() throws Exception {
        Child child = runChild(Map.of("GITHUB_ACTIONS", "false"), "--check", "rows_a", "--junit", "default");
        assertEquals(ExitCode.CHECK_FAILED, child.exit(), child.stderr() + child.stdout());
        assertFalse(child.stdout().contains("::error"), child.stdout());
        Path dir = reportFolder();
        assertTrue(Files.exists(dir.resolve("annotations.md")), "annotations.md in every report folder");
        Element testcase = (Element) parse(dir.resolve("junit.xml")).getElementsByTagName("testcase").item(0);
        assertEquals("checks/rows_a.yaml", testcase.getAttribute("file"));
        assertEquals("6", testcase.getAttribute("line"), "--junit default wins over the configuration's strict");
    }

    @Test
    void anUnknownJunitModeIsInvalidInput() throws Exception {
        Child child = runChild(Map.of(), "--junit", "loose");
        assertEquals(ExitCode.INVALID_INPUT, child.exit());
        assertTrue(child.stderr().contains("--junit loose: expected default or strict"), child.stderr());
    }

    private Path reportFolder() throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("reports"))) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(xml)));
    }

    private record Child(int exit, String stdout, String stderr) {}

    /** {@code harness run} of no_restart with the checks and harness.yaml in tmp, started in tmp with {@code env} added; relative --out. */
    private Child runChild(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.harness.cli.Main", "run", "--no-color",
                "--config", "harness.yaml", PROJECT.resolve("scenarios.d/no_restart.yaml").toString(),
                "--checks", "checks", "--out", "reports", "--seed", "5"));
        cmd.addAll(List.of(args));
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().remove("GITHUB_STEP_SUMMARY");
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the harness exits");
            return new Child(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }
}
