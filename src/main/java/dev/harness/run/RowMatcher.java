package dev.harness.run;

import dev.harness.model.Cell;
import dev.harness.model.Expectation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares expected rows with a result: as a multiset unless {@code ordered}, and the column labels when
 * {@code columns} is given. Because typed matching is not an equivalence (the string "1.0" and the number 1
 * both match the value {@code 1.0}, but not each other), the unordered comparison is a bipartite matching:
 * rows are bucketed by a key every matching pair shares, then matched exactly inside each bucket with
 * augmenting paths, so the answer does not depend on row order.
 */
final class RowMatcher {
    private RowMatcher() {}

    /** The outcome: {@code diff} lists {@code -} expected rows that are missing and {@code +} actual rows that are extra. */
    record Comparison(boolean matches, String reason, String diff) {}

    /** @throws Deadline.Exceeded when the deadline passes before the comparison is done */
    static Comparison compare(Expectation.Rows expected, ResultTable actual, Deadline deadline) {
        Meter meter = new Meter(deadline);
        if (expected.columns() != null && !expected.columns().equals(actual.columns())) {
            String diff = "- " + String.join(" | ", expected.columns()) + "\n+ " + String.join(" | ", actual.columns()) + "\n";
            return new Comparison(false, "column names differ", diff);
        }
        return expected.ordered() ? ordered(expected.rows(), actual.rows(), meter) : unordered(expected.rows(), actual.rows(), meter);
    }

    /**
     * Counts row comparisons and reads the clock every 1024 of them (a read per pair would cost more than the
     * pair): matching is quadratic at worst, and the statement's budget bounds it.
     */
    private static final class Meter {
        private final Deadline deadline;
        private int count;

        Meter(Deadline deadline) {
            this.deadline = deadline;
        }

        void tick() {
            if ((++count & 1023) == 0) deadline.check();
        }
    }

    private static boolean rowMatches(List<Cell> expected, List<String> actual, Meter meter) {
        meter.tick();
        if (expected.size() != actual.size()) return false;
        for (int i = 0; i < expected.size(); i++) {
            if (!ValueComparator.matches(expected.get(i), actual.get(i))) return false;
        }
        return true;
    }

    private static Comparison unordered(List<List<Cell>> expected, List<List<String>> actual, Meter meter) {
        Map<String, List<Integer>> expectedByKey = new LinkedHashMap<>();
        for (int i = 0; i < expected.size(); i++) expectedByKey.computeIfAbsent(keyOfCells(expected.get(i)), k -> new ArrayList<>()).add(i);
        Map<String, List<Integer>> actualByKey = new HashMap<>();
        for (int j = 0; j < actual.size(); j++) actualByKey.computeIfAbsent(keyOfValues(actual.get(j)), k -> new ArrayList<>()).add(j);

        int[] matchOfActual = new int[actual.size()];
        java.util.Arrays.fill(matchOfActual, -1);
        boolean[] expectedMatched = new boolean[expected.size()];
        for (Map.Entry<String, List<Integer>> bucket : expectedByKey.entrySet()) {
            List<Integer> candidates = actualByKey.getOrDefault(bucket.getKey(), List.of());
            // Greedy first over the still-free rows (linear for the common case of equal rows), then
            // augmenting paths only for the rows greedy could not seat.
            List<Integer> free = new java.util.LinkedList<>(candidates);
            List<Integer> unseated = new ArrayList<>();
            for (int e : bucket.getValue()) {
                boolean seated = false;
                for (var it = free.iterator(); it.hasNext(); ) {
                    int j = it.next();
                    if (rowMatches(expected.get(e), actual.get(j), meter)) {
                        it.remove();
                        matchOfActual[j] = e;
                        seated = true;
                        break;
                    }
                }
                expectedMatched[e] = seated;
                if (!seated) unseated.add(e);
            }
            for (int e : unseated) {
                expectedMatched[e] = augment(e, expected, actual, candidates, matchOfActual, new HashMap<>(), meter);
            }
        }
        StringBuilder diff = new StringBuilder();
        RowsDifference difference = new RowsDifference();
        for (int i = 0; i < expected.size(); i++) {
            if (!expectedMatched[i]) {
                difference.missing(TableText.values(expected.get(i)));
                diff.append("- ").append(TableText.rowOfCells(expected.get(i))).append('\n');
            }
        }
        for (int j = 0; j < actual.size(); j++) {
            if (matchOfActual[j] < 0) {
                difference.unexpected(actual.get(j));
                diff.append("+ ").append(TableText.row(actual.get(j))).append('\n');
            }
        }
        if (difference.none()) return new Comparison(true, null, "");
        return new Comparison(false, difference.sentence("rows"), diff.toString());
    }

    /** Kuhn's augmenting path: finds an actual row for expected row {@code e}, re-seating earlier matches if needed. */
    private static boolean augment(int e, List<List<Cell>> expected, List<List<String>> actual, List<Integer> candidates,
                                   int[] matchOfActual, Map<Integer, Boolean> visited, Meter meter) {
        for (int j : candidates) {
            if (visited.containsKey(j) || !rowMatches(expected.get(e), actual.get(j), meter)) continue;
            visited.put(j, true);
            if (matchOfActual[j] < 0 || augment(matchOfActual[j], expected, actual, candidates, matchOfActual, visited, meter)) {
                matchOfActual[j] = e;
                return true;
            }
        }
        return false;
    }

    /** Longest common subsequence of matching rows; the rest is the diff, in order. */
    private static Comparison ordered(List<List<Cell>> expected, List<List<String>> actual, Meter meter) {
        int n = expected.size();
        int m = actual.size();
        if ((long) n * m > 4_000_000L) return positional(expected, actual, meter);
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = rowMatches(expected.get(i), actual.get(j), meter) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        if (lcs[0][0] == n && n == m) return new Comparison(true, null, "");
        StringBuilder diff = new StringBuilder();
        int i = 0;
        int j = 0;
        RowsDifference difference = new RowsDifference();
        while (i < n || j < m) {
            if (i < n && j < m && rowMatches(expected.get(i), actual.get(j), meter) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                diff.append("  ").append(TableText.row(actual.get(j))).append('\n');
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                difference.unexpected(actual.get(j));
                diff.append("+ ").append(TableText.row(actual.get(j++))).append('\n');
            } else {
                difference.missing(TableText.values(expected.get(i)));
                diff.append("- ").append(TableText.rowOfCells(expected.get(i++))).append('\n');
            }
        }
        return new Comparison(false, difference.sentence("ordered rows"), diff.toString());
    }

    private static Comparison positional(List<List<Cell>> expected, List<List<String>> actual, Meter meter) {
        StringBuilder diff = new StringBuilder();
        RowsDifference difference = new RowsDifference();
        int bad = 0;
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            boolean hasE = i < expected.size();
            boolean hasA = i < actual.size();
            if (hasE && hasA && rowMatches(expected.get(i), actual.get(i), meter)) continue;
            bad++;
            if (hasE) {
                difference.missing(TableText.values(expected.get(i)));
                diff.append("- ").append(TableText.rowOfCells(expected.get(i))).append('\n');
            }
            if (hasA) {
                difference.unexpected(actual.get(i));
                diff.append("+ ").append(TableText.row(actual.get(i))).append('\n');
            }
        }
        if (bad == 0) return new Comparison(true, null, "");
        return new Comparison(false, difference.sentence("ordered rows") + " (at " + bad + " positions)", diff.toString());
    }

    private static String keyOfCells(List<Cell> row) {
        StringBuilder sb = new StringBuilder().append(row.size());
        for (Cell c : row) sb.append('\u0001').append(ValueComparator.looseKey(c));
        return sb.toString();
    }

    private static String keyOfValues(List<String> row) {
        StringBuilder sb = new StringBuilder().append(row.size());
        for (String v : row) sb.append('\u0001').append(ValueComparator.looseKey(v));
        return sb.toString();
    }
}
