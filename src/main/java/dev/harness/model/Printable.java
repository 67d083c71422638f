package dev.harness.model;

/**
 * Text from servers, checks, file names and paths made safe to print: a terminal (or a CI log viewer)
 * must not act on it. Control characters (ESC and with it colour, cursor and OSC title sequences, BEL, a CR
 * that overwrites the line), C1 controls, bidi overrides and isolates, line separators, lone surrogates and
 * non-characters are shown as visible escapes: {@code \x1b} for C0 controls, a six-character backslash-u escape
 * for the others (U+202E prints as backslash, {@code u202e}). Tab stays.
 */
public final class Printable {
    private Printable() {}

    /** For one-line outputs: a line break in the text becomes the visible {@code \n} as well. */
    public static String line(String text) {
        return escape(text, false);
    }

    /** For multi-line outputs: {@code \n} (and CRLF, as {@code \n}) stays a line break. */
    public static String lines(String text) {
        return escape(text, true);
    }

    /**
     * True for a character that must never reach a terminal raw (tab and {@code \n} excepted; callers decide
     * about {@code \n}). A surrogate counts as unsafe here; a caller walking text keeps well-formed pairs.
     */
    public static boolean unsafe(char c) {
        if (c < 0x20) return c != '\t';
        if (c < 0x7f) return false;
        if (c <= 0x9f) return true; // DEL and the C1 controls (0x9b is a one-byte CSI)
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || Character.isSurrogate(c) || c == 0xfffe || c == 0xffff;
    }

    /** The visible form of one unsafe character: {@code \n}, {@code \r}, {@code \x1b} below 0x20, a backslash-u escape above. */
    public static String escape(char c) {
        if (c == '\n') return "\\n";
        if (c == '\r') return "\\r";
        return c < 0x20 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) return "null";
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int len = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            boolean keep = len == 2 || (keepNewlines && c == '\n') || !unsafe(c);
            // CRLF is a line end like LF; only a lone CR could overwrite what was printed
            boolean dropped = keepNewlines && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (out == null && keep) {
                i += len - 1;
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            if (keep) out.append(text, i, i + len);
            else if (!dropped) out.append(escape(c));
            i += len - 1;
        }
        return out == null ? text : out.toString();
    }
}
