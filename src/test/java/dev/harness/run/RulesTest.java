package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Expectation.ErrorMatch;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.VariableText;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Error matching, retry classification, backoff and variable substitution. */
class RulesTest {
    private static Statement query(String sql) {
        return new Statement(sql, new Expectation.Rows(List.of(List.of(Cell.number("1"))), null, false), null, false, null, SourceRef.NONE);
    }

    private static Statement fails(String sql) {
        return new Statement(sql, new Expectation.Fails(new ErrorMatch(ErrorMatch.Kind.CONTAINS, "x")), null, false, null, SourceRef.NONE);
    }

    private static Statement sql(String sql) {
        return new Statement(sql, new Expectation.Succeeds(), null, false, null, SourceRef.NONE);
    }

    @Test
    void errorsMatchBySubstringRegexFindOrSqlstate() {
        String msg = "ERROR: relation \"t\" does not exist";
        assertTrue(ErrorMatcher.matches(new ErrorMatch(ErrorMatch.Kind.CONTAINS, "does not exist"), msg, "42P01"));
        assertFalse(ErrorMatcher.matches(new ErrorMatch(ErrorMatch.Kind.CONTAINS, "Does Not"), msg, "42P01"));
        assertTrue(ErrorMatcher.matches(new ErrorMatch(ErrorMatch.Kind.REGEX, "relation \"\\w+\""), msg, "42P01"));
        assertFalse(ErrorMatcher.matches(new ErrorMatch(ErrorMatch.Kind.REGEX, "^relation"), msg, "42P01"));
        assertTrue(ErrorMatcher.matches(new ErrorMatch(ErrorMatch.Kind.SQLSTATE, "42P01"), msg, "42P01"));
        assertTrue(ErrorMatcher.matches(new ErrorMatch(ErrorMatch.Kind.SQLSTATE, "42p01"), msg, "42P01"));
        assertFalse(ErrorMatcher.matches(new ErrorMatch(ErrorMatch.Kind.SQLSTATE, "42P0"), msg, "42P01"));
        assertFalse(ErrorMatcher.matches(new ErrorMatch(ErrorMatch.Kind.SQLSTATE, "42P01"), msg, null));
    }

    @Test
    void queriesWithRowsAreRetriedButNotDdlOrFetchOrExplainPlan() {
        assertTrue(RetryRules.retried(query("SELECT 1"), "SELECT 1"));
        assertTrue(RetryRules.retried(query("x"), "  -- note\n/* c */ select count(*) from t"));
        assertTrue(RetryRules.retried(query("x"), "SHOW server_version"));
        assertTrue(RetryRules.retried(query("x"), "INSERT INTO t VALUES (1) RETURNING a"));
        assertTrue(RetryRules.retried(query("x"), "ALTER SYSTEM SET x = 1"));
        for (String once : List.of("CREATE TABLE t (a int)", "create materialized view v as select 1", "CREATE OR REPLACE VIEW v AS SELECT 1",
                "CREATE INDEX i ON t (a)", "CREATE ROLE r", "DROP TABLE t", "ALTER TABLE t RENAME TO u", "ALTER INDEX i SET (x=1)",
                "SET search_path = x", "DISCARD ALL", "FETCH 1 c", "EXPLAIN OPTIMIZED PLAN FOR SELECT 1", "ALTER SINK s SET FROM t")) {
            assertFalse(RetryRules.retried(query(once), once), once);
        }
    }

    @Test
    void expectedErrorsAreRetriedExceptTestdrivesList() {
        assertTrue(RetryRules.retried(fails("SELECT * FROM nope"), "SELECT * FROM nope"));
        assertTrue(RetryRules.retried(fails("x"), "CREATE TABLE t (a int)"));
        assertTrue(RetryRules.retried(fails("x"), "DROP TABLE t"));
        for (String once : List.of("COMMIT", "ROLLBACK", "FETCH 1 c", "ALTER SINK s SET FROM t", "CREATE CONNECTION c TO KAFKA (BROKER 'x')")) {
            assertFalse(RetryRules.retried(fails(once), once), once);
        }
    }

    @Test
    void plainSqlIsNeverRetried() {
        assertFalse(RetryRules.retried(sql("INSERT INTO t VALUES (1)"), "INSERT INTO t VALUES (1)"));
        assertFalse(RetryRules.retried(sql("SELECT 1"), "SELECT 1"));
    }

    /**
     * testdrive's {@code run_sql} retries every statement but a fixed list on error (sql.rs {@code should_retry});
     * the importer writes {@code retry:} on the ones it retries. A {@code sql} with its own retry is retried on error,
     * one without (or only the check's) is tried once.
     */
    @Test
    void sqlWithItsOwnRetryIsRetriedAndTheChecksRetryIsOnlyABudget() {
        Statement withRetry = new Statement("INSERT INTO t VALUES (1)", new Expectation.Succeeds(), Duration.ofSeconds(5), false, null, SourceRef.NONE);
        assertTrue(RetryRules.retried(withRetry, withRetry.sql()));
        Statement noRetry = sql("INSERT INTO t VALUES (1)");
        assertFalse(RetryRules.retried(noRetry, noRetry.sql()));
        // statement retry > check retry ($ set-sql-timeout) > timeouts.statement
        Check checkRetry = check(Duration.ofSeconds(45));
        Duration dflt = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(5), RetryRules.budget(withRetry, checkRetry, dflt));
        assertEquals(Duration.ofSeconds(45), RetryRules.budget(noRetry, checkRetry, dflt));
        assertEquals(dflt, RetryRules.budget(noRetry, check(null), dflt));
    }

    private static Check check(Duration retry) {
        return new Check("c", null, List.of(), null, null, null, true, true, List.of(), List.of(), List.of(), List.of(),
                SourceRef.NONE, List.of(), Map.of(), List.of(), retry);
    }

    /** testdrive's {@code ! … exact:} compares the whole primary message (parser.rs {@code SqlExpectedError::Exact}). */
    @Test
    void exactMatchesTheWholeMessageOnly() {
        ErrorMatch exact = new ErrorMatch(ErrorMatch.Kind.EXACT, "division by zero");
        assertTrue(ErrorMatcher.matches(exact, "division by zero", "22012"));
        assertFalse(ErrorMatcher.matches(exact, "ERROR: division by zero", "22012"));
        assertFalse(ErrorMatcher.matches(exact, "division by zero!", "22012"));
        assertFalse(ErrorMatcher.matches(exact, "Division by zero", "22012"));
    }

    /**
     * testdrive matches {@code DbError::message()} (sql.rs {@code try_run_fail_sql}): the primary message, without the
     * severity, Detail or Hint that pgjdbc's exception message carries. The report keeps all of it.
     */
    @Test
    void errorsAreMatchedAgainstTheServersPrimaryMessage() {
        PSQLException e = new PSQLException(new ServerErrorMessage("SERROR\0VERROR\0C22012\0Mdivision by zero\0Dthe detail\0Hthe hint\0\0"));
        assertTrue(e.getMessage().startsWith("ERROR: division by zero"), e.getMessage());
        assertEquals("division by zero", StatementRunner.primaryMessage(e));
        String report = StatementRunner.errorText(e);
        assertTrue(report.startsWith("[22012] ERROR: division by zero") && report.contains("Detail: the detail") && report.contains("Hint: the hint"), report);
        // A driver's own error has no server message: its text is all there is.
        assertEquals("The connection attempt failed.", StatementRunner.primaryMessage(new SQLException("The connection attempt failed.", "08001")));
    }

    @Test
    void backoffStartsAt50MsGrowsByHalfAndIsCappedAtOneSecond() {
        Backoff b = new Backoff();
        assertEquals(50, b.nextMillis());
        assertEquals(75, b.nextMillis());
        assertEquals(113, b.nextMillis());
        assertEquals(169, b.nextMillis());
        long last = 0;
        for (int i = 0; i < 20; i++) last = b.nextMillis();
        assertEquals(1000, last);
    }

    @Test
    void variablesAreSubstitutedAndUnknownOnesNeverSentAsWritten() {
        Map<String, String> v = Map.of("check", "tbl", "seed", "42", "base", "15.17", "current", "15.19", "scenario", "s");
        assertEquals("CREATE TABLE tbl_42 -- s 15.17 15.19", VariableText.substitute("CREATE TABLE ${check}_${seed} -- ${scenario} ${base} ${current}", v::get));
        org.junit.jupiter.api.Assertions.assertThrows(dev.harness.model.VariableText.Undefined.class,
                () -> VariableText.substitute("SELECT '${other}'", v::get));
        assertEquals("SELECT '${other}'", VariableText.substitute("SELECT '$${other}'", v::get));
        assertEquals("SELECT '$1'", VariableText.substitute("SELECT '${check}'", Map.of("check", "$1")::get));
    }
}
