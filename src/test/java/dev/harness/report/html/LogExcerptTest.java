package dev.harness.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.report.TextCap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogExcerptTest {
    static final Instant FAIL = Instant.parse("2026-03-01T12:10:00Z");
    @TempDir Path dir;

    LogExcerpt excerpt(int maxBytes) {
        return new LogExcerpt(maxBytes, Duration.ofSeconds(3), new LogTimestamps(ZoneOffset.UTC));
    }

    Path log(int lines, int failAt) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            Instant t = i == failAt ? FAIL : FAIL.minusSeconds(3600).plusMillis(i);
            out.add(t.toString().replace('T', ' ').replace("Z", " UTC") + " [1] LOG:  line " + i);
        }
        return Files.write(dir.resolve("db.log"), out);
    }

    @Test
    void highlightsLinesWithinTheWindowIncludingContinuations() throws Exception {
        Path f = Files.write(dir.resolve("db.log"), List.of(
                "2026-03-01 12:09:50.000 UTC [1] LOG:  early",
                "2026-03-01 12:09:58.500 UTC [1] ERROR:  near",
                "\tcontinuation",
                "2026-03-01 12:10:04.000 UTC [1] LOG:  late"));
        LogView v = excerpt(100_000).read("log-1", "db", "logs/db.log", f, List.of(FAIL));
        assertEquals(List.of(false, true, true, false), v.lines().stream().map(LogView.Line::highlight).toList());
        assertNull(v.note());
        assertEquals(2, v.highlighted());
    }

    @Test
    void noFailureNoHighlight() throws Exception {
        LogView v = excerpt(100_000).read("log-1", "db", "logs/db.log", log(10, 5), List.of());
        assertEquals(0, v.highlighted());
    }

    @Test
    void bigLogKeepsHeadHighlightAndTailWithinBudget() throws Exception {
        LogView v = excerpt(8_000).read("log-1", "db", "logs/db.log", log(5_000, 2_500), List.of(FAIL));
        assertTrue(v.note().startsWith("truncated: showing "), v.note());
        assertTrue(v.note().endsWith("the full log is logs/db.log"));
        long chars = v.lines().stream().filter(l -> !l.gap()).mapToLong(l -> l.text().length() + 1).sum();
        assertTrue(chars <= 8_000, "kept " + chars);
        assertEquals(1, v.lines().get(0).number());
        assertTrue(v.lines().stream().anyMatch(l -> l.highlight() && l.number() == 2_501), "failure line kept");
        assertEquals(5_000, v.lines().get(v.lines().size() - 1).number(), "tail kept");
        assertTrue(v.lines().stream().anyMatch(l -> l.gap() && l.text().contains("lines omitted")));
    }

    @Test
    void missingLogIsANoteNotAnError() {
        LogView v = excerpt(1000).read("log-1", "db", "logs/db.log", dir.resolve("nope.log"), List.of());
        assertEquals("log file not found: logs/db.log", v.note());
        assertTrue(v.lines().isEmpty());
    }

    /** Control characters stay as they are here: report.html's writer shows them as escapes (HtmlReporterTest). */
    @Test
    void badUtf8IsReplacedAndControlCharactersAreKept() throws Exception {
        Path f = dir.resolve("db.log");
        Files.write(f, new byte[] {'a', 0x1b, '[', 'm', (byte) 0xff, 'b', '\n'});
        LogView v = excerpt(1000).read("log-1", "db", "logs/db.log", f, List.of());
        assertEquals("a\u001b[m\uFFFDb", v.lines().get(0).text());
        assertFalse(v.lines().get(0).highlight());
    }

    @Test
    void theContextAroundAHighlightDeepInABigLogIsKept() throws Exception {
        LogView v = excerpt(8_000).read("log-1", "db", "logs/db.log", log(50_000, 25_000), List.of(FAIL));
        List<Integer> shown = v.lines().stream().filter(l -> !l.gap()).map(LogView.Line::number).toList();
        for (int n = 25_001 - LogExcerpt.CONTEXT_LINES; n <= 25_001 + LogExcerpt.CONTEXT_LINES; n++) {
            assertTrue(shown.contains(n), "line " + n + " of the failure's context");
        }
        assertEquals(50_000, v.totalLines());
        assertEquals(1, v.highlighted());
        long gaps = v.lines().stream().filter(LogView.Line::gap).count();
        assertEquals(2, gaps, "after the head and after the context");
        int omitted = v.lines().stream().filter(LogView.Line::gap)
                .mapToInt(l -> Integer.parseInt(l.text().replaceAll("[^0-9]", ""))).sum();
        assertEquals(50_000, omitted + shown.size());
    }

    @Test
    void aLineOfAnyLengthCostsOnlyItsCap() throws Exception {
        Path f = dir.resolve("db.log");
        try (var out = Files.newBufferedWriter(f)) {
            out.write("first\r\n");
            for (int i = 0; i < 1000; i++) out.write("y".repeat(10_000));
            out.write("\rlast");
        }
        LogView v = excerpt(100_000).read("log-1", "db", "logs/db.log", f, List.of());
        assertEquals(List.of("first", "y".repeat(TextCap.LINE_CHARS) + " … 9998000 more characters", "last"),
                v.lines().stream().map(LogView.Line::text).toList());
        assertNull(v.note());
    }

    @Test
    void aFifoIsNotReadAtAll() throws Exception {
        Path fifo = dir.resolve("db.log");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        LogView v = excerpt(1000).read("log-1", "db", "logs/db.log", fifo, List.of());
        assertEquals("not a regular file: logs/db.log", v.note());
        assertTrue(v.lines().isEmpty());
    }
}
