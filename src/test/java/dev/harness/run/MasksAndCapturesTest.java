package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Guard;
import dev.harness.model.Mask;
import dev.harness.model.PhaseItem;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Masks (testdrive's {@code $ set-regex}: "applied to every actual value before comparison", and to the error message) and
 * captures (testdrive's {@code $ set-from-sql}: "SQL returning one row/one string column"), judged on made-up attempts.
 */
class MasksAndCapturesTest {
    private static final SourceRef AT = SourceRef.of("c.yaml", 3, 5);
    private final Deadline plenty = Deadline.after(new FakeTicker(), Duration.ofMinutes(5));

    private static Mask mask(String regex, String replace) {
        return new Mask(regex, replace, AT);
    }

    private static Masks masks(Mask... masks) {
        return Masks.of(List.of(masks), java.util.Arrays.stream(masks).map(Mask::replace).toList());
    }

    @Test
    void masksApplyInOrderToEveryActualValueButNotToNullOrColumnNames() {
        Masks m = masks(mask("pid [0-9]+", "pid <n>"), mask("<n>", "N"));
        ResultTable masked = m.apply(new ResultTable(List.of("pid 7"), List.of(List.of("pid 42"), java.util.Arrays.asList((String) null))));
        assertEquals(List.of("pid 7"), masked.columns());
        assertEquals(List.of(List.of("pid N"), java.util.Arrays.asList((String) null)), masked.rows());
    }

    @Test
    void rowsAreComparedMaskedAndAFailureShowsTheMaskedValuesAndSaysSo() {
        Expectation.Rows expect = new Expectation.Rows(List.of(List.of(Cell.string("backend <pid>"))), null, false);
        Judgement.Attempt attempt = JudgementTest.rows(List.of("b"), List.of(List.of("backend 4711")));
        assertSame(Judgement.Verdict.OK, Judgement.judge(expect, attempt, plenty, masks(mask("[0-9]+", "<pid>"))));
        assertFalse(Judgement.judge(expect, attempt, plenty, Masks.NONE).ok(), "without the mask the value differs");

        Judgement.Verdict v = Judgement.judge(expect, attempt, plenty, masks(mask("[0-9]+", "<n>")));
        assertFalse(v.ok());
        assertTrue(v.actual().contains("backend <n>") && !v.actual().contains("4711"), v.actual());
        assertTrue(v.reason().endsWith("(actual values masked: /[0-9]+/ -> '<n>')"), v.reason());
    }

    @Test
    void theErrorMessageIsMaskedBeforeItIsMatched() {
        Expectation.Fails exact = new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.EXACT, "relation \"t_<id>\" does not exist"));
        SQLException e = new SQLException("relation \"t_93\" does not exist", "42P01");
        assertSame(Judgement.Verdict.OK, Judgement.judge(exact, JudgementTest.failed(e), plenty, masks(mask("t_[0-9]+", "t_<id>"))));
        Judgement.Verdict v = Judgement.judge(exact, JudgementTest.failed(e), plenty, masks(mask("t_9", "t_X")));
        assertEquals("[42P01] relation \"t_X3\" does not exist", v.actual());
    }

    @Test
    void aCaptureNeedsExactlyOneRowOfOneNonNullValue() {
        assertSame(Judgement.Verdict.OK, Judgement.capture("pid", JudgementTest.rows(List.of("pid"), List.of(List.of("42")))));
        assertEquals("capture pid needs exactly one row of one column, got 2 rows of 1 column",
                Judgement.capture("pid", JudgementTest.rows(List.of("pid"), List.of(List.of("1"), List.of("2")))).reason());
        assertEquals("capture pid needs exactly one row of one column, got 1 row of 2 columns",
                Judgement.capture("pid", JudgementTest.rows(List.of("a", "b"), List.of(List.of("1", "2")))).reason());
        assertEquals("capture pid needs exactly one row of one column, got 0 rows of 1 column",
                Judgement.capture("pid", JudgementTest.rows(List.of("pid"), List.of())).reason());
        assertEquals("capture pid got NULL; a variable holds text",
                Judgement.capture("pid", JudgementTest.rows(List.of("pid"), List.of(java.util.Arrays.asList((String) null)))).reason());
        assertTrue(Judgement.capture("pid", JudgementTest.failed(JudgementTest.NO_TABLE)).reason().startsWith("query failed: [42P01]"));
    }

    private static Statement capture(String sql, String name, List<Guard> when) {
        return new Statement(sql, new Expectation.Rows(List.of(), null, false), null, false, null, when, AT, null, name, null);
    }

    private static Check check(List<PhaseItem> initialize, List<PhaseItem> validate, Map<String, String> vars, List<Mask> masks) {
        return new Check("c", null, List.of(), null, null, null, true, true, initialize, List.of(), List.of(), validate, AT, List.of(), vars,
                masks, null);
    }

    @Test
    void aStatementIsResolvedWithTheRunsTheChecksAndTheCapturedValues() throws Exception {
        Statement use = new Statement("SELECT '${t0}', ${n}, '${check}', '${mode}'", new Expectation.Rows(
                List.of(List.of(Cell.string("${t0}"), Cell.number("1"))), null, false), null, false, null, AT);
        Check c = check(List.of(capture("SELECT 1", "t0", List.of())), List.of(use), Map.of("n", "7"), List.of());
        Map<String, String> captured = new HashMap<>();
        CheckVariables first = new CheckVariables(c, Map.of("mode", "fast"), captured);
        first.capture("t0", "12:00");
        assertEquals(Map.of("t0", "12:00"), first.capturedInThisPhase());
        // a later phase (after a restart or an upgrade) sees the value the run kept
        CheckVariables later = new CheckVariables(c, Map.of("mode", "fast"), captured);
        Statement resolved = later.resolve(use);
        assertEquals("SELECT '12:00', 7, 'c', 'fast'", resolved.sql());
        assertEquals(List.of(List.of(Cell.string("12:00"), Cell.number("1"))), ((Expectation.Rows) resolved.expect()).rows());
        assertEquals(Map.of(), later.capturedInThisPhase());
    }

    @Test
    void aCaptureItsGuardSkippedFailsTheStatementThatUsesItInsteadOfSendingTheName() {
        Statement use = new Statement("SELECT '${t0}'", new Expectation.Succeeds(), null, false, null, SourceRef.of("c.yaml", 9, 5));
        Check c = check(List.of(capture("SELECT 1", "t0", List.of())), List.of(use), Map.of(), List.of());
        CheckVariables vars = new CheckVariables(c, Map.of(), new HashMap<>());
        CheckVariables.Unresolved e = assertThrows(CheckVariables.Unresolved.class, () -> vars.resolve(use));
        assertEquals("${t0} has no value: the statement that captures it (c.yaml:3) has not run in this run, or its guard skipped it",
                e.getMessage());
    }

    @Test
    void maskReplacementsTakeVariablesLiterallyAndTheCheckMasksComeFirst() throws Exception {
        Check c = check(List.of(), List.of(), Map.of("id", "$1"), List.of(mask("a+", "${id}")));
        Masks m = new CheckVariables(c, Map.of(), new HashMap<>()).masks(List.of(mask("\\$1", "one"), mask("(b)", "[$1]")));
        assertEquals("one [b]", m.apply("aaa b"), "check mask '$1' inserted as text, then the phase's masks; a written $1 is a group");
    }

    @Test
    void anErrorRegexMadeInvalidByItsValuesFailsTheStatementClearly() {
        Statement s = new Statement("SELECT 1", new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.REGEX, "${r}")),
                null, false, null, AT);
        Check c = check(List.of(s), List.of(), Map.of("r", "(unclosed"), List.of());
        var e = assertThrows(CheckVariables.Unresolved.class, () -> new CheckVariables(c, Map.of(), new HashMap<>()).resolve(s));
        assertTrue(e.getMessage().startsWith("error regex /(unclosed/ (after substitution) is not a valid regular expression"), e.getMessage());
    }
}
