package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Cell;
import dev.harness.model.Expectation;
import java.time.Duration;
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

    /** A comparison with time enough: the virtual clock does not move while it runs. */
    private static RowMatcher.Comparison compare(Expectation.Rows expected, ResultTable actual) {
        return RowMatcher.compare(expected, actual, Deadline.after(new FakeTicker(), Duration.ofSeconds(1)));
    }

    @Test
    void aComparisonThatOutrunsItsBudgetStopsAtTheDeadline() {
        // The string "1.0" and the value 1 share a bucket but never match: greedy matching and augmenting paths are
        // quadratic here (4e8 row pairs), far beyond any budget.
        List<List<Cell>> expected = new ArrayList<>();
        List<List<String>> actual = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add(row(Cell.string("1.0")));
            actual.add(vals("1"));
        }
        var exp = new Expectation.Rows(expected, null, false);
        Deadline deadline = Deadline.after(new FakeTicker().advancingOnRead(1_000_000L), Duration.ofSeconds(1)); // 1 ms per clock read
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThrows(Deadline.Exceeded.class, () -> RowMatcher.compare(exp, table(List.of("a"), actual), deadline));
        }, "the comparison ignored its deadline");
    }

    @Test
    void numbersWithHugeExponentsAreMatchedWithoutWritingOutTheirDigits() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1e2000000000")), row(Cell.number("-2.50e-2000000000"))), null, false);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertTrue(compare(exp, table(List.of("a"), List.of(vals("-25e-2000000001"), vals("10e1999999999")))).matches());
            var c = compare(exp, table(List.of("a"), List.of(vals("1"), vals("1e2000000000"))));
            assertFalse(c.matches());
            assertEquals("- -2.50e-2000000000\n+ 1\n", c.diff());
        });
    }

    @Test
    void rowsAreOrderInsensitiveByDefault() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"), Cell.string("one")), row(Cell.number("2"), Cell.nul())), null, false);
        var act = table(List.of("a", "b"), List.of(vals("2", null), vals("1", "one")));
        assertTrue(compare(exp, act).matches());
    }

    @Test
    void rowsAreAMultisetDuplicatesCount() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.number("1"))), null, false);
        assertFalse(compare(exp, table(List.of("a"), List.of(vals("1")))).matches());
        assertFalse(compare(exp, table(List.of("a"), List.of(vals("1"), vals("1"), vals("1")))).matches());
        assertTrue(compare(exp, table(List.of("a"), List.of(vals("1.0"), vals("1")))).matches());
    }

    @Test
    void theMismatchSummaryNamesTheFirstMissingAndTheFirstUnexpectedRow() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"), Cell.string("one")), row(Cell.number("2"), Cell.string("deux")),
                row(Cell.number("3"), Cell.string("three"))), null, false);
        var c = compare(exp, table(List.of("id", "name"), List.of(vals("1", "one"), vals("2", "two"), vals("3", "drei"))));
        assertEquals("rows differ: missing [2, deux], unexpected [2, two]; 2 more", c.reason());
        var one = compare(new Expectation.Rows(List.of(row(Cell.number("2"))), null, false), table(List.of("a"), List.of(vals("34"))));
        assertEquals("rows differ: missing [2], unexpected [34]", one.reason());
        var none = compare(new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.string(""))), null, false),
                table(List.of("a"), List.of()));
        assertEquals("rows differ: missing [1]; 1 more", none.reason());
        var nulls = compare(new Expectation.Rows(List.of(), null, false), table(List.of("a", "b"), List.of(vals(null, "x\ny"))));
        assertEquals("rows differ: unexpected [<null>, x\\ny]", nulls.reason());
        var ordered = compare(new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.number("2"))), null, true),
                table(List.of("a"), List.of(vals("1"), vals("3"))));
        assertEquals("ordered rows differ: missing [2], unexpected [3]", ordered.reason());
    }

    @Test
    void aLongRowIsCutInTheSummaryNotInTheDiff() {
        String wide = "x".repeat(RowsDifference.ROW_CHARS + 50);
        var c = compare(new Expectation.Rows(List.of(), null, false), table(List.of("a"), List.of(vals(wide))));
        assertEquals("rows differ: unexpected [" + "x".repeat(RowsDifference.ROW_CHARS) + "…]", c.reason());
        assertTrue(c.diff().contains(wide));
    }

    @Test
    void orderedRowsMustComeInOrder() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.number("2"))), null, true);
        assertTrue(compare(exp, table(List.of("a"), List.of(vals("1"), vals("2")))).matches());
        var c = compare(exp, table(List.of("a"), List.of(vals("2"), vals("1"))));
        assertFalse(c.matches());
        assertTrue(c.diff().contains("- 1") || c.diff().contains("- 2"), c.diff());
        assertTrue(c.diff().contains("+ "), c.diff());
    }

    @Test
    void matchingDoesNotDependOnWhichTypedRowGreedyTriesFirst() {
        // BOOLEAN true matches "t" and "true"; STRING "t" only "t". A greedy match taking "t" for the boolean
        // would fail; the augmenting path re-seats it.
        var exp = new Expectation.Rows(List.of(row(Cell.bool(true)), row(Cell.string("t"))), null, false);
        assertTrue(compare(exp, table(List.of("a"), List.of(vals("t"), vals("true")))).matches());
        var num = new Expectation.Rows(List.of(row(Cell.number("1")), row(Cell.string("1.0"))), null, false);
        assertTrue(compare(num, table(List.of("a"), List.of(vals("1.0"), vals("1")))).matches());
    }

    @Test
    void columnsAreComparedToLabelsWhenGiven() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"))), List.of("a"), false);
        assertTrue(compare(exp, table(List.of("a"), List.of(vals("1")))).matches());
        var c = compare(exp, table(List.of("count"), List.of(vals("1"))));
        assertFalse(c.matches());
        assertEquals("column names differ", c.reason());
        assertEquals("- a\n+ count\n", c.diff());
    }

    @Test
    void columnsAreIgnoredWhenNotGiven() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"))), null, false);
        assertTrue(compare(exp, table(List.of("whatever"), List.of(vals("1")))).matches());
    }

    @Test
    void rowWidthMustMatch() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"))), null, false);
        assertFalse(compare(exp, table(List.of("a", "b"), List.of(vals("1", "2")))).matches());
    }

    @Test
    void diffShowsMissingExpectedWithMinusAndExtraActualWithPlus() {
        var exp = new Expectation.Rows(List.of(row(Cell.number("1"), Cell.string("one")), row(Cell.number("3"), Cell.nul())), null, false);
        var c = compare(exp, table(List.of("a", "b"), List.of(vals("1", "one"), vals("3", "three"))));
        assertFalse(c.matches());
        assertEquals("- 3 | <null>\n+ 3 | three\n", c.diff());
        assertEquals("rows differ: missing [3, <null>], unexpected [3, three]", c.reason());
    }

    @Test
    void emptyExpectationMatchesEmptyResult() {
        var exp = new Expectation.Rows(List.of(), null, false);
        assertTrue(compare(exp, table(List.of("a"), List.of())).matches());
        assertFalse(compare(exp, table(List.of("a"), List.of(vals("1")))).matches());
    }

    @Test
    void largeTablesOfEqualRowsMatchQuickly() {
        List<List<Cell>> e = new ArrayList<>();
        List<List<String>> a = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            e.add(row(Cell.number("7"), Cell.string("x")));
            a.add(vals("7.0", "x"));
        }
        assertTrue(compare(new Expectation.Rows(e, null, false), table(List.of("a", "b"), a)).matches());
    }
}
