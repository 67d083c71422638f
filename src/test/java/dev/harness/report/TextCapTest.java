package dev.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextCapTest {
    private static String rows(int n, boolean finalBreak) {
        StringBuilder sb = new StringBuilder("a | b\n-----\n");
        for (int i = 0; i < n; i++) sb.append(i).append(" | x").append(i < n - 1 || finalBreak ? "\n" : "");
        return sb.toString();
    }

    @Test
    void textWithinTheCapsIsReturnedAsItIs() {
        String s = rows(TextCap.ROWS - 2, true);
        assertSame(s, TextCap.rows(s));
        String two = "one\ntwo";
        assertSame(two, TextCap.lines(two));
        assertNull(TextCap.rows(null));
    }

    @Test
    void aMillionRowsKeepTheFirstRowsAndCountTheRest() {
        String capped = TextCap.rows(rows(1_000_000, true));
        List<String> lines = capped.lines().toList();
        assertEquals(TextCap.ROWS + 1, lines.size());
        assertEquals("a | b", lines.get(0));
        assertEquals("197 | x", lines.get(TextCap.ROWS - 1));
        assertEquals("… 999802 more rows", lines.get(TextCap.ROWS));
        assertTrue(capped.endsWith("rows\n"), "a final line break stays a final line break");
        assertTrue(TextCap.rows(rows(1_000_000, false)).endsWith("… 999802 more rows"));
    }

    @Test
    void aLongValueIsCutAndCounted() {
        String value = "v".repeat(5_000_000);
        assertEquals("v".repeat(TextCap.LINE_CHARS) + " … 4998000 more characters", TextCap.rows(value));
        assertEquals("x | " + "v".repeat(TextCap.LINE_CHARS - 4) + " … 4998004 more characters", TextCap.firstLine("x | " + value + "\nnext"));
    }

    @Test
    void manyLongLinesStopAtTheCharacterBudget() {
        String line = "w".repeat(TextCap.LINE_CHARS);
        String capped = TextCap.lines((line + "\n").repeat(50));
        assertTrue(capped.length() <= TextCap.TEXT_CHARS + 100, "kept " + capped.length());
        int kept = TextCap.TEXT_CHARS / (TextCap.LINE_CHARS + 1);
        assertTrue(capped.endsWith("… " + (50 - kept) + " more lines\n"), capped.substring(capped.length() - 40));
    }

    @Test
    void statementLogsKeepTheirFirstLines() {
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) log.add("SELECT " + i + ": ok");
        log.set(1, "z".repeat(3 * TextCap.LINE_CHARS));
        List<String> capped = TextCap.log(log);
        assertEquals(TextCap.LOG_LINES + 1, capped.size());
        assertEquals("z".repeat(TextCap.LINE_CHARS) + " … 4000 more characters", capped.get(1));
        assertEquals("… " + (100_000 - TextCap.LOG_LINES) + " more lines", capped.get(TextCap.LOG_LINES));
        assertEquals(List.of("a", "b"), TextCap.log(List.of("a", "b")));
        assertEquals(List.of(), TextCap.log(null));
    }
}
