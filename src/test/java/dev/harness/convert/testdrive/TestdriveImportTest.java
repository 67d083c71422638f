package dev.harness.convert.testdrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Guard;
import dev.harness.model.HarnessException;
import dev.harness.model.Login;
import dev.harness.model.PhaseItem;
import dev.harness.model.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each testdrive construct becomes (src/testdrive/src/action/*.rs semantics), read back through the real loader:
 * the YAML is judged by the check it loads as, not by its text.
 */
class TestdriveImportTest {
    static TestdriveImport.Result importValidate(String text) {
        return TestdriveImport.convert("t", new TestdriveImport.Phases(null, null, null, new TestdriveImport.Fragment("v.td", text)),
                "schema/check.schema.json");
    }

    static List<PhaseItem> validate(String text) {
        TestdriveImport.Result r = importValidate(text);
        assertEquals(List.of(), r.untranslated());
        return Loader.parseCheck(r.yaml(), "t.yaml").validate();
    }

    static Statement statement(String text) {
        return assertInstanceOf(Statement.class, validate(text).get(0));
    }

    private static List<String> guards(Statement s) {
        return s.when().stream().map(Guard::text).toList();
    }

    // sql.rs run_sql: rows are compared; <null> is NULL; testdrive renders booleans true/false
    @Test
    void rowsBecomeQueryWithTypedCells() {
        Statement s = statement("> SELECT 1, 'x y', NULL, true, 'a'\n1 \"x y\" <null> true a\n");
        Expectation.Rows rows = assertInstanceOf(Expectation.Rows.class, s.expect());
        assertEquals(List.of(List.of(Cell.number("1"), Cell.string("x y"), Cell.nul(), Cell.bool(true), Cell.string("a"))), rows.rows());
        assertNull(rows.columns());
    }

    // parse_sql: a header line above --- checks the column names
    @Test
    void headerBecomesColumns() {
        Expectation.Rows rows = (Expectation.Rows) statement("> SELECT 1 AS a\na\n---\n1\n").expect();
        assertEquals(List.of("a"), rows.columns());
    }

    // run_sql: a > without rows expects an empty result; a statement that returns no rows is plain sql
    @Test
    void withoutRowsSelectExpectsEmptyAndDdlIsSql() {
        assertEquals(new Expectation.Rows(List.of(), null, false), statement("> SELECT 1 WHERE false\n").expect());
        Statement ddl = statement("> CREATE TABLE t (a int)\n");
        assertInstanceOf(Expectation.Succeeds.class, ddl.expect());
        assertNull(ddl.retry());
    }

    // run_sql should_retry: INSERT, UPDATE, ALTER SYSTEM and GRANT are retried on error; the harness needs retry: on sql
    @Test
    void retriedStatementsGetRetry() {
        for (String sql : List.of("INSERT INTO t VALUES (1)", "UPDATE t SET a = 1", "ALTER SYSTEM SET x = 1", "GRANT SELECT ON t TO r")) {
            assertEquals(Duration.ofSeconds(30), statement("> " + sql + "\n").retry(), sql);
        }
        assertNull(statement("> DELETE FROM t\n").retry());
    }

    // parse_explain_sql: ? compares one raw multi-line value
    @Test
    void explainIsOneMultiLineCell() {
        Statement s = statement("? EXPLAIN SELECT 1\nplan line\n  child\n\n> SELECT 1\n1\n");
        assertEquals(List.of(List.of(Cell.string("plan line\n  child\n"))), ((Expectation.Rows) s.expect()).rows());
    }

    // run_fail_sql: contains / regex / exact match the primary message
    @Test
    void errorMatchers() {
        assertEquals(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.CONTAINS, "division by zero"),
                ((Expectation.Fails) statement("! SELECT 1/0\ncontains:division by zero\n").expect()).match());
        assertEquals(Expectation.ErrorMatch.Kind.REGEX, ((Expectation.Fails) statement("! SELECT x\nregex:col.*x\n").expect()).match().kind());
        assertEquals(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.EXACT, "column \"x\" does not exist"),
                ((Expectation.Fails) statement("! SELECT x\nexact:column \"x\" does not exist\n").expect()).match());
    }

    // timeout, detail: and hint: have no harness form: listed, kept as TODO, the check still loads
    @Test
    void timeoutAndDetailAreNotTranslated() {
        TestdriveImport.Result r = importValidate("! SELECT pg_sleep(10)\ntimeout\n! SELECT x\ncontains:x\ndetail:d\n");
        assertEquals(2, r.untranslated().size(), r.untranslated().toString());
        assertTrue(r.untranslated().get(0).startsWith("v.td:1: not translated: 'timeout'"), r.untranslated().get(0));
        assertTrue(r.yaml().contains("# TODO v.td:1: not translated"), r.yaml());
        assertEquals(1, Loader.parseCheck(r.yaml(), "t.yaml").validate().size(), "the ! with detail: is kept, its detail listed");
        assertEquals(1, r.exitCode());
    }

    // parse_version_constraint + version_check: guards on current, a range is two
    @Test
    void versionGuards() {
        assertEquals(List.of("current >= v0.135.0"), guards(statement(">[version>=13500] SELECT 1\n1\n")));
        assertEquals(List.of("current >= v26.2.0", "current < v26.3.0"), guards(statement(">[2600200<=version<2600300] SELECT 1\n1\n")));
    }

    // skip_if.rs: the rest of the fragment (up to $ skip-end) is skipped when the query is true
    @Test
    void skipIfGuardsTheRestOfTheFragment() {
        List<PhaseItem> items = validate("> SELECT 0\n0\n$ skip-if\nSELECT mz_version_num() < 8300\n> SELECT 1\n1\n$ skip-end\n> SELECT 2\n2\n");
        assertEquals(List.of(), guards((Statement) items.get(0)));
        assertEquals(List.of("current >= v0.83.0"), guards((Statement) items.get(1)));
        assertEquals(List.of(), guards((Statement) items.get(2)));
        assertEquals(List.of("current < v0.83.0"), guards(statement("$ skip-if\nSELECT 8300 <= mz_version_num()\n> SELECT 1\n1\n")));
    }

    // a skip-if of another shape keeps its meaning only by hand
    @Test
    void otherSkipIfIsNotTranslated() {
        assertEquals(1, importValidate("$ skip-if\nSELECT true\n").untranslated().size());
    }

    // postgres/execute.rs: the connection URL decides who runs the statements, one statement per input line
    @Test
    void postgresExecuteByUrl() {
        List<PhaseItem> items = validate("""
                $ postgres-execute connection=postgres://mz_system:materialize@${testdrive.materialize-internal-sql-addr}
                ALTER SYSTEM SET x = 1
                $ postgres-execute connection=postgres://materialize:materialize@${testdrive.materialize-sql-addr}
                CREATE TABLE a (x int)
                CREATE TABLE b (x int)
                $ postgres-execute connection=postgres://alice:secret@${testdrive.materialize-password-sql-addr}
                SELECT 1
                $ postgres-execute connection=postgres://bob@${testdrive.materialize-sql-addr}
                SELECT 2
                $ postgres-execute connection=mz_system
                SELECT 3
                """);
        assertTrue(((Statement) items.get(0)).asSystem());
        assertEquals(List.of("CREATE TABLE a (x int)", "CREATE TABLE b (x int)"), items.subList(1, 3).stream().map(i -> ((Statement) i).sql()).toList());
        assertNull(((Statement) items.get(1)).as());
        assertEquals(new Login("alice", "secret", Login.Listener.PASSWORD), ((Statement) items.get(3)).as());
        assertEquals(new Login("bob", null, Login.Listener.SQL), ((Statement) items.get(4)).as());
        assertTrue(((Statement) items.get(5)).asSystem());
    }

    // a literal host is a service the scenario declares: on: and the check needs it
    @Test
    void externalPostgresBecomesOnService() {
        TestdriveImport.Result r = importValidate("$ postgres-execute connection=postgres://postgres:postgres@postgres\nCREATE TABLE u (a int)\n");
        Check c = Loader.parseCheck(r.yaml(), "t.yaml");
        assertEquals("postgres", ((Statement) c.validate().get(0)).on());
        assertEquals(List.of("postgres"), c.services());
    }

    // postgres/connect.rs: a named connection is a second session of the fragment
    @Test
    void postgresConnectOpensASession() {
        List<PhaseItem> items = validate("""
                $ postgres-connect name=other url=postgres://materialize:materialize@${testdrive.materialize-sql-addr}
                $ postgres-execute connection=other
                BEGIN
                """);
        assertEquals("other", assertInstanceOf(PhaseItem.OpenSession.class, items.get(0)).name());
        assertEquals("other", ((Statement) items.get(1)).session());
    }

    // set.rs set_vars: constants; the harness keeps them as check vars
    @Test
    void setBecomesCheckVars() {
        TestdriveImport.Result r = importValidate("$ set a=1\n$ set multi\nline 1\nline 2\n> SELECT '${a}'\n1\n");
        Check c = Loader.parseCheck(r.yaml(), "t.yaml");
        assertEquals(Map.of("a", "1", "multi", "line 1\nline 2"), c.vars());
        assertEquals("SELECT '${a}'", ((Statement) c.validate().get(0)).sql());
        assertEquals(1, importValidate("$ set a=1\n$ set a=2\n").untranslated().size(), "a var set twice differently is no constant");
    }

    // set.rs run_set_from_sql: one value bound to a name
    @Test
    void setFromSqlBecomesCapture() {
        Statement s = statement("$ set-from-sql var=t0\nSELECT now()::text\n");
        assertEquals("t0", s.capture());
        assertEquals("SELECT now()::text", s.sql());
    }

    // set.rs run_regex_set / run_regex_unset: one mask at a time, <regex_match> by default
    @Test
    void setRegexBecomesMasks() {
        List<PhaseItem> items = validate("$ set-regex match=u[0-9]+ replacement=<id>\n$ unset-regex\n$ set-regex match=x\n");
        assertEquals("<id>", ((PhaseItem.SetMasks) items.get(0)).masks().get(0).replace());
        assertEquals(List.of(), ((PhaseItem.SetMasks) items.get(1)).masks());
        assertEquals("<regex_match>", ((PhaseItem.SetMasks) items.get(2)).masks().get(0).replace());
    }

    // set.rs run_sql_timeout: the budget of the statements that follow in the fragment
    @Test
    void setSqlTimeoutInsideAFragmentGoesOnTheStatementsAfterIt() {
        List<PhaseItem> items = validate("> SELECT 1\n1\n$ set-sql-timeout duration=2m\n> SELECT 2\n2\n> INSERT INTO t VALUES (1)\n> CREATE TABLE x (a int)\n");
        assertNull(((Statement) items.get(0)).retry());
        assertEquals(Duration.ofMinutes(2), ((Statement) items.get(1)).retry());
        assertEquals(Duration.ofMinutes(2), ((Statement) items.get(2)).retry());
        assertNull(((Statement) items.get(3)).retry(), "DDL is tried once whatever the timeout");
    }

    // at the top of every fragment the timeout is the check's retry
    @Test
    void setSqlTimeoutAtTheTopOfEveryFragmentIsTheChecksRetry() {
        TestdriveImport.Fragment a = new TestdriveImport.Fragment("a.td", "$ set-sql-timeout duration=90s\n> SELECT 1\n1\n");
        TestdriveImport.Fragment b = new TestdriveImport.Fragment("b.td", "# why\n$ set-sql-timeout duration=90s\n> SELECT 2\n2\n");
        Check c = Loader.parseCheck(TestdriveImport.convert("t", new TestdriveImport.Phases(a, null, null, b), "s").yaml(), "t.yaml");
        assertEquals(Duration.ofSeconds(90), c.retry());
        assertNull(((Statement) c.validate().get(0)).retry());
    }

    // sleep.rs: duration in humantime
    @Test
    void sleepBecomesSleep() {
        PhaseItem.Sleep s = assertInstanceOf(PhaseItem.Sleep.class, validate("$ sleep-is-probably-flaky-i-have-justified-my-need-with-a-comment duration=\"1m 30s\"\n").get(0));
        assertEquals(Duration.ofSeconds(90), s.duration());
    }

    // action.rs substitute_vars / initialize_cmd_vars: testdrive.seed and arg.X have harness counterparts
    @Test
    void variables() {
        assertEquals("SELECT '${seed}', '${x}'", statement("> SELECT '${testdrive.seed}', '${arg.x}'\n").sql());
        TestdriveImport.Result r = importValidate("> SELECT '${testdrive.kafka-addr}'\n");
        assertTrue(r.untranslated().get(0).contains("${testdrive.kafka-addr} has no harness variable"), r.untranslated().toString());
    }

    @Test
    void kafkaIsListedAndTheCheckStillLoads() {
        TestdriveImport.Result r = importValidate("$ kafka-create-topic topic=t\n> SELECT 1\n1\n$ kafka-ingest topic=t format=bytes\nhello\n");
        assertEquals(List.of("v.td:1: not translated: $ kafka-create-topic: Kafka is not available to harness checks",
                "v.td:4: not translated: $ kafka-ingest: Kafka is not available to harness checks"), r.untranslated());
        assertTrue(r.yaml().contains("#   $ kafka-ingest topic=t format=bytes\n  #   hello\n"), r.yaml());
        assertEquals(1, Loader.parseCheck(r.yaml(), "t.yaml").validate().size());
    }

    @Test
    void syntaxErrorIsInvalidInputWithLineAndColumn() {
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class, () -> importValidate("> SELECT 1\n1 \"open\n"));
        assertEquals("v.td:2:3: unterminated quote", e.problems().get(0).toString());
    }

    /** Text that YAML could misread (types, indicators, quotes, escapes, blocks) reads back exactly. */
    @Test
    void hazardousTextReadsBackExactly() {
        List<String> values = List.of("null", "~", "true", "no", "1e3", "0x1F", ".inf", "-", "- a", "a: b", "a #b", "#x", "'q'", "\"dq\"",
                "[x]", "{y}", "a, b", "&a", "*b", "!t", "%p", "@at", "`bt`", "|", ">", "? q", "x:", " lead", "trail ", "tab\there",
                "back\\slash", "uni ☃ é", "line1\nline2", "ends\n", "two\n\n", "\n", " indented\nsecond", "cr\r\nlf", "nul\0x");
        for (String v : values) {
            String quoted = "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r").replace("\0", "\\0") + "\"";
            Statement s = statement("> SELECT x\n" + quoted + " " + quoted + "\n");
            List<Cell> row = ((Expectation.Rows) s.expect()).rows().get(0);
            // true/false and decimals are typed whether quoted or not: testdrive compares their text, which they match
            if (!v.equals("true") && !v.equals("1e3")) assertEquals(Cell.string(v), row.get(0), "value " + quoted);
            if (!v.contains("\n") && !v.contains("\r") && !v.contains("\0") && !v.contains("\t")) {
                assertEquals("SELECT '" + v.strip() + "'", statement("> SELECT '" + v.strip() + "'\n").sql(), "sql " + quoted);
            }
        }
    }
}
