package dev.harness.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.report.Golden;
import dev.harness.report.RunFixtures;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class JUnitXmlReporterTest {
    static final Path REPORT_DIR = Path.of("reports/zero_downtime-20260301-120000");

    static String xml(RunResult result) throws Exception {
        StringWriter out = new StringWriter();
        new JUnitXmlReporter(RunFixtures.CLOCK, "ci-runner-7").write(result, REPORT_DIR, out);
        return out.toString();
    }

    public static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element testcase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) return e;
        }
        throw new AssertionError("no testcase " + name);
    }

    /** The value of the suite property {@code name}, or null. */
    public static String property(Document doc, String name) {
        NodeList props = doc.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element e = (Element) props.item(i);
            if (e.getAttribute("name").equals(name)) return e.getAttribute("value");
        }
        return null;
    }

    static Element child(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    @Test
    void richRunMatchesGoldenFile() throws Exception {
        Golden.assertMatches("junit.xml", xml(RunFixtures.rich(REPORT_DIR)));
    }

    @Test
    void failureErrorAndSkippedAreDistinguished() throws Exception {
        Document doc = parse(xml(RunFixtures.rich(REPORT_DIR)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));

        Element failed = testcase(doc, "sequence_continuity");
        assertEquals("zero_downtime", failed.getAttribute("classname"));
        Element failure = child(failed, "failure");
        assertNotNull(failure);
        assertTrue(failure.getTextContent().contains("-2          | t\n  +1          | t"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("checks.d/sequences.yaml:14"));
        assertTrue(failure.getTextContent().contains("attempts: 5"));
        // file/line point at the failing statement so PR annotations land on it
        assertEquals("checks.d/sequences.yaml", failed.getAttribute("file"));
        assertEquals("14", failed.getAttribute("line"));

        assertNotNull(child(testcase(doc, "large_objects"), "error"));
        assertEquals("gated: since 16.0, base is 15.17", child(testcase(doc, "logical_slots"), "skipped").getAttribute("message"));
        Element passed = testcase(doc, "orders_view");
        assertEquals(null, child(passed, "failure"));
        assertEquals("checks.d/orders.yaml", passed.getAttribute("file"));
        assertEquals("1", passed.getAttribute("line"));
    }

    @Test
    void systemOutHoldsTheStepLogAndAttachments() throws Exception {
        Document doc = parse(xml(RunFixtures.rich(REPORT_DIR)));
        String out = child(testcase(doc, "sequence_continuity"), "system-out").getTextContent();
        assertTrue(out.contains("== validate #2 on db_2: FAILED"), out);
        assertTrue(out.contains("attempt 5 of 5"), out);
        assertTrue(out.contains("\n[[ATTACHMENT|reports/zero_downtime-20260301-120000/logs/db_2.log]]\n"), out);
        assertTrue(out.contains("\n[[ATTACHMENT|reports/zero_downtime-20260301-120000/report.html]]\n"), out);
    }

    @Test
    void suitePropertiesDescribeTheRun() throws Exception {
        Document doc = parse(xml(RunFixtures.rich(REPORT_DIR)));
        NodeList props = doc.getElementsByTagName("property");
        java.util.Map<String, String> p = new java.util.HashMap<>();
        for (int i = 0; i < props.getLength(); i++) {
            Element e = (Element) props.item(i);
            p.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        assertEquals("4217", p.get("seed"));
        assertEquals("15.17 → 15.19", p.get("versions"));
        assertEquals("postgres", p.get("system"));
        assertEquals("process", p.get("runtime"));
        assertEquals("15.17", p.get("base"));
        assertTrue(p.get("command").startsWith("harness run scenarios.d/zero_downtime.yaml --seed 4217"));
    }

    @Test
    void timesUseADecimalPointWhateverTheLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Document doc = parse(xml(RunFixtures.rich(REPORT_DIR)));
            assertEquals("2.400", testcase(doc, "sequence_continuity").getAttribute("time"));
            assertEquals("2026-03-01T12:00:00", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("timestamp"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void staysValidXmlWithControlCharactersAndCdataTerminators() throws Exception {
        String nasty = "bad\u0000bytes\u001b[31m red ]]> end \uD800 lone\u0007";
        RunResult rich = RunFixtures.rich(REPORT_DIR);
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        CheckResult c = checks.get(1);
        List<PhaseResult> phases = new ArrayList<>(c.phases());
        PhaseResult p = phases.get(4);
        Failure f = new Failure("rows differ: " + nasty + "\nsecond\tline", p.failure().statement(), p.failure().source(),
                "x", nasty, "-x\n+" + nasty, 2);
        phases.set(4, new PhaseResult(p.actionIndex(), p.label(), p.phase(), p.service(), p.status(), p.started(),
                p.durationMillis(), f, null, List.of("log " + nasty, "]]>]]>")));
        checks.set(1, new CheckResult(c.name(), c.description(), c.source(), c.status(), null, c.durationMillis(), phases));
        RunResult result = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), checks,
                null, false, rich.logs(), REPORT_DIR);

        Document doc = parse(xml(result));
        Element tc = testcase(doc, "sequence_continuity");
        String msg = child(tc, "failure").getAttribute("message");
        assertEquals("validate #2: rows differ: bad\\x00bytes\\x1b[31m red ]]> end \\ud800 lone\\x07", msg);
        String body = child(tc, "failure").getTextContent();
        assertTrue(body.contains("red ]]> end"), body);
        assertTrue(child(tc, "system-out").getTextContent().contains("\n]]>]]>\n"));
    }

    @Test
    void newlinesInAttributesSurviveParsing() throws Exception {
        RunResult rich = RunFixtures.rich(REPORT_DIR);
        RunResult result = new RunResult(rich.plan(), "harness run a.yaml\n--seed\t1", rich.started(), rich.finished(),
                rich.steps(), rich.checks(), null, false, rich.logs(), REPORT_DIR);
        Document doc = parse(xml(result));
        NodeList props = doc.getElementsByTagName("property");
        boolean found = false;
        for (int i = 0; i < props.getLength(); i++) {
            Element e = (Element) props.item(i);
            if (e.getAttribute("name").equals("command")) {
                assertEquals("harness run a.yaml\n--seed\t1", e.getAttribute("value"));
                found = true;
            }
        }
        assertTrue(found);
    }

    @Test
    void duplicateCheckNamesBecomeUnique() throws Exception {
        RunResult rich = RunFixtures.rich(REPORT_DIR);
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        checks.add(checks.get(0));
        RunResult result = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), checks,
                null, false, rich.logs(), REPORT_DIR);
        Document doc = parse(xml(result));
        assertNotNull(testcase(doc, "orders_view"));
        assertNotNull(testcase(doc, "orders_view (2)"));
    }

    @Test
    void infrastructureErrorWithoutErroringCheckGetsItsOwnTestcase() throws Exception {
        RunResult rich = RunFixtures.rich(REPORT_DIR);
        List<CheckResult> noErrors = rich.checks().stream().filter(c -> c.status() != Status.ERROR).toList();
        RunResult result = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), noErrors,
                "docker engine unreachable", false, rich.logs(), REPORT_DIR);
        Document doc = parse(xml(result));
        Element run = testcase(doc, JUnitXmlReporter.RUN_CASE);
        assertEquals("docker engine unreachable", child(run, "error").getAttribute("message"));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", java.time.Duration.between(rich.started(), rich.finished()).toMillis() / 1000.0),
                suite.getAttribute("time"));
    }

    @Test
    void infrastructureErrorOnChecksNeedsNoExtraTestcase() throws Exception {
        Document doc = parse(xml(RunFixtures.infraError(REPORT_DIR)));
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            assertFalse(((Element) cases.item(i)).getAttribute("name").equals(JUnitXmlReporter.RUN_CASE));
        }
        assertEquals("3", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("errors"));
        assertTrue(doc.getElementsByTagName("system-err").item(0).getTextContent().contains("promote did not finish"));
    }

    @Test
    void writesJunitXmlIntoTheReportFolder(@TempDir Path dir) throws Exception {
        Path file = new JUnitXmlReporter(RunFixtures.CLOCK, "h").write(RunFixtures.rich(dir), dir.resolve("r"));
        assertEquals(dir.resolve("r/junit.xml"), file);
        assertNotNull(parse(java.nio.file.Files.readString(file)));
    }
}
