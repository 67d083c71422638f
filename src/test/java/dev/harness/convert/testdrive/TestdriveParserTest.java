package dev.harness.convert.testdrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parsing rules of testdrive's src/testdrive/src/parser.rs (commit 30e4b1d2), one test per rule; each test names
 * the function whose behaviour it mirrors.
 */
class TestdriveParserTest {
    private static List<TdCommand> parse(String text) {
        return TestdriveParser.parse(new TestdriveLines("f.td", text));
    }

    private static TdCommand.Query query(String text) {
        return assertInstanceOf(TdCommand.Query.class, parse(text).get(0));
    }

    private static String syntaxError(String text) {
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class, () -> parse(text));
        return e.problems().get(0).toString();
    }

    // split_line: whitespace separates values, runs of it count once
    @Test
    void rowValuesAreSeparatedByWhitespace() throws Exception {
        assertEquals(List.of("1", "a", "b"), RowTokens.split("1   a\tb "));
    }

    // split_line: "…" quotes a value with spaces; a closing quote ends a value even when it is empty
    @Test
    void quotesHoldSpacesAndMayBeEmpty() throws Exception {
        assertEquals(List.of("x y", "", "z"), RowTokens.split("\"x y\" \"\" z"));
    }

    // split_line: inside quotes \n \t \r \0 are control characters and any other escaped character stands for itself
    @Test
    void escapesInsideQuotes() throws Exception {
        assertEquals(List.of("a\nb\tc\rd\0e\"f\\g"), RowTokens.split("\"a\\nb\\tc\\rd\\0e\\\"f\\\\g\""));
        assertEquals(List.of("q"), RowTokens.split("\"\\q\""));
    }

    // split_line: outside quotes a backslash is an ordinary character
    @Test
    void backslashOutsideQuotesIsLiteral() throws Exception {
        assertEquals(List.of("a\\nb"), RowTokens.split("a\\nb"));
    }

    // split_line: a quote in the middle of a value joins what follows up to the closing quote
    @Test
    void quoteInsideAValueJoins() throws Exception {
        assertEquals(List.of("ab c", "d"), RowTokens.split("ab\" c\" d"));
    }

    // split_line: an open quote is an error at its position
    @Test
    void unterminatedQuoteIsAnErrorAtTheQuote() {
        assertEquals("f.td:2:3: unterminated quote", syntaxError("> SELECT 1\n1 \"x"));
    }

    // LineReader::read_one: a SQL command continues on lines indented by two spaces, newline kept, spaces dropped
    @Test
    void sqlContinuationKeepsTheNewlineAndDropsTwoSpaces() {
        TdCommand.Query q = query("> SELECT a,\n    b\n  FROM t\n1 2\n");
        assertEquals("SELECT a,\n  b\nFROM t", q.sql());
        assertEquals(List.of(List.of("1", "2")), q.rows());
    }

    // LineReader::read_one: a builtin's continuation drops the newline and one space, keeping its arguments on one line
    @Test
    void builtinContinuationJoinsWithOneSpace() {
        TdCommand.Builtin b = assertInstanceOf(TdCommand.Builtin.class, parse("$ set-regex\n  match=x\n  replacement=y\n").get(0));
        assertEquals(Map.of("match", "x", "replacement", "y"), b.args());
    }

    // LineReader::read_one: blank lines are skipped, also between a command and its rows
    @Test
    void blankLinesAreSkipped() {
        assertEquals(List.of(List.of("1")), query("> SELECT 1\n\n   \n1\n").rows());
    }

    // parse / slurp_one: # lines are comments, also among expected rows
    @Test
    void commentsAmongRowsAreSkipped() {
        List<TdCommand> cs = parse("# hello\n> SELECT 1\n# not a row\n1\n");
        assertEquals("hello", assertInstanceOf(TdCommand.Comment.class, cs.get(0)).text());
        assertEquals(List.of(List.of("1")), ((TdCommand.Query) cs.get(1)).rows());
    }

    // slurp_one: a leading backslash is dropped, so a value may start with a sigil
    @Test
    void leadingBackslashEscapesASigil() {
        assertEquals(List.of(List.of(">", "x")), query("> SELECT '>', 'x'\n\\> x\n").rows());
    }

    // parse_sql: a second line of at least three dashes makes the first the column names
    @Test
    void headerAboveDashesNamesTheColumns() {
        TdCommand.Query q = query("> SELECT 1 AS a, 2 AS b\na b\n---\n1 2\n");
        assertEquals(List.of("a", "b"), q.columns());
        assertEquals(List.of(List.of("1", "2")), q.rows());
        assertNull(query("> SELECT 1\na\n--\n").columns(), "two dashes are a row, not a separator");
    }

    // parse_sql: no expected lines = an empty result
    @Test
    void noRowsIsAnEmptyResult() {
        TdCommand.Query q = query("> SELECT 1 WHERE false\n> SELECT 2\n2\n");
        assertEquals(List.of(), q.rows());
        assertNull(q.columns());
    }

    // parse_sql: one line "N values hashing to MD5" is a hashed result
    @Test
    void hashedResultIsRecognised() {
        assertEquals("3 values hashing to abc", query("> SELECT 1\n3 values hashing to abc\n").hashed());
    }

    // parse_explain_sql: the raw lines up to the next command, comments dropped, blank lines kept, trailing ones trimmed
    @Test
    void explainKeepsRawLinesAsOneValue() {
        TdCommand.Query q = query("? EXPLAIN SELECT 1\nExplained Query:\n  Map (1)\n\n# c\n  Constant\n\n\n> SELECT 1\n1\n");
        assertTrue(q.explain());
        assertEquals(List.of(List.of("Explained Query:\n  Map (1)\n\n  Constant\n")), q.rows());
    }

    // parse_fail_sql: the next line is contains:, exact:, regex: (value trimmed) or timeout
    @Test
    void errorMatchers() {
        for (String kind : List.of("contains", "exact", "regex")) {
            TdCommand.FailQuery f = assertInstanceOf(TdCommand.FailQuery.class, parse("! SELECT x\n" + kind + ":  no such column \n").get(0));
            assertEquals(kind, f.kind());
            assertEquals("no such column", f.expected());
        }
        assertEquals("timeout", ((TdCommand.FailQuery) parse("! SELECT x\ntimeout\n").get(0)).kind());
    }

    // parse_fail_sql: optional detail: then hint: lines
    @Test
    void detailAndHintFollowTheMatcher() {
        TdCommand.FailQuery f = (TdCommand.FailQuery) parse("! SELECT x\ncontains:a\ndetail:b\nhint:c\n> SELECT 1\n1\n").get(0);
        assertEquals("b", f.detail());
        assertEquals("c", f.hint());
    }

    // parse_fail_sql: a missing or unknown matcher is an error
    @Test
    void badMatchersAreErrors() {
        assertEquals("f.td:1:1: failing SQL command is missing expected error message", syntaxError("! SELECT x\n"));
        assertTrue(syntaxError("! SELECT x\nsubstring:x\n").startsWith("f.td:2:1: Query error must start with match specifier"));
    }

    // parse: a line that starts no command where one is due is an error
    @Test
    void strayLineIsAnError() {
        assertEquals("f.td:3:1: unexpected input line at beginning of file: o", syntaxError("! SELECT x\ncontains:a\noops\n"));
    }

    // BuiltinReader: quotes outside braces are dropped, kept inside; braces and brackets nest
    @Test
    void builtinArgumentsQuoteAndNest() throws Exception {
        BuiltinArgs.Parsed p = BuiltinArgs.parse("$ psql-execute command=\"\\dt public\" schema={\"a b\": [1, 2]}");
        assertEquals("psql-execute", p.name());
        assertEquals(Map.of("command", "\\dt public", "schema", "{\"a b\": [1, 2]}"), p.args());
    }

    // parse_builtin / validate_ident: keys are lowercase letters, digits, hyphens; each at most once; a bare key has ""
    @Test
    void builtinKeysAreCheckedAndUnique() throws Exception {
        assertEquals(Map.of("name", ""), BuiltinArgs.parse("$ set name").args());
        assertTrue(syntaxError("$ set Name=1\n").startsWith("f.td:1:7: invalid builtin argument name 'Name'"));
        assertTrue(syntaxError("$ set a=1 a=2\n").startsWith("f.td:1:11: argument 'a' specified twice"));
        assertTrue(syntaxError("$ set a={1\n").contains("unterminated open brace"));
        assertTrue(syntaxError("$ set a=1]\n").contains("unbalanced close bracket"));
        assertTrue(syntaxError("$ set a=\"1\n").contains("unterminated open double quote"));
    }

    // parse_builtin: the input is the following lines, comments skipped
    @Test
    void builtinInputLines() {
        TdCommand.Builtin b = (TdCommand.Builtin) parse("$ postgres-execute connection=mz_system\nA\n# c\nB\n").get(0);
        assertEquals(List.of("A", "B"), b.input());
        assertEquals(4, b.last());
    }

    // parse_version_constraint: [version OP N] for = < <= > >=, numbers MMmmmpp
    @Test
    void versionConstraintsOneSided() throws Exception {
        assertEquals(List.of("current >= v0.135.0"), VersionConstraint.parse(">[version>=13500] SELECT 1").guards());
        assertEquals(List.of("current < v26.2.3"), VersionConstraint.parse(">[version<2600203] SELECT 1").guards());
        assertEquals(List.of("current == v0.83.0"), VersionConstraint.parse(">[version=8300] SELECT 1").guards());
        assertEquals(List.of("current > v1.2.3"), VersionConstraint.parse(">[version>100203] SELECT 1").guards());
        assertEquals(List.of("current <= v0.1.0"), VersionConstraint.parse(">[version<=100] SELECT 1").guards());
    }

    // parse_version_constraint: [A<=version<B] and [A<version<=B] are ranges: two guards
    @Test
    void versionConstraintRanges() throws Exception {
        assertEquals(List.of("current >= v26.2.0", "current < v26.3.0"), VersionConstraint.parse(">[2600200<=version<2600300] x").guards());
        assertEquals(List.of("current > v26.2.0", "current <= v26.3.0"), VersionConstraint.parse(">[2600200<version<=2600300] x").guards());
        assertEquals(List.of("current > v26.2.0"), VersionConstraint.parse(">[2600200<version] x").guards());
    }

    // parse_version_constraint: the statement follows the closing bracket, with the character after ']' skipped
    @Test
    void versionConstraintOnEveryCommandKind() {
        TdCommand.Query q = query(">[version>=13500] SELECT 1\n1\n");
        assertEquals("SELECT 1", q.sql());
        assertEquals(List.of("current >= v0.135.0"), q.guards());
        assertEquals(List.of("current < v0.135.0"), ((TdCommand.FailQuery) parse("![version<13500] SELECT x\ncontains:y\n").get(0)).guards());
        assertEquals(List.of("current >= v0.1.0"), ((TdCommand.Query) parse("?[version>=100] EXPLAIN x\ny\n").get(0)).guards());
        assertEquals(List.of("current >= v0.1.0"), ((TdCommand.Builtin) parse("$[version>=100] nop\n").get(0)).guards());
    }

    // parse_version_constraint: malformed constraints are errors at the line
    @Test
    void malformedVersionConstraints() {
        assertTrue(syntaxError(">[version>=1 SELECT 1\n").contains("found no closing brace"));
        assertTrue(syntaxError(">[1<=versio] SELECT 1\n").contains("expected 'version'"));
        assertTrue(syntaxError(">[version>=x] SELECT 1\n").contains("invalid version number x"));
        assertTrue(syntaxError(">[1<version>=5] SELECT 1\n").contains("with a set minimum version"));
        assertTrue(syntaxError(">[version==5] SELECT 1\n").contains("unknown comparison operator =="));
        assertTrue(syntaxError(">[12 SELECT 1]\n").startsWith("f.td:1:2: version-constraint: initial number but no '<'"));
    }
}
