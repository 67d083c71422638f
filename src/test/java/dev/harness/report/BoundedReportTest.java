package dev.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.report.html.HtmlReporter;
import dev.harness.report.junit.JUnitXmlReporter;
import dev.harness.report.junit.JUnitXmlReporterTest;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB server log, a one-line 20 MB log, 1,000,000 actual rows and a 50 MB value: the reports stay small,
 * carry the markers of what they left out, and are written by a JVM with a 256 MB heap (the inputs alone take
 * about 100 MB of it; reading the log whole, as before, does not fit).
 */
class BoundedReportTest {
    private static final long LOG_BYTES = 200L * 1024 * 1024;
    private static final String FAILURE_LINE = "ERROR:  the line of the failure, in the middle of 200 MB";

    @TempDir
    Path dir;

    @Test
    void hugeLogsAndResultsKeepTheReportsSmallInASmallHeap() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        writeBigLog(logs.resolve("db_2.log"));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(logs.resolve("db_1.log")))) {
            byte[] x = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) out.write(x); // one line, no line break
        }
        Path console = dir.resolveSibling(dir.getFileName() + "-child.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), HugeResultReportsMain.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the reporter finishes");
            assertEquals(0, child.exitValue(), Files.readString(console));
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(console);
        }

        long htmlBytes = Files.size(dir.resolve(HtmlReporter.FILE));
        assertTrue(htmlBytes < 3_000_000, "report.html has " + htmlBytes + " bytes");
        String html = Files.readString(dir.resolve(HtmlReporter.FILE));
        assertMarkers(html);
        assertTrue(html.contains("lines omitted"), "the log's gaps are marked");
        assertTrue(html.contains("truncated: showing"), "the log's note");
        assertTrue(html.contains(FAILURE_LINE), "the highlight in the middle of the log is kept");
        assertTrue(html.contains(TextCap.more(20L * 1024 * 1024 - TextCap.LINE_CHARS, "characters")), "the one-line log is cut");

        long xmlBytes = Files.size(dir.resolve(JUnitXmlReporter.FILE));
        assertTrue(xmlBytes < 1_000_000, "junit.xml has " + xmlBytes + " bytes");
        String xml = Files.readString(dir.resolve(JUnitXmlReporter.FILE));
        JUnitXmlReporterTest.parse(xml);
        assertMarkers(xml);
    }

    private static void assertMarkers(String report) {
        // the table's header and 198 of its 1,000,000 rows are shown
        assertTrue(report.contains("… 999802 more rows"), "actual rows");
        assertTrue(report.contains("… 999800 more rows"), "diff lines");
        assertTrue(report.contains(TextCap.more(HugeResultReportsMain.VALUE_CHARS - TextCap.LINE_CHARS, "characters")), "the 50 MB value");
        assertTrue(report.contains("… 99701 more lines"), "the statement log");
    }

    /** 200 MB of stamped lines an hour before the run, and at the middle one stamped at validate #2's failure. */
    private static void writeBigLog(Path file) throws Exception {
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (int i = 0; chunk.length() < (1 << 20) - 200; i++) {
            chunk.append(RunFixtures.pg(RunFixtures.T0.minusSeconds(3600), 100, "LOG:  checkpoint complete: wrote " + i + " buffers")).append('\n');
        }
        byte[] filler = chunk.toString().getBytes(StandardCharsets.UTF_8);
        byte[] failure = (RunFixtures.pg(RunFixtures.stepEnd(11).minusMillis(200), 230, FAILURE_LINE) + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            long written = 0;
            boolean middle = false;
            while (written < LOG_BYTES) {
                if (!middle && written >= LOG_BYTES / 2) {
                    out.write(failure);
                    middle = true;
                }
                out.write(filler);
                written += filler.length;
            }
        }
    }
}
