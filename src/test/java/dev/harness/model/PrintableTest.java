package dev.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void escapeSequencesTitlesBellsAndCarriageReturnsBecomeVisible() {
        assertEquals("\\x1b]0;pwned\\x07 \\x1b[2J\\x1b[31mred\\x1b[0m over\\rwrite", Printable.line("\u001b]0;pwned\u0007 \u001b[2J\u001b[31mred\u001b[0m over\rwrite"));
    }

    @Test
    void c1ControlsBidiOverridesAndIsolatesBecomeVisible() {
        assertEquals("\\u009b31m \\u0085 \\u202etxt.exe\\u202c \\u2066a\\u2069 \\u200f \\u2028", Printable.line("\u009b31m \u0085 \u202etxt.exe\u202c \u2066a\u2069 \u200f \u2028"));
    }

    @Test
    void oneLineOutputsShowLineBreaksMultiLineOutputsKeepThem() {
        assertEquals("first\\nsecond\\r\\nthird", Printable.line("first\nsecond\r\nthird"));
        assertEquals("first\nsecond\nthird \\r end", Printable.lines("first\nsecond\r\nthird \r end"));
    }

    @Test
    void loneSurrogatesAndNonCharactersBecomeVisiblePairsStay() {
        assertEquals("a\\ud800b\\udc00c😀\\ufffe\\uffff", Printable.line("a\uD800b\uDC00c😀\uFFFE\uFFFF"));
        assertEquals("end\\ud83d", Printable.line("end\uD83D"));
    }

    @Test
    void safeTextIsReturnedAsItIs() {
        String s = "tab\tkeeps: é, 日本, 😀, \\x1b stays two characters";
        assertSame(s, Printable.line(s));
        assertSame(s, Printable.lines(s));
        assertEquals("null", Printable.line(null));
    }
}
