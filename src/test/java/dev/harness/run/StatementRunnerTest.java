package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Cell;
import dev.harness.model.Expectation.ErrorMatch;
import dev.harness.model.Expectation;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.SqlEndpoint;
import dev.harness.system.postgres.PostgresDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retry and comparison rules against a real PostgreSQL (one server for the class), with virtual time. */
class StatementRunnerTest {
    private static final SourceRef SRC = SourceRef.of("checks.d/t.yaml", 7, 5);

    @TempDir
    static Path tmp;

    private static ProcessRuntime runtime;
    private static Path runDir;
    private static SqlEndpoint server;
    private Connection conn;
    private String table;

    @BeforeAll
    static void startServer() {
        runDir = TempDirAccess.openToServerUser(tmp).resolve("run");
        runtime = new ProcessRuntime(runDir, false);
        PostgresDriver pg = new PostgresDriver(runtime, Loader.loadConfig(null));
        RunningService s = pg.start("db", PlanBuilder.PG.toString(), false);
        server = pg.system.endpoint(s, true);
    }

    @AfterAll
    static void stopServer() {
        runtime.close();
        assertEquals(List.of(), RunFolderProcesses.of(runtime, runDir), "server left running");
    }

    /** A new connection as the system user (superuser: pg_terminate_backend of any session). */
    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.properties());
    }

    @BeforeEach
    void connectAndCreateTable() throws SQLException {
        conn = connect();
        table = "t_" + System.nanoTime();
        exec("CREATE TABLE " + table + " (a int, b text)");
    }

    @AfterEach
    void close() throws SQLException {
        if (conn != null) conn.close();
    }

    private void exec(String sql) {
        try (var st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Statement rows(String sql, List<List<Cell>> rows) {
        return new Statement(sql, new Expectation.Rows(rows, null, false), null, false, null, SRC);
    }

    private StatementRunner.Outcome run(FakeTicker t, Statement s, Duration budget) throws InterruptedException {
        return new StatementRunner(t, new RunStop(t)).run(conn, s, s.sql(), budget);
    }

    @Test
    void serverRenderingsCompareByTheYamlTypeRules() throws Exception {
        var s = rows("SELECT 1.00::numeric, true, false, NULL::text, 'one', 2.5::float8, 10::bigint, 'Infinity'::float8",
                List.of(List.of(Cell.number("1"), Cell.bool(true), Cell.bool(false), Cell.nul(), Cell.string("one"),
                        Cell.number("2.50"), Cell.number("1e1"), Cell.number(".inf"))));
        var out = run(new FakeTicker(), s, Duration.ZERO);
        assertTrue(out.passed(), () -> out.failure().toString());
        assertEquals(1, out.attempts());
    }

    @Test
    void aQueryIsRetriedWithBackoffUntilItMatches() throws Exception {
        FakeTicker t = new FakeTicker().onSleep(n -> {
            if (n == 3) exec("INSERT INTO " + table + " VALUES (1, 'one')");
        });
        var out = run(t, rows("SELECT a, b FROM " + table, List.of(List.of(Cell.number("1"), Cell.string("one")))), Duration.ofSeconds(30));
        assertTrue(out.passed());
        assertEquals(4, out.attempts());
        assertEquals(List.of(50L, 75L, 113L), t.sleeps);
    }

    @Test
    void eachAttemptTellsTheStepsLiveCounterWhichStatementAndAttemptItIs() throws Exception {
        List<String> notes = new java.util.ArrayList<>();
        FakeTicker t = new FakeTicker().onSleep(n -> {
            if (n == 2) exec("INSERT INTO " + table + " VALUES (1, 'one')");
        });
        try (var scope = dev.harness.model.WaitNote.to(notes::add)) {
            var out = run(t, rows("SELECT a, b FROM " + table, List.of(List.of(Cell.number("1"), Cell.string("one")))), Duration.ofSeconds(30));
            assertTrue(out.passed());
        }
        String at = "statement " + SRC.fileLine() + " attempt ";
        assertEquals(List.of(at + 1, at + 2, at + 3), notes);
        dev.harness.model.WaitNote.say("after the scope: goes nowhere");
        assertEquals(3, notes.size());
    }

    @Test
    void aQueryThatNeverMatchesFailsWhenTheBudgetIsSpentWithTheLastResultAndADiff() throws Exception {
        exec("INSERT INTO " + table + " VALUES (1, 'one'), (2, 'two')");
        FakeTicker t = new FakeTicker();
        var out = run(t, rows("SELECT a, b FROM " + table, List.of(List.of(Cell.number("1"), Cell.string("one")), List.of(Cell.number("2"), Cell.string("deux")))),
                Duration.ofMillis(1000));
        assertNotNull(out.failure());
        // 50+75+113+169+253 = 660 ms slept; the next wait (380) would pass 1000 ms.
        assertEquals(List.of(50L, 75L, 113L, 169L, 253L), t.sleeps);
        assertEquals(6, out.attempts());
        assertEquals(6, out.failure().attempts());
        assertEquals("- 2 | deux\n+ 2 | two\n", out.failure().diff());
        assertTrue(out.failure().actual().contains("2 | two"), out.failure().actual());
        assertTrue(out.failure().expected().contains("2 | deux"), out.failure().expected());
        assertEquals(SRC, out.failure().source());
        assertTrue(out.failure().message().contains("6 attempts"), out.failure().message());
    }

    @Test
    void aQueryOnAMissingTableIsRetriedUntilItExists() throws Exception {
        String later = table + "_later";
        FakeTicker t = new FakeTicker().onSleep(n -> {
            if (n == 2) exec("CREATE TABLE " + later + " AS SELECT 5 AS a");
        });
        var out = run(t, rows("SELECT a FROM " + later, List.of(List.of(Cell.number("5")))), Duration.ofSeconds(5));
        assertTrue(out.passed());
        assertEquals(3, out.attempts());
    }

    @Test
    void ddlWithRowsIsTriedOnce() throws Exception {
        FakeTicker t = new FakeTicker();
        var out = run(t, rows("CREATE TABLE " + table + "_x AS SELECT 1 AS a", List.of(List.of(Cell.number("1")))), Duration.ofSeconds(30));
        assertNotNull(out.failure());
        assertEquals(1, out.attempts());
        assertTrue(t.sleeps.isEmpty());
    }

    @Test
    void plainSqlMustSucceedOnTheFirstTry() throws Exception {
        FakeTicker t = new FakeTicker();
        var s = new Statement("INSERT INTO nope_" + table + " VALUES (1)", new Expectation.Succeeds(), null, false, null, SRC);
        var out = run(t, s, Duration.ofSeconds(30));
        assertEquals(1, out.attempts());
        assertTrue(out.failure().message().startsWith("statement failed: [42P01]"), out.failure().message());
        assertTrue(t.sleeps.isEmpty());
        var ok = new Statement("INSERT INTO " + table + " VALUES (1)", new Expectation.Succeeds(), null, false, null, SRC);
        assertNull(run(t, ok, Duration.ofSeconds(30)).failure());
    }

    /** testdrive retries an INSERT on error (sql.rs {@code should_retry}); here a {@code sql} with its own {@code retry}. */
    @Test
    void sqlWithItsOwnRetryIsRetriedOnErrorUntilATableCreatedLaterExists() throws Exception {
        String later = table + "_later";
        FakeTicker t = new FakeTicker().onSleep(n -> {
            if (n == 2) exec("CREATE TABLE " + later + " (a int)");
        });
        var insert = new Statement("INSERT INTO " + later + " VALUES (7)", new Expectation.Succeeds(), Duration.ofSeconds(5), false, null, SRC);
        var out = run(t, insert, Duration.ofSeconds(5));
        assertTrue(out.passed(), () -> out.failure().toString());
        assertEquals(3, out.attempts());
        assertEquals(List.of(50L, 75L), t.sleeps);
        assertTrue(run(new FakeTicker(), rows("SELECT a FROM " + later, List.of(List.of(Cell.number("7")))), Duration.ZERO).passed(), "inserted once");
    }

    @Test
    void sqlWithRetryFailsWithTheLastErrorWhenTheBudgetEnds() throws Exception {
        FakeTicker t = new FakeTicker();
        var insert = new Statement("INSERT INTO never_" + table + " VALUES (1)", new Expectation.Succeeds(), Duration.ofMillis(500), false, null, SRC);
        var out = run(t, insert, Duration.ofMillis(500));
        assertTrue(out.attempts() > 1, "retried");
        assertTrue(out.failure().message().startsWith("statement failed: [42P01]"), out.failure().message());
        assertTrue(out.failure().message().contains(out.attempts() + " attempts"), out.failure().message());
    }

    /**
     * testdrive matches an expected error against the server's primary message ({@code DbError::message()} in sql.rs
     * {@code try_run_fail_sql}), never the severity, Detail or Hint; the report shows them all.
     */
    @Test
    void expectedErrorsMatchThePrimaryMessageAndTheReportKeepsDetailAndHint() throws Exception {
        String raise = "DO $$ BEGIN RAISE EXCEPTION 'boom in %', 'x' USING DETAIL = 'the detail', HINT = 'the hint'; END $$";
        for (ErrorMatch match : List.of(new ErrorMatch(ErrorMatch.Kind.EXACT, "boom in x"), new ErrorMatch(ErrorMatch.Kind.REGEX, "^boom in x$"),
                new ErrorMatch(ErrorMatch.Kind.CONTAINS, "boom in x"))) {
            var out = run(new FakeTicker(), new Statement(raise, new Expectation.Fails(match), null, false, null, SRC), Duration.ZERO);
            assertTrue(out.passed(), () -> match + ": " + out.failure());
        }
        for (ErrorMatch match : List.of(new ErrorMatch(ErrorMatch.Kind.CONTAINS, "ERROR:"), new ErrorMatch(ErrorMatch.Kind.CONTAINS, "the detail"),
                new ErrorMatch(ErrorMatch.Kind.CONTAINS, "the hint"), new ErrorMatch(ErrorMatch.Kind.EXACT, "ERROR: boom in x"))) {
            var out = run(new FakeTicker(), new Statement(raise, new Expectation.Fails(match), null, false, null, SRC), Duration.ZERO);
            assertFalse(out.passed(), match::toString);
            String actual = out.failure().actual();
            assertTrue(actual.startsWith("[P0001] ERROR: boom in x") && actual.contains("Detail: the detail") && actual.contains("Hint: the hint"), actual);
        }
        var exact = new Statement("SELECT 1/0", new Expectation.Fails(new ErrorMatch(ErrorMatch.Kind.EXACT, "division by zero")), null, false, null, SRC);
        assertTrue(run(new FakeTicker(), exact, Duration.ZERO).passed());
    }

    /** testdrive's renderings (sql.rs {@code decode_row}): timestamptz as {@code … UTC}, floats as Rust prints them. */
    @Test
    void testdrivesTimestampAndFloatSpellingsMatchTheServersRendering() throws Exception {
        exec("SET TimeZone = 'Asia/Kolkata'"); // +05:30: the server prints another offset than testdrive's UTC
        var s = rows("SELECT '2010-10-10 10:10:10+00'::timestamptz, '2010-10-10 10:10:10.25+00'::timestamptz,"
                        + " 'Infinity'::float8, '-Infinity'::float4, 'NaN'::float8",
                List.of(List.of(Cell.string("2010-10-10 10:10:10 UTC"), Cell.string("2010-10-10 10:10:10.250 UTC"),
                        Cell.string("inf"), Cell.string("-inf"), Cell.string("NaN"))));
        var out = run(new FakeTicker(), s, Duration.ZERO);
        assertTrue(out.passed(), () -> out.failure().toString());
        var wrong = rows("SELECT '2010-10-10 10:10:10+00'::timestamptz", List.of(List.of(Cell.string("2010-10-10 10:10:11 UTC"))));
        var failed = run(new FakeTicker(), wrong, Duration.ZERO);
        assertTrue(failed.failure().actual().contains("2010-10-10 15:40:10+05:30"), failed.failure().actual());
    }

    @Test
    void anExpectedErrorIsRetriedUntilItAppears() throws Exception {
        exec("INSERT INTO " + table + " VALUES (1, 'one')");
        FakeTicker t = new FakeTicker().onSleep(n -> {
            if (n == 2) exec("DROP TABLE " + table);
        });
        var s = new Statement("SELECT * FROM " + table, new Expectation.Fails(new ErrorMatch(ErrorMatch.Kind.CONTAINS, "does not exist")), null, false, null, SRC);
        var out = run(t, s, Duration.ofSeconds(5));
        assertTrue(out.passed());
        assertEquals(3, out.attempts());
    }

    @Test
    void expectedErrorsMatchBySqlstateAndRegexAgainstTheServer() throws Exception {
        var bySqlstate = new Statement("SELECT * FROM nope", new Expectation.Fails(new ErrorMatch(ErrorMatch.Kind.SQLSTATE, "42P01")), null, false, null, SRC);
        assertTrue(run(new FakeTicker(), bySqlstate, Duration.ZERO).passed());
        var byRegex = new Statement("SELECT 1/0", new Expectation.Fails(new ErrorMatch(ErrorMatch.Kind.REGEX, "division by ze+ro")), null, false, null, SRC);
        assertTrue(run(new FakeTicker(), byRegex, Duration.ZERO).passed());
    }

    @Test
    void aWrongErrorOrASuccessFailsTheExpectedError() throws Exception {
        var wrong = new Statement("SELECT 1/0", new Expectation.Fails(new ErrorMatch(ErrorMatch.Kind.CONTAINS, "does not exist")), null, false, null, SRC);
        var out = run(new FakeTicker(), wrong, Duration.ofMillis(100));
        assertTrue(out.failure().actual().contains("division by zero"), out.failure().actual());
        assertEquals(2, out.attempts());
        var success = new Statement("SELECT 1", new Expectation.Fails(new ErrorMatch(ErrorMatch.Kind.CONTAINS, "x")), null, false, null, SRC);
        var out2 = run(new FakeTicker(), success, Duration.ZERO);
        assertTrue(out2.failure().message().contains("succeeded"), out2.failure().message());
    }

    @Test
    void columnLabelsAreCompared() throws Exception {
        var s = new Statement("SELECT 1 AS a, 2 AS b", new Expectation.Rows(List.of(List.of(Cell.number("1"), Cell.number("2"))), List.of("a", "c"), false), null, false, null, SRC);
        var out = run(new FakeTicker(), s, Duration.ZERO);
        assertEquals("- a | c\n+ a | b\n", out.failure().diff());
    }

    @Test
    void aClosedConnectionIsAnInfrastructureErrorNotAFailure() throws Exception {
        Connection other = connect();
        long pid;
        try (var st = other.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getLong(1);
        }
        exec("SELECT pg_terminate_backend(" + pid + ")");
        var s = rows("SELECT 1", List.of(List.of(Cell.number("1"))));
        assertThrows(ConnectionLost.class, () -> new StatementRunner(new FakeTicker(), new RunStop(Ticker.SYSTEM)).run(other, s, s.sql(), Duration.ofSeconds(5)));
        other.close();
    }

    private static Statement plain(String sql) {
        return new Statement(sql, new Expectation.Succeeds(), null, false, null, SRC);
    }

    /** Whether a statement containing {@code marker} runs on the server now (another session looks). */
    private static boolean running(String marker) throws SQLException {
        try (Connection c = connect(); var st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE ? AND pid <> pg_backend_pid()")) {
            st.setString(1, "%" + marker + "%");
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    @Test
    void aStatementStillRunningAtItsBudgetIsCancelledAndFailsAsTimedOutWhileTheServerGoesOn() throws Exception {
        var out = new StatementRunner(Ticker.SYSTEM, new RunStop(Ticker.SYSTEM)).run(conn, plain("SELECT pg_sleep(600) AS slow_1"), "SELECT pg_sleep(600) AS slow_1", Duration.ofSeconds(1));
        assertEquals("timed out after 1 s", out.failure().message());
        assertEquals(SRC, out.failure().source());
        assertEquals("SELECT pg_sleep(600) AS slow_1", out.failure().statement());
        assertEquals(1, out.attempts());
        assertFalse(running("slow_1"), "the statement was cancelled on the server");
        exec("INSERT INTO " + table + " VALUES (1, 'one')"); // the connection and the server serve on
    }

    @Test
    void aRetriedQueryIsCancelledAtItsBudgetTooAndSaysWhatTheAttemptBeforeSaw() throws Exception {
        // First attempt: wrong rows at once; the second sleeps past the budget.
        String sql = "SELECT CASE WHEN count(*) = 0 THEN 'none' ELSE pg_sleep(600)::text END AS slow_2 FROM " + table;
        FakeTicker t = new FakeTicker().onSleep(n -> exec("INSERT INTO " + table + " VALUES (1, 'one')"));
        var ticker = new Ticker() {
            public long nanoTime() {
                return Ticker.SYSTEM.nanoTime();
            }

            public void sleep(long millis) {
                t.sleep(0);
            }

            public Alarm alarm(long nanos, Runnable action) {
                return Ticker.SYSTEM.alarm(nanos, action);
            }
        };
        var s = rows(sql, List.of(List.of(Cell.string("x"))));
        var out = new StatementRunner(ticker, new RunStop(ticker)).run(conn, s, sql, Duration.ofSeconds(2));
        assertEquals(2, out.attempts());
        assertTrue(out.failure().message().startsWith("timed out after 2 s; the attempt before: rows differ"), out.failure().message());
        assertEquals("- x\n+ none\n", out.failure().diff());
        assertFalse(running("slow_2"), "the statement was cancelled on the server");
    }

    @Test
    void theSocketWaitsAsLongAsTheStatementsOwnBudget() throws Exception {
        var p = server.properties();
        p.setProperty("socketTimeout", "1"); // shorter than the statement: the budget must win
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), p)) {
            var out = new StatementRunner(Ticker.SYSTEM, new RunStop(Ticker.SYSTEM)).run(c, plain("SELECT pg_sleep(3)"), "SELECT pg_sleep(3)", Duration.ofSeconds(60));
            assertTrue(out.passed(), () -> out.failure().toString());
        }
    }

    @Test
    void aComparisonThatOutrunsTheBudgetEndsTheStatementAsTimedOut() throws Exception {
        // "1.0" and 1 share a bucket but never match: quadratic matching, stopped by the budget (1 ms per clock read).
        FakeTicker t = new FakeTicker().advancingOnRead(1_000_000L);
        List<List<Cell>> expected = java.util.Collections.nCopies(20_000, List.of(Cell.string("1.0")));
        String sql = "SELECT 1 FROM generate_series(1, 20000)";
        var out = new StatementRunner(t, new RunStop(t)).run(conn, rows(sql, expected), sql, Duration.ofSeconds(1));
        assertTrue(out.failure().message().startsWith("timed out after 1 s"), out.failure().message());
        assertEquals(1, out.attempts());
    }

    @Test
    void aStopCancelsTheStatementInFlight() throws Exception {
        RunStop stop = new RunStop(Ticker.SYSTEM);
        var runner = new StatementRunner(Ticker.SYSTEM, stop);
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(conn, plain("SELECT pg_sleep(600) AS slow_3"), "SELECT pg_sleep(600) AS slow_3", Duration.ofMinutes(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        dev.harness.testing.Await.until("the statement runs", () -> {
            try {
                return running("slow_3");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        stop.request();
        var out = result.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(out.failure().message().contains("57014"), out.failure().message());
    }
}
