package dev.harness.report.junit;

import static dev.harness.report.junit.JUnitXmlReporterTest.child;
import static dev.harness.report.junit.JUnitXmlReporterTest.parse;
import static dev.harness.report.junit.JUnitXmlReporterTest.property;
import static dev.harness.report.junit.JUnitXmlReporterTest.testcase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.report.RunFixtures;
import dev.harness.report.WorkingDirPaths;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** junit.xml as Jenkins' xUnit plugin, GitLab and merge tools read it. */
class JUnitForCiConsumersTest {
    @TempDir
    Path work;

    private String xml(RunResult result, JUnitOptions options) throws Exception {
        StringWriter out = new StringWriter();
        new JUnitXmlReporter(RunFixtures.CLOCK, "ci-runner-7", options).write(result, result.reportDir(), out);
        return out.toString();
    }

    private JUnitOptions inWork() {
        return JUnitOptions.defaults().withPaths(new WorkingDirPaths(work));
    }

    private static List<String> attachments(Element testcase) {
        return child(testcase, "system-out").getTextContent().lines().filter(l -> l.startsWith("[[ATTACHMENT|")).toList();
    }

    @Test
    void theFailingPhasesServiceLogIsTheFirstAttachmentThenTheReport() throws Exception {
        Document doc = parse(xml(RunFixtures.rich(work.resolve("reports/r1")), inWork()));
        // sequence_continuity failed in validate #2 on db_2; it also talked to db_1
        assertEquals(List.of("[[ATTACHMENT|reports/r1/logs/db_2.log]]", "[[ATTACHMENT|reports/r1/report.html]]",
                "[[ATTACHMENT|reports/r1/logs/db_1.log]]"), attachments(testcase(doc, "sequence_continuity")));
        // large_objects errored in manipulate 2 on db_1
        assertEquals("[[ATTACHMENT|reports/r1/logs/db_1.log]]", attachments(testcase(doc, "large_objects")).get(0));
        // a passing check has no failing service: the report first
        assertEquals("[[ATTACHMENT|reports/r1/report.html]]", attachments(testcase(doc, "orders_view")).get(0));
    }

    @Test
    void pathsAreRelativeToTheWorkingDirectoryWhenUnderItAbsoluteOtherwise(@TempDir Path elsewhere) throws Exception {
        RunResult rich = RunFixtures.rich(work.resolve("out/r2"));
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        CheckResult passed = checks.get(0);
        String absoluteCheck = work.resolve("checks.d/orders.yaml").toString();
        checks.set(0, new CheckResult(passed.name(), passed.description(), dev.harness.model.SourceRef.of(absoluteCheck, 3, 1),
                passed.status(), null, passed.durationMillis(), passed.phases()));
        RunResult result = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), checks, null,
                false, rich.logs(), rich.reportDir());
        Document doc = parse(xml(result, inWork()));
        assertEquals("checks.d/orders.yaml", testcase(doc, "orders_view").getAttribute("file"), "an absolute path under the working directory");
        assertEquals("checks.d/sequences.yaml", testcase(doc, "sequence_continuity").getAttribute("file"), "a relative path stays");
        assertEquals("[[ATTACHMENT|out/r2/report.html]]", attachments(testcase(doc, "orders_view")).get(0));

        Document outside = parse(xml(RunFixtures.rich(elsewhere.resolve("r3")), inWork()));
        assertEquals("[[ATTACHMENT|" + elsewhere.resolve("r3/report.html") + "]]", attachments(testcase(outside, "orders_view")).get(0));
    }

    @Test
    void theSkipReasonIsAlsoTheElementText() throws Exception {
        Document doc = parse(xml(RunFixtures.rich(work.resolve("r")), inWork()));
        Element skipped = child(testcase(doc, "logical_slots"), "skipped");
        assertEquals("gated: since 16.0, base is 15.17", skipped.getTextContent());
        assertEquals("gated: since 16.0, base is 15.17", skipped.getAttribute("message"));
    }

    @Test
    void theShardIsASuiteProperty() throws Exception {
        Document doc = parse(xml(RunFixtures.rich(work.resolve("r")), inWork().withShard("2/3")));
        assertEquals("2/3", property(doc, "shard"));
        assertEquals(null, property(parse(xml(RunFixtures.rich(work.resolve("r")), inWork())), "shard"), "no shard, no property");
    }

    @Test
    void strictOmitsFileAndLineDefaultKeepsThem() throws Exception {
        String strict = xml(RunFixtures.rich(work.resolve("r")), inWork().withStrict(true));
        NodeList cases = parse(strict).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertFalse(c.hasAttribute("file") || c.hasAttribute("line"), c.getAttribute("name"));
        }
        assertEquals("14", testcase(parse(xml(RunFixtures.rich(work.resolve("r")), inWork())), "sequence_continuity").getAttribute("line"));
    }

    @Test
    void strictValidatesAgainstJunit10XsdAndDefaultDoesButForFileAndLine() throws Exception {
        XmlLint lint = XmlLint.require();
        for (RunResult result : List.of(RunFixtures.rich(work.resolve("r")), RunFixtures.infraError(work.resolve("r")), withCdataEnd())) {
            Path strict = Files.writeString(work.resolve("strict.xml"), xml(result, inWork().withStrict(true).withShard("1/2")));
            XmlLint.Result r = lint.validate(strict);
            assertTrue(r.valid(), r.output());

            String byDefault = xml(result, inWork().withShard("1/2"));
            Path file = Files.writeString(work.resolve("default.xml"), byDefault);
            XmlLint.Result d = lint.validate(file);
            assertFalse(d.valid(), "the default keeps testcase file/line, which junit-10.xsd does not know");
            assertTrue(d.output().lines().filter(l -> l.contains("error")).allMatch(l -> l.contains("'file'") || l.contains("'line'")),
                    d.output());
            Path stripped = Files.writeString(work.resolve("stripped.xml"), byDefault.replaceAll(" (file|line)=\"[^\"]*\"(?=[^<]*<(failure|error|skipped|system-out)|/>|>)", ""));
            assertTrue(lint.validate(stripped).valid(), lint.validate(stripped).output());
        }
    }

    /** The rich run with {@code ]]>} in a failure, a statement log and a skip reason. */
    private RunResult withCdataEnd() {
        RunResult rich = RunFixtures.rich(work.resolve("r"));
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        CheckResult c = checks.get(1);
        List<PhaseResult> phases = new ArrayList<>(c.phases());
        PhaseResult p = phases.get(4);
        Failure f = new Failure("rows differ: missing [a]]>b]", p.failure().statement(), p.failure().source(),
                "a]]>b", "]]>", "- a]]>b\n+ ]]>", 1);
        phases.set(4, new PhaseResult(p.actionIndex(), p.label(), p.phase(), p.service(), p.status(), p.started(),
                p.durationMillis(), f, null, List.of("SELECT ']]>': 1 row", "]]>]]>")));
        checks.set(1, new CheckResult(c.name(), c.description(), c.source(), c.status(), null, c.durationMillis(), phases));
        CheckResult s = checks.get(2);
        checks.set(2, new CheckResult(s.name(), s.description(), s.source(), s.status(), "gated ]]> here", 0, s.phases()));
        return new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), checks, null, false,
                rich.logs(), rich.reportDir());
    }

    @Test
    void textWithCdataTerminatorsSurvivesAReindentingMerger() throws Exception {
        String xml = xml(withCdataEnd(), inWork());
        assertFalse(xml.contains("<![CDATA["), "no CDATA at all: escaped text is one node whatever a merger does");
        Document before = parse(xml);
        Document after = parse(ReindentingMerger.reindent(xml));
        for (String name : List.of("sequence_continuity", "logical_slots", "orders_view")) {
            Element b = testcase(before, name);
            Element a = testcase(after, name);
            for (String tag : List.of("failure", "skipped", "system-out")) {
                if (child(b, tag) == null) continue;
                assertEquals(child(b, tag).getTextContent(), child(a, tag).getTextContent(), name + " " + tag);
            }
        }
        assertTrue(child(testcase(after, "sequence_continuity"), "system-out").getTextContent().contains("\n]]>]]>\n"));
        assertEquals("gated ]]> here", child(testcase(after, "logical_slots"), "skipped").getTextContent());
    }
}
