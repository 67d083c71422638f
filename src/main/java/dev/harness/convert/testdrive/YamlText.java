package dev.harness.convert.testdrive;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the imported check as YAML text, comments included (a YAML library would drop them). Each value is written
 * in the plainest form that reads back as exactly the same text: plain when nothing in it could mean something else to
 * YAML, a literal block ({@code |}) for multi-line text that survives one, else single or double quotes.
 */
final class YamlText {
    /** Plain text that YAML 1.2 (or a 1.1 reader) would take for another type, or that starts like a number. */
    private static final Pattern NOT_PLAIN = Pattern.compile(
            "(?i)null|~|true|false|yes|no|on|off|y|n|[-+.]?[0-9].*|[-+]?\\.(inf|nan)");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    /** The first characters of every text {@link #NOT_PLAIN} matches. */
    private static final String LOOKS_TYPED = "nNtTfFyYoO~+-.0123456789";

    private final StringBuilder out = new StringBuilder();

    void line(int indent, String text) {
        indent(indent).append(text).append('\n');
    }

    private StringBuilder indent(int indent) {
        for (int i = 0; i < indent; i++) out.append(' ');
        return out;
    }

    /** Comment lines; a character that would end the line or the file's validity (a control character, U+2028) shows as an escape. */
    void comment(int indent, String text) {
        for (String l : text.split("\n", -1)) line(indent, ("# " + visible(l)).stripTrailing());
    }

    private static String visible(String line) {
        if (allPrintable(line, true)) return line;
        StringBuilder b = new StringBuilder();
        for (char c : line.toCharArray()) b.append(printable(c) || c == '\t' ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
        return b.toString();
    }

    /** {@code key: value} at {@code indent}; {@code prefix} is {@code "- "} for an entry's first key. */
    void field(int indent, String prefix, String key, Object value) {
        int keyIndent = indent + prefix.length();
        indent(indent).append(prefix).append(key).append(':');
        if (value instanceof String s && block(s)) {
            out.append(' ').append(blockHeader(s)).append('\n');
            blockBody(keyIndent + 2, s);
        } else if (key.equals("rows") && value instanceof List<?> rows && !rows.isEmpty()) {
            out.append('\n');
            for (Object row : rows) row(keyIndent + 2, (List<?>) row);
        } else {
            out.append(' ').append(value instanceof String s ? scalar(s, false) : flow(value)).append('\n');
        }
    }

    private void row(int indent, List<?> cells) {
        if (cells.stream().noneMatch(c -> c instanceof String s && block(s))) {
            line(indent, "- " + flow(cells));
            return;
        }
        String dash = "- ";
        for (Object c : cells) {
            if (c instanceof String s && block(s)) {
                line(indent, dash + "- " + blockHeader(s));
                blockBody(indent + 4, s);
            } else {
                line(indent, dash + "- " + flow(c));
            }
            dash = "  ";
        }
        if (cells.isEmpty()) line(indent, "- []");
    }

    String text() {
        return out.toString();
    }

    /** A value on one line: a scalar, {@code [a, b]} or {@code {k: v}}. */
    static String flow(Object value) {
        if (value instanceof OutItem.Scalar s) return s.text();
        if (value instanceof String s) return scalar(s, true);
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Object v : list) b.append(b.length() > 1 ? ", " : "").append(flow(v));
            return b.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) b.append(b.length() > 1 ? ", " : "").append(e.getKey()).append(": ").append(flow(e.getValue()));
            return b.append('}').toString();
        }
        throw new IllegalArgumentException("no YAML form for " + value.getClass());
    }

    /** One line of text: plain, single-quoted or double-quoted (with escapes) as its characters require. */
    static String scalar(String s, boolean inFlow) {
        if (plain(s, inFlow)) return s;
        if (allPrintable(s, false)) return "'" + s.replace("'", "''") + "'";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\0' -> b.append("\\0");
                default -> b.append(printable(c) ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b.append('"').toString();
    }

    private static boolean plain(String s, boolean inFlow) {
        if (s.isEmpty() || INDICATORS.indexOf(s.charAt(0)) >= 0 || s.endsWith(":")) return false;
        if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) return false;
        // only text starting like a number, a null or a boolean can read as one: the pattern runs on those alone
        if (LOOKS_TYPED.indexOf(s.charAt(0)) >= 0 && NOT_PLAIN.matcher(s).matches()) return false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\t' || !printable(c)) return false;
            if (c == ':' && i + 1 < n && s.charAt(i + 1) == ' ') return false;
            if (c == ' ' && i + 1 < n && s.charAt(i + 1) == '#') return false;
            // inside [..] or {..} a reader ends plain text at a flow indicator, and SnakeYAML also at '?' and ':'
            if (inFlow && ",[]{}?:".indexOf(c) >= 0) return false;
        }
        return true;
    }

    private static boolean allPrintable(String s, boolean tabs) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!printable(c) && !(tabs && c == '\t')) return false;
        }
        return true;
    }

    /** Characters a YAML file may hold as they are (no control characters, no YAML line breaks, no byte order mark). */
    private static boolean printable(int c) {
        return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && c != 0x2028 && c != 0x2029 && c != 0xfeff;
    }

    /** Multi-line text a literal block keeps exactly: printable lines, the first not indented, no line of spaces only. */
    static boolean block(String s) {
        if (!s.contains("\n") || s.isBlank() || s.startsWith(" ") || s.startsWith("\n")) return false;
        for (String l : s.split("\n", -1)) {
            if (!l.isEmpty() && l.isBlank()) return false;
            if (l.indexOf('\t') >= 0 || !allPrintable(l, false)) return false;
        }
        return true;
    }

    private static String blockHeader(String s) {
        if (!s.endsWith("\n")) return "|-";
        return s.endsWith("\n\n") ? "|+" : "|";
    }

    private void blockBody(int indent, String s) {
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        for (String l : body.split("\n", -1)) {
            if (l.isEmpty()) out.append('\n');
            else line(indent, l);
        }
    }
}
