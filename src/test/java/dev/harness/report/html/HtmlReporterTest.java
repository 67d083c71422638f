package dev.harness.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.report.Golden;
import dev.harness.report.RunFixtures;
import dev.harness.testing.RawControls;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class HtmlReporterTest {
    @TempDir Path dir;

    String html(RunResult result) throws Exception {
        RunFixtures.writeLogs(dir);
        StringWriter out = new StringWriter();
        new HtmlReporter(RunFixtures.CLOCK, HtmlReporter.DEFAULT_MAX_LOG_BYTES).render(result, dir, out);
        return out.toString();
    }

    public static String embeddedJson(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"run-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no embedded run data");
        return m.group(1);
    }

    @Test
    void embeddedRunDataMatchesGoldenFile() throws Exception {
        Golden.assertMatches("report-data.json", embeddedJson(html(RunFixtures.rich(dir))));
    }

    @Test
    void embeddedJsonParsesBackToTheOriginalStrings() throws Exception {
        JsonNode data = new ObjectMapper().readTree(embeddedJson(html(RunFixtures.rich(dir))));
        assertEquals(1, data.get("counts").get("failed").asInt());
        assertEquals("4217", data.get("seed").asText());
        String message = data.get("checks").get(3).get("phases").get(3).get("failure").get("message").asText();
        assertTrue(message.contains(RunFixtures.XSS_SCRIPT), message);
    }

    @Test
    void hostileTextRendersAsText() throws Exception {
        String html = html(RunFixtures.rich(dir));
        assertFalse(html.contains(RunFixtures.XSS_SCRIPT), "raw <script> from data in the page");
        assertFalse(html.contains(RunFixtures.XSS_IMG), "raw <img> from data in the page");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "error message shown escaped");
        assertTrue(html.contains("lo_import('/tmp/blob') &lt;img src=x onerror=alert(1)&gt;"), "log line shown escaped");
        assertFalse(embeddedJson(html).contains("<"), "embedded JSON must not contain '<'");
    }

    @Test
    void pageIsSelfContained() throws Exception {
        String html = html(RunFixtures.rich(dir));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src 'unsafe-inline'; img-src data:\">"));
        Matcher refs = Pattern.compile("(?i)\\b(src|href|action)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (refs.find()) {
            String target = refs.group(2);
            assertTrue(target.startsWith("#") || target.startsWith("data:"), "external reference: " + refs.group());
        }
        assertFalse(html.matches("(?s).*<link\\b.*"), "no <link> elements");
        assertFalse(html.contains("@import"), "no CSS imports");
    }

    @Test
    void failingCheckIsOpenAndShowsItsDiff() throws Exception {
        String html = html(RunFixtures.rich(dir));
        assertTrue(html.contains("<details class=\"check s-failed\" id=\"check-2\" data-status=\"failed\" open>"), "failed check open by default");
        assertTrue(html.contains("<details class=\"check s-passed\" id=\"check-1\" data-status=\"passed\">"), "passed check closed");
        assertTrue(html.contains("<div class=\"d-del\"><span class=\"dm\">−</span>2          | t</div>"));
        assertTrue(html.contains("<div class=\"d-add\"><span class=\"dm\">+</span>1          | t</div>"));
        assertTrue(html.contains("checks.d/sequences.yaml:14"));
        assertTrue(html.contains("<span class=\"skip-reason\">gated: since 16.0, base is 15.17</span>"));
    }

    @Test
    void logLinesNearTheFailureAreHighlightedAndLinked() throws Exception {
        String html = html(RunFixtures.rich(dir));
        assertTrue(html.contains("<div class=\"ln hl\" id=\"log-2-L5\"><span class=\"no\">5</span>"), "db_2 ERROR line highlighted");
        assertTrue(html.contains("<div class=\"ln\"><span class=\"no\">1</span>"), "startup line not highlighted");
        assertTrue(html.contains("href=\"#log-2-L5\""), "failure links to the log line");
    }

    @Test
    void infrastructureErrorShowsBannerAndNotRunSteps() throws Exception {
        String html = html(RunFixtures.infraError(dir));
        assertTrue(html.contains("id=\"infra-error\""));
        assertTrue(html.contains("db_2: promote did not finish within 30 s"));
        assertTrue(html.contains("class=\"step s-not-run\""), "steps after the error are listed as not run");
    }

    @Test
    void writesReportHtml() throws Exception {
        RunFixtures.writeLogs(dir);
        Path file = new HtmlReporter(RunFixtures.CLOCK, 1024).write(RunFixtures.rich(dir), dir);
        assertEquals(dir.resolve("report.html"), file);
        assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    }

    static final String CONTROLS = "\u001b]0;pwned\u0007 \u001b[2J red\rover \u009b31m \u202etxt.exe \u2066iso\u2069 \u007f nul\u0000";
    static final String CONTROLS_SHOWN = "\\x1b]0;pwned\\x07 \\x1b[2J red\\rover \\u009b31m \\u202etxt.exe \\u2066iso\\u2069 \\u007f nul\\x00";

    /** The rich run with {@link #CONTROLS} in a failure's message, expected, actual, statement log and in a service log. */
    RunResult withControls() throws Exception {
        RunResult rich = RunFixtures.rich(dir);
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        var c = checks.get(1);
        var phases = new ArrayList<>(c.phases());
        var p = phases.get(4);
        var f = new Failure("rows differ: " + CONTROLS, p.failure().statement(), p.failure().source(),
                "x\n" + CONTROLS, "y\n" + CONTROLS, null, 1);
        phases.set(4, new PhaseResult(p.actionIndex(), p.label(), p.phase(), p.service(), p.status(), p.started(),
                p.durationMillis(), f, null, List.of("SELECT 1: " + CONTROLS)));
        checks.set(1, new CheckResult(c.name() + CONTROLS, c.description(), c.source(), c.status(), null, c.durationMillis(), phases));
        return new RunResult(rich.plan(), rich.command() + CONTROLS, rich.started(), rich.finished(), rich.steps(), checks, null, false,
                rich.logs(), dir);
    }

    @Test
    void controlCharactersFromTheServersAreVisibleEscapesNeverRaw() throws Exception {
        RunFixtures.writeLogs(dir);
        Files.writeString(dir.resolve("logs/db_2.log"), "2026-03-01 12:00:01.000 UTC [1] LOG:  " + CONTROLS + "\n",
                StandardOpenOption.APPEND);
        StringWriter out = new StringWriter();
        new HtmlReporter(RunFixtures.CLOCK, HtmlReporter.DEFAULT_MAX_LOG_BYTES).render(withControls(), dir, out);
        String html = out.toString();
        assertEquals(List.of(), RawControls.in(html, false));
        // message, expected, actual, diff, statement log, check name (summary, matrix, checks), command, log line
        assertTrue(RawControls.count(html, CONTROLS_SHOWN) >= 8, html);
        JsonNode data = new ObjectMapper().readTree(embeddedJson(html));
        assertEquals("rows differ: " + CONTROLS, data.get("checks").get(1).get("phases").get(4).get("failure").get("message").asText(),
                "the embedded JSON still reads back as the server's text");
    }

    @Test
    void failureBoxesNameTheServerVersionThePhaseRanOn() throws Exception {
        String html = html(RunFixtures.rich(dir));
        // validate #2 ran on db_2 after its start at 15.19; manipulate 2 on db_1, started at 15.17
        assertTrue(html.contains("<strong>validate #2</strong> on <span class=\"mono\">db_2</span> "
                + "<span class=\"server-version muted\">running 15.19</span>"), html);
        assertTrue(html.contains("<strong>manipulate 2</strong> on <span class=\"mono\">db_1</span> "
                + "<span class=\"server-version muted\">running 15.17</span>"), html);
    }

    @Test
    void invisibleFormatCharactersAreVisibleEscapesEmojiJoinersStay() throws Exception {
        StringWriter out = new StringWriter();
        VisibleControlsWriter w = new VisibleControlsWriter(out);
        w.write("id\u200b1 \ufeffbom soft\u00adhyphen join\u2060er tag\uDB40\uDC41 family 👨\u200d👩 \u0007");
        w.finish();
        assertEquals("id\\u200b1 \\ufeffbom soft\\u00adhyphen join\\u2060er tag\\u{e0041} family 👨\u200d👩 \\x07", out.toString());

        RunFixtures.writeLogs(dir);
        Files.writeString(dir.resolve("logs/db_2.log"), "2026-03-01 12:00:01.000 UTC [1] LOG:  user \u200badmin\n", StandardOpenOption.APPEND);
        StringWriter page = new StringWriter();
        new HtmlReporter(RunFixtures.CLOCK, HtmlReporter.DEFAULT_MAX_LOG_BYTES).render(RunFixtures.rich(dir), dir, page);
        assertTrue(page.toString().contains("user \\u200badmin"), "a log line's zero-width space is shown");
        assertTrue(page.toString().codePoints().noneMatch(cp -> Character.getType(cp) == Character.FORMAT && cp != 0x200d));
    }

    @Test
    void aSurrogatePairSplitAcrossWritesStaysAPair() throws Exception {
        StringWriter out = new StringWriter();
        VisibleControlsWriter w = new VisibleControlsWriter(out);
        w.write("a\uD83D");
        w.write("\uDE00b\uD83D");
        w.write("c\uDC00");
        w.write("\uD83D");
        w.finish();
        assertEquals("a😀b\\ud83dc\\udc00\\ud83d", out.toString());
    }
}
