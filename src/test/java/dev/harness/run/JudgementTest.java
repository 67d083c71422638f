package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.harness.model.Cell;
import dev.harness.model.Expectation;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The assertion judgement on made-up attempts: no server, every rule of what passes and what a failure says. */
class JudgementTest {
    static final Expectation SUCCEEDS = new Expectation.Succeeds();
    static final Expectation.Fails MISSING_TABLE = new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.SQLSTATE, "42P01"));
    static final SQLException NO_TABLE = new SQLException("relation \"t\" does not exist", "42P01");
    static final SQLException DIVISION = new SQLException("division by zero", "22012");

    final Deadline plenty = Deadline.after(new FakeTicker(), Duration.ofMinutes(5));

    static Judgement.Attempt rows(List<String> columns, List<List<String>> rows) {
        return new Judgement.Attempt(new ResultTable(columns, rows), null, false);
    }

    static Judgement.Attempt failed(SQLException e) {
        return new Judgement.Attempt(null, e, false);
    }

    static Expectation.Rows expecting(List<List<Cell>> rows) {
        return new Expectation.Rows(rows, null, false);
    }

    @Test
    void aStatementThatMustSucceedPassesWithoutAnErrorAndFailsWithTheServersOwnWords() {
        assertSame(Judgement.Verdict.OK, Judgement.judge(SUCCEEDS, rows(List.of(), List.of()), plenty));
        Judgement.Verdict v = Judgement.judge(SUCCEEDS, failed(NO_TABLE), plenty);
        assertFalse(v.ok());
        assertEquals("statement failed: [42P01] relation \"t\" does not exist", v.reason());
        assertEquals("success", v.expected());
        assertEquals("[42P01] relation \"t\" does not exist", v.actual());
    }

    @Test
    void anExpectedErrorPassesOnlyWhenItMatches() {
        assertSame(Judgement.Verdict.OK, Judgement.judge(MISSING_TABLE, failed(NO_TABLE), plenty));
        Judgement.Verdict other = Judgement.judge(MISSING_TABLE, failed(DIVISION), plenty);
        assertFalse(other.ok());
        String wanted = ErrorMatcher.describe(MISSING_TABLE.match());
        assertEquals("expected " + wanted + ", got: [22012] division by zero", other.reason());
        assertEquals("- " + wanted + "\n+ [22012] division by zero\n", other.diff());
    }

    @Test
    void anExpectedErrorThatDoesNotComeIsASuccessWithItsRows() {
        Judgement.Verdict v = Judgement.judge(MISSING_TABLE, rows(List.of("a"), List.of(List.of("1"))), plenty);
        String wanted = ErrorMatcher.describe(MISSING_TABLE.match());
        assertEquals("expected " + wanted + ", but the statement succeeded", v.reason());
        assertEquals("- " + wanted + "\n+ success\n", v.diff());
        assertEquals("success\n" + TableText.actual(new ResultTable(List.of("a"), List.of(List.of("1")))), v.actual());
    }

    @Test
    void rowsPassInAnyOrderAndAMismatchCarriesTheDiff() {
        Expectation.Rows two = expecting(List.of(List.of(Cell.number("1"), Cell.string("one")), List.of(Cell.number("2"), Cell.string("two"))));
        assertSame(Judgement.Verdict.OK, Judgement.judge(two, rows(List.of("a", "b"), List.of(List.of("2", "two"), List.of("1.0", "one"))), plenty));
        Judgement.Verdict v = Judgement.judge(two, rows(List.of("a", "b"), List.of(List.of("1", "one"), List.of("2", "deux"))), plenty);
        assertFalse(v.ok());
        assertEquals("- 2 | two\n+ 2 | deux\n", v.diff());
        assertEquals(TableText.expected(null, two.rows()), v.expected());
    }

    @Test
    void aQueryThatFailsListsEveryExpectedRowAgainstTheError() {
        Expectation.Rows one = expecting(List.of(List.of(Cell.number("1"))));
        Judgement.Verdict v = Judgement.judge(one, failed(NO_TABLE), plenty);
        assertEquals("query failed: [42P01] relation \"t\" does not exist", v.reason());
        assertEquals("- 1\n+ [42P01] relation \"t\" does not exist\n", v.diff());
    }

    @Test
    void aComparisonCutOffByTheDeadlineHasNoVerdict() {
        List<List<Cell>> expected = new ArrayList<>();
        List<List<String>> actual = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            expected.add(List.of(Cell.number(Integer.toString(i))));
            actual.add(List.of(Integer.toString(i)));
        }
        Deadline passed = Deadline.after(new FakeTicker(), Duration.ZERO);
        assertNull(Judgement.judge(expecting(expected), rows(List.of("n"), actual), passed));
    }

    @Test
    void aTimeoutSaysWhatTheAttemptBeforeItSaw() {
        Judgement.Verdict first = Judgement.timedOut(Duration.ofSeconds(30), null, SUCCEEDS);
        assertEquals("timed out after 30 s", first.reason());
        assertEquals("success", first.expected());
        Judgement.Verdict before = Judgement.judge(SUCCEEDS, failed(NO_TABLE), plenty);
        Judgement.Verdict later = Judgement.timedOut(Duration.ofMillis(500), before, SUCCEEDS);
        assertEquals("timed out after 500 ms; the attempt before: " + before.reason(), later.reason());
        assertEquals(before.actual(), later.actual());
        assertEquals(before.diff(), later.diff());
    }
}
