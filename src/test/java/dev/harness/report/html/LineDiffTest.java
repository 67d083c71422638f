package dev.harness.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.report.html.ReportData.DiffLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void usesTheExecutorsDiffWhenGiven() {
        assertEquals(List.of(new DiffLine("same", "a"), new DiffLine("del", "2"), new DiffLine("add", "1")),
                LineDiff.of(" a\n-2\n+1\n", "ignored", "ignored"));
    }

    @Test
    void computesALineDiffOtherwise() {
        assertEquals(List.of(new DiffLine("same", "h"), new DiffLine("del", "2"), new DiffLine("add", "3"), new DiffLine("same", "z")),
                LineDiff.of("", "h\n2\nz", "h\n3\nz"));
    }

    @Test
    void nothingToDiff() {
        assertEquals(List.of(), LineDiff.of(null, null, null));
        assertEquals(List.of(), LineDiff.of("", null, "FATAL: terminated"));
    }
}
