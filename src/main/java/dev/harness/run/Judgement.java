package dev.harness.run;

import dev.harness.model.Durations;
import dev.harness.model.Expectation;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Whether one attempt of a statement met its expectation, and if not, what to tell the reader: expected and
 * actual text and a diff. Pure: no server, no clock but the deadline a long comparison is cut off at, so every
 * rule is tested on made-up attempts. Running and retrying the attempts is {@link StatementRunner}'s.
 */
final class Judgement {
    private Judgement() {}

    /** One try: a result, the server's error, or neither because it was cancelled at the deadline. */
    record Attempt(ResultTable result, SQLException error, boolean timedOut) {}

    /** What was wrong with an attempt: null fields of a passing verdict are unused. */
    record Verdict(boolean ok, String reason, String expected, String actual, String diff) {
        static final Verdict OK = new Verdict(true, null, null, null, null);
    }

    /** The failure of a statement whose budget ran out; what the attempt before it saw, when there was one. */
    static Verdict timedOut(Duration budget, Verdict before, Expectation expect) {
        String reason = "timed out after " + spoken(budget);
        if (before == null) return new Verdict(false, reason, expected(expect), reason, "");
        return new Verdict(false, reason + "; the attempt before: " + before.reason(), before.expected(), before.actual(), before.diff());
    }

    /** {@code 30 s}, {@code 500 ms}, {@code 5 m}: the YAML form with a space. */
    static String spoken(Duration d) {
        return Durations.format(d).replaceFirst("^(\\d+)", "$1 ");
    }

    private static String expected(Expectation expect) {
        return expect.accept(new Expectation.Visitor<String>() {
            @Override
            public String succeeds(Expectation.Succeeds e) {
                return "success";
            }

            @Override
            public String rows(Expectation.Rows rows) {
                return TableText.expected(rows.columns(), rows.rows());
            }

            @Override
            public String fails(Expectation.Fails fails) {
                return ErrorMatcher.describe(fails.match());
            }
        });
    }

    /** Without masks. */
    static Verdict judge(Expectation expect, Attempt attempt, Deadline deadline) {
        return judge(expect, attempt, deadline, Masks.NONE);
    }

    /**
     * {@code capture: NAME}: the query must return one row of one non-NULL value (testdrive's {@code $ set-from-sql}); until
     * it does, the statement is retried like a rows query. The value is bound as the server sent it, unmasked.
     */
    static Verdict capture(String name, Attempt attempt) {
        String wanted = "one row of one column to capture as ${" + name + "}";
        if (attempt.error() != null) {
            String error = StatementRunner.errorText(attempt.error());
            return new Verdict(false, "query failed: " + error, wanted, error, "");
        }
        ResultTable r = attempt.result();
        int columns = r.columns().size();
        if (r.rows().size() != 1 || columns != 1) {
            String got = r.rows().size() + (r.rows().size() == 1 ? " row" : " rows") + " of " + columns + (columns == 1 ? " column" : " columns");
            return new Verdict(false, "capture " + name + " needs exactly one row of one column, got " + got, wanted, TableText.actual(r), "");
        }
        if (r.rows().get(0).get(0) == null) {
            return new Verdict(false, "capture " + name + " got NULL; a variable holds text", wanted, TableText.actual(r), "");
        }
        return Verdict.OK;
    }

    /** @return the verdict, or null when the comparison did not finish before the deadline */
    static Verdict judge(Expectation expect, Attempt attempt, Deadline deadline, Masks masks) {
        return expect.accept(new Expectation.Visitor<Verdict>() {
            @Override
            public Verdict succeeds(Expectation.Succeeds e) {
                if (attempt.error() == null) return Verdict.OK;
                String error = StatementRunner.errorText(attempt.error());
                return new Verdict(false, "statement failed: " + error, "success", error, "");
            }

            @Override
            public Verdict rows(Expectation.Rows rows) {
                return judgeRows(rows, attempt, deadline, masks);
            }

            @Override
            public Verdict fails(Expectation.Fails fails) {
                return judgeError(fails, attempt, masks);
            }
        });
    }

    private static Verdict judgeError(Expectation.Fails fails, Attempt attempt, Masks masks) {
        String wanted = ErrorMatcher.describe(fails.match());
        if (attempt.error() == null) {
            String actual = "success" + (attempt.result().columns().isEmpty() ? "" : "\n" + TableText.actual(attempt.result()));
            return new Verdict(false, "expected " + wanted + ", but the statement succeeded", wanted, actual, "- " + wanted + "\n+ success\n");
        }
        SQLException e = attempt.error();
        String message = masks.apply(StatementRunner.primaryMessage(e));
        if (ErrorMatcher.matches(fails.match(), message, e.getSQLState())) return Verdict.OK;
        String got = (e.getSQLState() == null ? "" : "[" + e.getSQLState() + "] ") + masks.apply(e.getMessage() == null ? e.toString() : e.getMessage());
        return new Verdict(false, "expected " + wanted + ", got: " + got + masks.note(), wanted, got, "- " + wanted + "\n+ " + got + "\n");
    }

    private static Verdict judgeRows(Expectation.Rows rows, Attempt attempt, Deadline deadline, Masks masks) {
        String expectedTable = TableText.expected(rows.columns(), rows.rows());
        if (attempt.error() != null) {
            StringBuilder diff = new StringBuilder();
            for (var r : rows.rows()) diff.append("- ").append(TableText.rowOfCells(r)).append('\n');
            diff.append("+ ").append(StatementRunner.errorText(attempt.error())).append('\n');
            return new Verdict(false, "query failed: " + StatementRunner.errorText(attempt.error()), expectedTable, StatementRunner.errorText(attempt.error()), diff.toString());
        }
        ResultTable actual = masks.apply(attempt.result());
        RowMatcher.Comparison c;
        try {
            c = RowMatcher.compare(rows, actual, deadline);
        } catch (Deadline.Exceeded e) {
            return null;
        }
        if (c.matches()) return Verdict.OK;
        return new Verdict(false, c.reason() + masks.note(), expectedTable, TableText.actual(actual), c.diff());
    }
}
