package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import java.util.List;

/**
 * The characters YAML allows in a file: no control characters other than tab and line breaks, no byte order
 * mark after the start. SnakeYAML refuses the rest too, but without a position; this points at the character.
 */
final class YamlCharacters {
    private YamlCharacters() {}

    /** Throws InvalidInput at the first character a YAML file must not contain. */
    static void check(String text, String name) {
        // Char by char: every forbidden character is in the Basic Multilingual Plane, and a surrogate half is never
        // one of them, so code points need not be assembled (this runs over every byte `import` writes).
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) continue;
            String what = forbidden(c, i);
            if (what != null) {
                throw new HarnessException.InvalidInput(List.of(new Problem(TextPosition.of(name, text, i),
                        "not a YAML text: it contains " + what + "; write such characters as escapes in a double-quoted string (\"\\x1b\")")));
            }
        }
    }

    private static String forbidden(int c, int index) {
        if (c == 0) return "a NUL character (\\x00)";
        if (c == 0xFEFF) return index == 0 ? null : "a byte order mark (U+FEFF) after the start of the file";
        if (c == '\t' || c == '\n' || c == '\r') return null;
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) return String.format("the control character \\x%02x", c);
        if (c == 0xFFFE || c == 0xFFFF) return String.format("the non-character U+%04X", c);
        return null;
    }
}
