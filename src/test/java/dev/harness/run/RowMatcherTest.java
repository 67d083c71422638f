package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Cell;
import dev.harness.model.Expectation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowMatcherTest {
    private static List<Cell> row(Cell... cells) {
        return List.of(cells);
    }

    private static List<String> vals(String... v) {
        return Arrays.asList(v);
    }

    private static ResultTable table(List<String> cols, List<List<String>> rows) {
        return new ResultTable(cols, rows);
    }

    @Test
    void rowsAreOrderInsensitiveByDefault() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"), Cell.string("one")), row(Cell.number("2"), Cell.nul())), null, false);
        var act = table(List.of("a", "b"), List.of(vals("2", null), vals("1", "one")));
        assertTrue(RowMatcher.compare(exp, act).matches());
    }

    @Test
    void rowsAreAMultisetDuplicatesCount() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.number("1"))), null, false);
        assertFalse(RowMatcher.compare(exp, table(List.of("a"), List.of(vals("1")))).matches());
        assertFalse(RowMatcher.compare(exp, table(List.of("a"), List.of(vals("1"), vals("1"), vals("1")))).matches());
        assertTrue(RowMatcher.compare(exp, table(List.of("a"), List.of(vals("1.0"), vals("1")))).matches());
    }

    @Test
    void theMismatchSummaryCountsRowsInWords() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("2"))), null, false);
        var c = RowMatcher.compare(exp, table(List.of("last_value"), List.of(vals("34"))));
        assertEquals("rows differ: expected 1 row, got 1 row (1 missing, 1 unexpected)", c.reason());
        var two = RowMatcher.compare(new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.number("2"))), null, false),
                table(List.of("a"), List.of()));
        assertEquals("rows differ: expected 2 rows, got 0 rows (2 missing, 0 unexpected)", two.reason());
    }

    @Test
    void orderedRowsMustComeInOrder() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.number("2"))), null, true);
        assertTrue(RowMatcher.compare(exp, table(List.of("a"), List.of(vals("1"), vals("2")))).matches());
        var c = RowMatcher.compare(exp, table(List.of("a"), List.of(vals("2"), vals("1"))));
        assertFalse(c.matches());
        assertTrue(c.diff().contains("- 1") || c.diff().contains("- 2"), c.diff());
        assertTrue(c.diff().contains("+ "), c.diff());
    }

    @Test
    void matchingDoesNotDependOnWhichTypedRowGreedyTriesFirst() {
        // BOOLEAN true matches "t" and "true"; STRING "t" only "t". A greedy match taking "t" for the boolean
        // would fail; the augmenting path re-seats it.
        var exp = new Expectation.Rows(List.of(row(Cell.bool(true)), row(Cell.string("t"))), null, false);
        assertTrue(RowMatcher.compare(exp, table(List.of("a"), List.of(vals("t"), vals("true")))).matches());
        var num = new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.string("1.0"))), null, false);
        assertTrue(RowMatcher.compare(num, table(List.of("a"), List.of(vals("1.0"), vals("1")))).matches());
    }

    @Test
    void columnsAreComparedToLabelsWhenGiven() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"))), List.of("a"), false);
        assertTrue(RowMatcher.compare(exp, table(List.of("a"), List.of(vals("1")))).matches());
        var c = RowMatcher.compare(exp, table(List.of("count"), List.of(vals("1"))));
        assertFalse(c.matches());
        assertEquals("column names differ", c.reason());
        assertEquals("- a\n+ count\n", c.diff());
    }

    @Test
    void columnsAreIgnoredWhenNotGiven() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"))), null, false);
        assertTrue(RowMatcher.compare(exp, table(List.of("whatever"), List.of(vals("1")))).matches());
    }

    @Test
    void rowWidthMustMatch() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"))), null, false);
        assertFalse(RowMatcher.compare(exp, table(List.of("a", "b"), List.of(vals("1", "2")))).matches());
    }

    @Test
    void diffShowsMissingExpectedWithMinusAndExtraActualWithPlus() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"), Cell.string("one")), row(Cell.number("3"), Cell.nul())), null, false);
        var c = RowMatcher.compare(exp, table(List.of("a", "b"), List.of(vals("1", "one"), vals("3", "three"))));
        assertFalse(c.matches());
        assertEquals("- 3 | <null>\n+ 3 | three\n", c.diff());
        assertTrue(c.reason().contains("1 missing, 1 unexpected"), c.reason());
    }

    @Test
    void emptyExpectationMatchesEmptyResult() {
        var exp = new Expectation.Rows(List.of(), null, false);
        assertTrue(RowMatcher.compare(exp, table(List.of("a"), List.of())).matches());
        assertFalse(RowMatcher.compare(exp, table(List.of("a"), List.of(vals("1")))).matches());
    }

    @Test
    void largeTablesOfEqualRowsMatchQuickly() {
        List<List<Cell>> e = new ArrayList<>();
        List<List<String>> a = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            e.add(row(Cell.number("7"), Cell.string("x")));
            a.add(vals("7.0", "x"));
        }
        assertTrue(RowMatcher.compare(new Expectation.Rows(e, null, false), table(List.of("a", "b"), a)).matches());
    }
}
