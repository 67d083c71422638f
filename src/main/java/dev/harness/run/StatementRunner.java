package dev.harness.run;

import dev.harness.model.Expectation;
import dev.harness.model.Failure;
import dev.harness.model.Statement;
import dev.harness.model.WaitNote;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.util.PSQLException;

/**
 * Runs one check statement on a connection until its expectation is met or its budget is spent (rules in
 * {@link RetryRules}, waits from {@link Backoff}). The budget is a hard deadline for the whole statement:
 * an attempt still running when it passes is cancelled, and so is a comparison, and the statement fails as
 * timed out; the connection's socket timeout follows the budget, so only a server that stops answering
 * breaks the connection. Values are read with {@code getString} only.
 */
final class StatementRunner {
    /** How long a cancelled statement may take to come back before its server counts as not answering. */
    static final Duration CANCEL_MARGIN = Duration.ofSeconds(10);

    private final Ticker ticker;
    private final RunStop stop;

    StatementRunner(Ticker ticker, RunStop stop) {
        this.ticker = ticker;
        this.stop = stop;
    }

    /**
     * @param failure  null when the statement passed
     * @param captured the value a passing {@code capture:} statement bound, else null
     */
    record Outcome(Failure failure, int attempts, long millis, String captured) {
        Outcome(Failure failure, int attempts, long millis) {
            this(failure, attempts, millis, null);
        }

        boolean passed() {
            return failure == null;
        }
    }

    /** A statement without masks. */
    Outcome run(Connection connection, Statement statement, String sql, Duration budget) throws InterruptedException {
        return run(connection, statement, sql, budget, Masks.NONE);
    }

    /**
     * @param sql    the statement text after substitution (what is sent)
     * @param budget how long the statement may take: retried statements are retried within it, and every
     *               statement is cancelled when it passes
     * @param masks  applied to the actual values and error messages before they are judged
     * @throws ConnectionLost when the server is unreachable or the connection broke
     */
    Outcome run(Connection connection, Statement statement, String sql, Duration budget, Masks masks) throws InterruptedException {
        long start = ticker.nanoTime();
        Deadline deadline = Deadline.after(ticker, budget);
        boolean retried = RetryRules.retried(statement, sql);
        Backoff backoff = new Backoff();
        int attempts = 0;
        Judgement.Verdict before = null;
        while (true) {
            attempts++;
            WaitNote.say("statement " + (statement.source() == null ? "" : statement.source().fileLine() + " ") + "attempt " + attempts);
            Judgement.Attempt attempt = attempt(connection, sql, !(statement.expect() instanceof Expectation.Succeeds), deadline);
            Judgement.Verdict verdict = attempt.timedOut() ? Judgement.timedOut(budget, before, statement.expect())
                    : statement.capture() != null ? Judgement.capture(statement.capture(), attempt)
                    : Judgement.judge(statement.expect(), attempt, deadline, masks);
            if (verdict == null) verdict = Judgement.timedOut(budget, before, statement.expect()); // the comparison ran out of time
            if (verdict.ok()) {
                String captured = statement.capture() == null ? null : attempt.result().rows().get(0).get(0);
                return new Outcome(null, attempts, millisSince(start), captured);
            }
            long wait = backoff.nextMillis();
            boolean outOfTime = attempt.timedOut() || deadline.remainingNanos() <= wait * 1_000_000L;
            if (!retried || outOfTime) {
                String message = verdict.reason() + (retried
                        ? " (" + attempts + (attempts == 1 ? " attempt" : " attempts") + " in " + millisSince(start) + " ms, retry budget " + budget.toMillis() + " ms)"
                        : "");
                Failure failure = new Failure(message, sql, statement.source(), verdict.expected(), verdict.actual(), verdict.diff(), attempts);
                return new Outcome(failure, attempts, millisSince(start));
            }
            before = verdict;
            ticker.sleep(wait);
        }
    }

    private long millisSince(long startNanos) {
        return (ticker.nanoTime() - startNanos) / 1_000_000L;
    }

    /** Runs the statement once, cancelled at the deadline; the socket waits for the deadline plus the cancel margin. */
    private Judgement.Attempt attempt(Connection connection, String sql, boolean readRows, Deadline deadline) {
        AtomicBoolean cancelled = new AtomicBoolean();
        try (java.sql.Statement st = connection.createStatement();
             RunStop.Tracked tracked = stop.track(st);
             Ticker.Alarm alarm = ticker.alarm(deadline.remainingNanos(), () -> {
                 cancelled.set(true);
                 RunStop.cancelQuietly(st);
             })) {
            connection.setNetworkTimeout(Runnable::run, socketMillis(deadline));
            try {
                return new Judgement.Attempt(execute(st, sql, readRows), null, false);
            } catch (SQLException e) {
                if (cancelled.get()) return new Judgement.Attempt(null, e, true);
                throw e;
            }
        } catch (SQLException e) {
            if (ServerErrors.connectionLost(e)) throw new ConnectionLost("connection lost: " + e.getMessage(), e);
            return new Judgement.Attempt(null, e, false);
        }
    }

    private static int socketMillis(Deadline deadline) {
        long millis = deadline.remainingMillis() + CANCEL_MARGIN.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis)); // 0 would mean "wait forever"
    }

    private static ResultTable execute(java.sql.Statement st, String sql, boolean readRows) throws SQLException {
        boolean isResultSet = st.execute(sql);
        if (!readRows) return ResultTable.NONE;
        while (!isResultSet && st.getUpdateCount() != -1) isResultSet = st.getMoreResults();
        if (!isResultSet) return ResultTable.NONE;
        try (ResultSet rs = st.getResultSet()) {
            return read(rs);
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

    /**
     * What an expected error is matched against: the server's primary message alone, as testdrive sees it (no
     * {@code ERROR:} severity, no Detail, Hint or position that pgjdbc adds to its exception message). An error that
     * did not come from the server (a driver error) has only the driver's message.
     */
    static String primaryMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The whole error for reports: SQLSTATE, severity, message, Detail and Hint. */
    static String errorText(SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        return (e.getSQLState() == null ? "" : "[" + e.getSQLState() + "] ") + msg;
    }
}
