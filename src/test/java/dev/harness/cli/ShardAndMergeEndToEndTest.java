package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Sharded runs of the real CLI against real PostgreSQL processes, and {@code harness merge} of their report folders:
 * {@code --shard 1/2} and {@code 2/2} (and {@code auto} from GitLab's variables) split the checks, and the merge
 * has every check once in junit.xml and both shards in report.html, with the worst exit code.
 */
@ExtendWith(InProcessCli.class)
class ShardAndMergeEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));
    /**
     * Sorted: aggregates nulls types views zz_wrong; shard 1/2 = 1st, 3rd, 5th; 2/2 = 2nd, 4th. Each shard also has its
     * own consistency testcase (the implicit consistency steps of its run).
     */
    private static final List<String> SHARD_1 = List.of("aggregates", "consistency", "types", "zz_wrong");
    private static final List<String> SHARD_2 = List.of("consistency", "nulls", "views");

    @TempDir
    Path work;

    private Path checks;

    @BeforeEach
    void checks() throws IOException {
        TempDirAccess.openToServerUser(work);
        checks = Files.createDirectories(work.resolve("checks"));
        for (String name : List.of("aggregates", "nulls", "types", "views")) {
            Files.copy(PROJECT.resolve("checks.d/portable/" + name + ".yaml"), checks.resolve(name + ".yaml"));
        }
        Files.writeString(checks.resolve("zz_wrong.yaml"), String.join("\n",
                "check: zz_wrong",
                "initialize:",
                "  - sql: CREATE TABLE zz_wrong (a int, b text)",
                "  - sql: INSERT INTO zz_wrong VALUES (1, 'one')",
                "manipulate:",
                "  1: []",
                "  2: []",
                "validate:",
                "  - query: SELECT a, b FROM zz_wrong",
                "    rows: [[1, uno]]",
                ""));
    }

    private CapturedRun run(Map<String, String> env, String out, String... more) throws IOException {
        Path dir = Files.createDirectories(work.resolve(out));
        TempDirAccess.openToServerUser(dir);
        List<String> args = new ArrayList<>(List.of("run", PROJECT.resolve("scenarios.d/no_restart.yaml").toString(), "--checks", checks.toString(),
                "--out", dir.toString(), "--seed", "7", "--config", PROJECT.resolve("harness.yaml").toString()));
        args.addAll(List.of(more));
        return CapturedRun.withEnv(env, args.toArray(String[]::new));
    }

    private static Path onlyReportDir(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    @Test
    void shardsOfOneScenarioRunTheirHalvesAndMergeIntoOneReportWithEveryCheckOnce() throws Exception {
        CapturedRun first = run(Map.of(), "one", "--shard", "1/2");
        assertEquals(ExitCode.CHECK_FAILED, first.exit(), first.err());
        assertTrue(first.out().contains("--shard 1/2"), "the rerun command names the shard: " + first.out());
        // the second half through --shard auto, as a GitLab job with parallel: 2 runs its second node
        CapturedRun second = run(Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "2"), "two", "--shard", "auto");
        assertEquals(ExitCode.OK, second.exit(), second.err());
        assertTrue(second.err().contains("--shard auto: shard 2/2 from CI_NODE_INDEX/CI_NODE_TOTAL (GitLab)"), second.err());
        assertTrue(second.out().contains("rerun:") && second.out().contains("--shard 2/2"), "the rerun names the shard auto chose: " + second.out());
        Path one = onlyReportDir(work.resolve("one"));
        Path two = onlyReportDir(work.resolve("two"));
        assertEquals(SHARD_1, testcases(one.resolve("junit.xml")).stream().sorted().toList());
        assertEquals(SHARD_2, testcases(two.resolve("junit.xml")).stream().sorted().toList());

        Path merged = work.resolve("merged");
        CapturedRun merge = CapturedRun.of("merge", one.toString(), two.toString(), "-o", merged.toString());
        assertEquals(ExitCode.CHECK_FAILED, merge.exit(), "the worst of the inputs': " + merge.err());
        assertTrue(merge.out().contains("no_restart: FAILED — 6 passed, 1 failed, 0 errors, 0 skipped (7 checks, 2 report folders)"), merge.out());

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(merged.resolve("junit.xml").toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength(), "one testsuite per scenario");
        Element suite = (Element) suites.item(0);
        assertEquals("no_restart", suite.getAttribute("name"));
        // every check exactly once; each shard's own consistency testcase kept, the second one named after its shard
        assertEquals(List.of("aggregates", "consistency", "consistency [shard 2/2]", "nulls", "types", "views", "zz_wrong"),
                testcases(merged.resolve("junit.xml")).stream().sorted().toList());
        assertEquals("7", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals(List.of("1/2", "2/2"), properties(suite, "shard"));
        assertEquals(2, properties(suite, "command").size(), "each shard's rerun command kept");
        String junitText = Files.readString(merged.resolve("junit.xml"));
        Matcher attachment = Pattern.compile("\\[\\[ATTACHMENT\\|([^\\]]+)]]").matcher(junitText);
        int attachments = 0;
        while (attachment.find()) {
            attachments++;
            Path target = Path.of(attachment.group(1));
            assertTrue(target.toAbsolutePath().normalize().startsWith(merged.toAbsolutePath().normalize()), "points into the merged folder: " + target);
            assertTrue(Files.isRegularFile(target), target.toString());
        }
        assertTrue(attachments >= 5, "attachments: " + junitText);

        JsonNode data = mergedData(merged.resolve("report.html"));
        assertEquals(1, data.get("exitCode").asInt());
        JsonNode scenario = data.get("scenarios").get(0);
        List<String> shardOf = new ArrayList<>();
        for (JsonNode c : scenario.get("checks")) shardOf.add(c.get("name").asText() + " " + c.get("shard").asText());
        assertEquals(List.of("aggregates 1/2", "consistency 1/2", "consistency 2/2", "nulls 2/2", "types 1/2", "views 2/2", "zz_wrong 1/2"),
                shardOf.stream().sorted().toList());
        assertEquals(2, scenario.get("shards").size());
        for (JsonNode sh : scenario.get("shards")) {
            assertTrue(Files.isRegularFile(merged.resolve(sh.get("report").asText())), sh.toString());
            assertFalse(sh.get("logs").isEmpty(), "the shard's server log is reachable: " + sh);
            for (JsonNode log : sh.get("logs")) assertTrue(Files.isRegularFile(merged.resolve(log.asText())), log.asText());
        }
        String html = Files.readString(merged.resolve("report.html"));
        assertTrue(html.contains("<th>shard</th>"), "a shard column");
    }

    @Test
    void badInputIsExitTwoWithOneLineNamingTheFolderOrFile() throws IOException {
        Path notAReport = Files.createDirectories(work.resolve("empty"));
        CapturedRun r = CapturedRun.of("merge", notAReport.toString(), "-o", work.resolve("m1").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertEquals("merge: " + notAReport + ": not a report folder (no junit.xml)\n", r.err());

        Path fake = Files.createDirectories(work.resolve("fake"));
        Files.writeString(fake.resolve("junit.xml"), "<testsuites><testsuite name=\"x\"></testsuites>");
        Files.writeString(fake.resolve("report.html"), "<html></html>");
        r = CapturedRun.of("merge", fake.toString(), "-o", work.resolve("m2").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertTrue(r.err().startsWith("merge: " + fake.resolve("junit.xml") + ": not valid XML: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        Files.writeString(fake.resolve("junit.xml"), "<testsuites/>");
        r = CapturedRun.of("merge", fake.toString(), "-o", work.resolve("m3").toString());
        assertEquals("merge: " + fake.resolve("report.html") + ": no embedded run data (#run-data): not a harness report.html\n", r.err());
        assertFalse(Files.exists(work.resolve("m3")), "nothing written for bad input");
    }

    private static List<String> testcases(Path junit) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) names.add(((Element) cases.item(i)).getAttribute("name"));
        return names.stream().sorted().toList();
    }

    private static List<String> properties(Element suite, String name) {
        NodeList props = suite.getElementsByTagName("property");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals(name)) values.add(p.getAttribute("value"));
        }
        return values;
    }

    private static JsonNode mergedData(Path html) throws IOException {
        String text = Files.readString(html);
        String start = "<script type=\"application/json\" id=\"merged-data\">";
        int from = text.indexOf(start) + start.length();
        return new ObjectMapper().readTree(text.substring(from, text.indexOf("</script>", from)));
    }
}
