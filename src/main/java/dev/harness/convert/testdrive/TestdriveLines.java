package dev.harness.convert.testdrive;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A testdrive file as testdrive's line reader sees it: blank lines dropped, and the lines after a command indented
 * by two spaces folded into it. After a SQL command ({@code >}, {@code !}, {@code ?}) the newline is kept and the
 * two spaces dropped, so a statement can span lines; after a builtin ({@code $}) the newline and one space are
 * dropped, so its arguments stay on one line. The raw lines are kept too: a {@code ?} block reads them as they are.
 */
final class TestdriveLines {
    /** One logical line: its text and the physical lines (1-based, inclusive) it was read from. */
    record Line(String text, int first, int last) {}

    private final String file;
    private final List<String> raw;
    private final List<Line> lines;

    TestdriveLines(String file, String text) {
        this.file = file;
        this.raw = List.of(text.split("\n", -1));
        this.lines = fold(raw);
    }

    String file() {
        return file;
    }

    List<Line> lines() {
        return lines;
    }

    /** The physical line {@code number} (1-based) as written. */
    String raw(int number) {
        return raw.get(number - 1);
    }

    int rawCount() {
        return raw.size();
    }

    HarnessException.InvalidInput error(int line, int column, String message) {
        return new HarnessException.InvalidInput(List.of(new Problem(SourceRef.of(file, line, column), message)));
    }

    static boolean isSqlSigil(char c) {
        return c == '>' || c == '!' || c == '?';
    }

    static boolean isSigil(String line) {
        return !line.isEmpty() && (isSqlSigil(line.charAt(0)) || line.charAt(0) == '$');
    }

    private static List<Line> fold(List<String> raw) {
        List<Line> out = new ArrayList<>();
        int i = 0;
        while (i < raw.size()) {
            String line = raw.get(i);
            if (line.isBlank()) {
                i++;
                continue;
            }
            char first = line.charAt(0);
            boolean sql = isSqlSigil(first);
            boolean builtin = first == '$';
            StringBuilder text = new StringBuilder(line);
            int last = i;
            while ((sql || builtin) && last + 1 < raw.size() && raw.get(last + 1).startsWith("  ")) {
                last++;
                // testdrive: SQL keeps the newline and drops both spaces; a builtin drops the newline and one space
                text.append(sql ? "\n" + raw.get(last).substring(2) : raw.get(last).substring(1));
            }
            out.add(new Line(text.toString(), i + 1, last + 1));
            i = last + 1;
        }
        return List.copyOf(out);
    }
}
