package dev.harness.run;

import dev.harness.model.Expectation;
import dev.harness.model.Failure;
import dev.harness.model.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one check statement on a connection until its expectation is met or its retry budget is spent
 * (rules in {@link RetryRules}, waits from {@link Backoff}). Values are read with {@code getString} only.
 */
final class StatementRunner {
    private final Ticker ticker;

    StatementRunner(Ticker ticker) {
        this.ticker = ticker;
    }

    /** @param failure null when the statement passed */
    record Outcome(Failure failure, int attempts, long millis) {
        boolean passed() {
            return failure == null;
        }
    }

    /** One try: a result or the server's error. */
    private record Attempt(ResultTable result, SQLException error) {}

    /** What was wrong with an attempt: null fields of a passing verdict are unused. */
    private record Verdict(boolean ok, String reason, String expected, String actual, String diff) {}

    /**
     * @param sql    the statement text after substitution (what is sent)
     * @param budget how long to keep retrying a retried statement (zero = one attempt)
     * @throws ConnectionLost when the server is unreachable or the connection broke
     */
    Outcome run(Connection connection, Statement statement, String sql, Duration budget) throws InterruptedException {
        long start = ticker.nanoTime();
        long deadline = start + budget.toNanos();
        boolean retried = RetryRules.retried(statement, sql);
        Backoff backoff = new Backoff();
        int attempts = 0;
        while (true) {
            attempts++;
            Attempt attempt = attempt(connection, sql, !(statement.expect() instanceof Expectation.Succeeds));
            Verdict verdict = judge(statement.expect(), attempt);
            if (verdict.ok()) return new Outcome(null, attempts, millisSince(start));
            long wait = backoff.nextMillis();
            if (!retried || ticker.nanoTime() + wait * 1_000_000L > deadline) {
                String message = verdict.reason() + (retried
                        ? " (" + attempts + (attempts == 1 ? " attempt" : " attempts") + " in " + millisSince(start) + " ms, retry budget " + budget.toMillis() + " ms)"
                        : "");
                Failure failure = new Failure(message, sql, statement.source(), verdict.expected(), verdict.actual(), verdict.diff(), attempts);
                return new Outcome(failure, attempts, millisSince(start));
            }
            ticker.sleep(wait);
        }
    }

    private long millisSince(long startNanos) {
        return (ticker.nanoTime() - startNanos) / 1_000_000L;
    }

    private static Attempt attempt(Connection connection, String sql, boolean readRows) {
        try (java.sql.Statement st = connection.createStatement()) {
            boolean isResultSet = st.execute(sql);
            if (!readRows) return new Attempt(ResultTable.NONE, null);
            while (!isResultSet && st.getUpdateCount() != -1) isResultSet = st.getMoreResults();
            if (!isResultSet) return new Attempt(ResultTable.NONE, null);
            try (ResultSet rs = st.getResultSet()) {
                return new Attempt(read(rs), null);
            }
        } catch (SQLException e) {
            if (ConnectionLost.isConnectionError(e)) throw new ConnectionLost("connection lost: " + e.getMessage(), e);
            return new Attempt(null, e);
        }
    }

    static ResultTable read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) columns.add(md.getColumnLabel(i));
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) row.add(rs.getString(i));
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    private static Verdict judge(Expectation expect, Attempt attempt) {
        if (expect instanceof Expectation.Succeeds) {
            if (attempt.error() == null) return new Verdict(true, null, null, null, null);
            return new Verdict(false, "statement failed: " + errorText(attempt.error()), "success", errorText(attempt.error()), "");
        }
        if (expect instanceof Expectation.Rows rows) {
            String expectedTable = TableText.expected(rows.columns(), rows.rows());
            if (attempt.error() != null) {
                StringBuilder diff = new StringBuilder();
                for (var r : rows.rows()) diff.append("- ").append(TableText.rowOfCells(r)).append('\n');
                diff.append("+ ").append(errorText(attempt.error())).append('\n');
                return new Verdict(false, "query failed: " + errorText(attempt.error()), expectedTable, errorText(attempt.error()), diff.toString());
            }
            RowMatcher.Comparison c = RowMatcher.compare(rows, attempt.result());
            if (c.matches()) return new Verdict(true, null, null, null, null);
            return new Verdict(false, c.reason(), expectedTable, TableText.actual(attempt.result()), c.diff());
        }
        Expectation.Fails fails = (Expectation.Fails) expect;
        String wanted = ErrorMatcher.describe(fails.match());
        if (attempt.error() == null) {
            String actual = "success" + (attempt.result().columns().isEmpty() ? "" : "\n" + TableText.actual(attempt.result()));
            return new Verdict(false, "expected " + wanted + ", but the statement succeeded", wanted, actual, "- " + wanted + "\n+ success\n");
        }
        SQLException e = attempt.error();
        if (ErrorMatcher.matches(fails.match(), e.getMessage(), e.getSQLState())) return new Verdict(true, null, null, null, null);
        return new Verdict(false, "expected " + wanted + ", got: " + errorText(e), wanted, errorText(e),
                "- " + wanted + "\n+ " + errorText(e) + "\n");
    }

    static String errorText(SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        return (e.getSQLState() == null ? "" : "[" + e.getSQLState() + "] ") + msg;
    }
}
