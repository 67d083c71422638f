package dev.harness.report.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.CheckResult;
import dev.harness.model.HarnessException;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.report.RunFixtures;
import dev.harness.report.html.HtmlReporter;
import dev.harness.report.junit.JUnitXmlReporter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The merge over folders the real reporters wrote (from fixtures; ShardAndMergeEndToEndTest does it on real runs). */
class ReportMergeTest {
    @TempDir
    Path work;

    /** The rich fixture's run as shard {@code shard}, its check names suffixed so two shards do not overlap. */
    private Path folder(String name, String shard, String suffix, String logLine) throws IOException {
        RunResult rich = RunFixtures.rich(work.resolve(name));
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult c : rich.checks()) {
            List<PhaseResult> phases = new ArrayList<>();
            for (PhaseResult p : c.phases()) {
                List<String> log = new ArrayList<>(p.log());
                log.add(logLine);
                phases.add(new PhaseResult(p.actionIndex(), p.label(), p.phase(), p.service(), p.status(), p.started(), p.durationMillis(),
                        p.failure(), p.skipReason(), log));
            }
            checks.add(new CheckResult(c.name() + suffix, c.description(), c.source(), c.status(), c.skipReason(), c.durationMillis(), phases));
        }
        RunResult r = new RunResult(rich.plan(), rich.command() + " --shard " + shard, rich.started(), rich.finished(), rich.steps(), checks,
                null, false, rich.logs(), rich.reportDir());
        Path dir = Files.createDirectories(work.resolve(name).resolve("logs"));
        Files.writeString(dir.resolve("db_1.log"), "2026-01-01 log of " + name + "\n");
        Files.writeString(dir.resolve("db_2.log"), "2026-01-01 log of " + name + "\n");
        try (Writer w = Files.newBufferedWriter(work.resolve(name).resolve("junit.xml"), StandardCharsets.UTF_8)) {
            new JUnitXmlReporter().write(r, work.resolve(name), w);
        }
        try (Writer w = Files.newBufferedWriter(work.resolve(name).resolve("report.html"), StandardCharsets.UTF_8)) {
            new HtmlReporter().write(r, work.resolve(name), w);
        }
        return work.resolve(name);
    }

    @Test
    void testcaseTextSurvivesTheMergeExactlyAttachmentsPointAtTheCopiesAndOverlapsAreKeptRenamed() throws Exception {
        String tricky = "a value with ]]> inside, and <tags> & \u00e9";
        Path a = folder("a", "1/2", "", tricky);
        Path b = folder("b", "2/2", "_b", tricky);
        Path again = folder("again", "2/2", "_b", "rerun");
        Path out = work.resolve("merged");

        ReportMerge.Outcome o = ReportMerge.merge(List.of(a, b, again), out, work);

        assertEquals(3, o.exitCode(), "the fixture has an erroring check: the worst exit code");
        Map<String, String> merged = systemOuts(out.resolve("junit.xml"));
        Map<String, String> fromB = systemOuts(b.resolve("junit.xml"));
        String seq = merged.get("sequence_continuity_b");
        assertTrue(seq.contains(tricky), seq);
        assertEquals(fromB.get("sequence_continuity_b").lines().filter(l -> !l.contains("ATTACHMENT")).toList(),
                seq.lines().filter(l -> !l.contains("ATTACHMENT")).toList(), "the text is the input's, unchanged");
        assertTrue(seq.contains("[[ATTACHMENT|merged/shards/zero_downtime-shard-2-of-2/logs/"), "relative to the working dir: " + seq);
        assertTrue(merged.containsKey("sequence_continuity_b [shard 2/2]"), "the overlapping input's check is kept, renamed: " + merged.keySet());
        assertEquals(1, o.warnings().stream().filter(w -> w.contains("sequence_continuity_b of zero_downtime")).count(), o.warnings().toString());
        assertEquals(List.of("zero_downtime-shard-1-of-2", "zero_downtime-shard-2-of-2", "zero_downtime-shard-2-of-2-2"),
                o.data().scenarios().get(0).shards().stream().map(s -> Path.of(s.report()).getParent().getFileName().toString()).toList());
    }

    @Test
    void anOutputFolderThatIsNotEmptyOrInsideAnInputIsRefused() throws IOException {
        Path a = folder("a", "1/2", "", "x");
        Files.writeString(Files.createDirectories(work.resolve("full")).resolve("keep.txt"), "mine");
        var e = assertThrows(HarnessException.InvalidInput.class, () -> ReportMerge.merge(List.of(a), work.resolve("full"), work));
        assertEquals("merge: -o " + work.resolve("full") + ": not empty; give a new folder", e.getMessage());
        e = assertThrows(HarnessException.InvalidInput.class, () -> ReportMerge.merge(List.of(a), a.resolve("merged"), work));
        assertTrue(e.getMessage().contains("overlaps the input"), e.getMessage());
    }

    /** testcase name -> its system-out text, as a JUnit consumer reads it. */
    private static Map<String, String> systemOuts(Path junit) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeList so = c.getElementsByTagName("system-out");
            out.put(c.getAttribute("name"), so.getLength() == 0 ? "" : so.item(0).getTextContent());
        }
        return out;
    }
}
