package dev.harness.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Caps on the text a report embeds, so a result of a million rows, a 50 MB value or a statement log of any
 * length keeps junit.xml and report.html small enough to open: what is left out is counted in a marker
 * ({@code … 999800 more rows}, {@code … 12 more lines}, {@code … 52428000 more characters}). Nothing is
 * copied beyond what is kept.
 */
public final class TextCap {
    /** One line of a table, a log or a message. */
    public static final int LINE_CHARS = 2000;
    /** Expected and actual results and their diff: rows shown per text. */
    public static final int ROWS = 200;
    /** Messages and statements: lines shown per text. */
    public static final int LINES = 100;
    /** Characters per text, whatever its lines. */
    public static final int TEXT_CHARS = 32_000;
    /** Lines of a phase's statement log. */
    public static final int LOG_LINES = 300;

    private TextCap() {}

    /** Result rows (expected, actual, a diff): at most {@link #ROWS} lines. */
    public static String rows(String text) {
        return text(text, ROWS, "rows");
    }

    /** A message or a statement: at most {@link #LINES} lines. */
    public static String lines(String text) {
        return text(text, LINES, "lines");
    }

    /** A statement log: at most {@link #LOG_LINES} lines and about {@link #TEXT_CHARS} characters, each line cut at {@link #LINE_CHARS}. */
    public static List<String> log(List<String> lines) {
        if (lines == null) return List.of();
        List<String> out = new ArrayList<>(Math.min(lines.size(), LOG_LINES + 1));
        long chars = 0;
        for (String l : lines) {
            String kept = line(l);
            if (out.size() == LOG_LINES || (!out.isEmpty() && chars + kept.length() > TEXT_CHARS)) {
                out.add(more(lines.size() - out.size(), "lines"));
                return out;
            }
            out.add(kept);
            chars += kept.length() + 1;
        }
        return out;
    }

    /** One line cut at {@link #LINE_CHARS}. */
    public static String line(String text) {
        return text == null ? null : line(text, 0, text.length());
    }

    /** The first line of {@code text}, cut at {@link #LINE_CHARS}. */
    public static String firstLine(String text) {
        if (text == null) return null;
        int nl = text.indexOf('\n');
        return line(text, 0, nl < 0 ? text.length() : nl);
    }

    /**
     * At most {@code maxLines} lines and about {@link #TEXT_CHARS} characters of {@code text}, each line cut at
     * {@link #LINE_CHARS}, then a marker counting the lines left out. Text within the caps is returned as is.
     */
    static String text(String text, int maxLines, String unit) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder(Math.min(text.length(), TEXT_CHARS + 100));
        int from = 0;
        int kept = 0;
        boolean cut = false;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = line(text, from, end);
            cut |= end - from > LINE_CHARS;
            if (kept == maxLines || (kept > 0 && out.length() + line.length() > TEXT_CHARS)) {
                out.append(more(linesFrom(text, from), unit));
                if (text.endsWith("\n")) out.append('\n');
                return out.toString();
            }
            out.append(line);
            if (nl >= 0) out.append('\n');
            kept++;
            from = end + 1;
        }
        return cut ? out.toString() : text;
    }

    private static String line(String text, int from, int end) {
        if (end - from <= LINE_CHARS) return text.substring(from, end);
        return text.substring(from, from + LINE_CHARS) + " " + more(end - from - LINE_CHARS, "characters");
    }

    /** Lines from {@code from} to the end; a final line break ends the last line rather than starting one. */
    private static int linesFrom(String text, int from) {
        int n = 1;
        for (int i = text.indexOf('\n', from); i >= 0 && i < text.length() - 1; i = text.indexOf('\n', i + 1)) n++;
        return n;
    }

    /** The marker that stands for what a cap left out: {@code … 12 more lines}. */
    public static String more(long n, String unit) {
        return "… " + n + " more " + unit;
    }
}
