package dev.harness.report.html;

import dev.harness.report.html.ReportData.DiffLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Diff lines for the report: the executor's unified-style diff when it gave one ({@code -} expected,
 * {@code +} actual), else a line diff (longest common subsequence) of expected vs actual.
 */
public final class LineDiff {
    /** Beyond this many lines per side the LCS table gets too big; fall back to "all removed, all added". */
    static final int MAX_LINES = 2000;

    private LineDiff() {}

    public static List<DiffLine> of(String diff, String expected, String actual) {
        if (diff != null && !diff.isBlank()) return parse(diff);
        // An error with no expected rows has nothing to diff against; expected and actual are shown as they are.
        if (expected == null || actual == null) return List.of();
        return compute(lines(expected), lines(actual));
    }

    static List<DiffLine> parse(String diff) {
        List<DiffLine> out = new ArrayList<>();
        for (String line : diff.split("\r?\n", -1)) {
            if (line.startsWith("-")) out.add(new DiffLine("del", line.substring(1)));
            else if (line.startsWith("+")) out.add(new DiffLine("add", line.substring(1)));
            else if (!line.isEmpty() || !out.isEmpty()) out.add(new DiffLine("same", line.startsWith(" ") ? line.substring(1) : line));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).kind().equals("same") && out.get(out.size() - 1).text().isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static List<DiffLine> compute(List<String> a, List<String> b) {
        List<DiffLine> out = new ArrayList<>();
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            a.forEach(l -> out.add(new DiffLine("del", l)));
            b.forEach(l -> out.add(new DiffLine("add", l)));
            return out;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new DiffLine("same", a.get(i++)));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new DiffLine("del", a.get(i++)));
            } else {
                out.add(new DiffLine("add", b.get(j++)));
            }
        }
        while (i < a.size()) out.add(new DiffLine("del", a.get(i++)));
        while (j < b.size()) out.add(new DiffLine("add", b.get(j++)));
        return out;
    }

    private static List<String> lines(String s) {
        if (s == null || s.isEmpty()) return new ArrayList<>();
        return new ArrayList<>(List.of(s.stripTrailing().split("\r?\n", -1)));
    }
}
