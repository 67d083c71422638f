package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of loader error, each asserting the exact position and the wording users see. */
class LoaderErrorsTest {
    static final String DIR = "src/test/resources/load/errors/";

    static List<Problem> checkProblems(String file) {
        return assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadCheck(Path.of(DIR + file))).problems();
    }

    static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    static void assertAt(Problem p, String file, int line, int column) {
        assertEquals(DIR + file + ":" + line + ":" + column, p.where().toString(), p::toString);
    }

    @Test
    void threeManipulatePhasesPointAtTheExtraPhase() {
        Problem p = only(checkProblems("three_phases.yaml"));
        assertAt(p, "three_phases.yaml", 8, 3);
        assertEquals("manipulate must have exactly the phases 1 and 2, found 1, 2, 3", p.message());
    }

    @Test
    void rowsThatAreNotAListNameTheKeyAndWhatWasFound() {
        Problem p = only(checkProblems("rows_not_list.yaml"));
        assertAt(p, "rows_not_list.yaml", 3, 11);
        assertEquals("'rows' must be a list of rows (a list of lists), found a string '1'", p.message());
    }

    @Test
    void unknownKeyPointsAtTheKeyAndListsTheAllowedOnes() {
        Problem p = only(checkProblems("unknown_key.yaml"));
        assertAt(p, "unknown_key.yaml", 4, 5);
        assertEquals("unknown key 'rowz' in statement; expected one of: sql, query, rows, columns, ordered, error, retry, as, capture, session, sleep, masks, open-session, on, when", p.message());
    }

    @Test
    void yamlSyntaxErrorCarriesTheParsersPosition() {
        Problem p = only(checkProblems("syntax.yaml"));
        assertAt(p, "syntax.yaml", 4, 3);
        assertTrue(p.message().startsWith("YAML syntax error: expected ',' or ']'"), p.message());
        assertTrue(p.message().contains("flow sequence at line 3, column 11"), p.message());
    }

    @Test
    void duplicateKeyPointsAtTheSecondAndNamesTheFirst() {
        Problem p = only(checkProblems("duplicate_key.yaml"));
        assertAt(p, "duplicate_key.yaml", 4, 5);
        assertEquals("duplicate key 'sql' (first defined at line 2, column 5)", p.message());
    }

    @Test
    void emptyFileIsAProblemAtTheStart() {
        Problem p = only(checkProblems("empty.yaml"));
        assertAt(p, "empty.yaml", 1, 1);
        assertTrue(p.message().contains("file is empty"), p.message());
    }

    @Test
    void aliasBombFailsAtTheAliasThatCrossesTheExpandedSizeWithoutExpanding() {
        Problem p = only(checkProblems("alias_bomb.yaml"));
        assertAt(p, "alias_bomb.yaml", 6, 11); // the second *e: 2 x 66430 values
        assertTrue(p.message().startsWith("the document has more than 200000 values"), p.message());
    }

    @Test
    void manyAliasesToListsFailAtTheFirstOneAboveTheLimit() {
        Problem p = only(checkProblems("many_aliases.yaml"));
        assertAt(p, "many_aliases.yaml", 56, 5); // the 51st alias
        assertTrue(p.message().startsWith("too many aliases: more than 50 aliases"), p.message());
        assertTrue(p.message().contains("billion laughs"), p.message());
    }

    @Test
    void aScalarAnchorRepeatedUntilHundredsOfMegabytesFailsAtTheAliasThatCrossesTheLimit(@TempDir Path dir) throws IOException {
        // a 130 KB file: 40 KB of SQL, then 10000 aliases to it, 400 MB expanded
        StringBuilder yaml = new StringBuilder("check: scalar_bomb\nvalidate:\n  - sql: &q \"SELECT " + "x".repeat(40_000) + "\"\n");
        yaml.append("  - sql: *q\n".repeat(10_000));
        Path file = Files.writeString(dir.resolve("scalar_bomb.yaml"), yaml);
        Problem p = only(assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadCheck(file)).problems());
        // 8 MiB / ~40010 characters per statement: the anchor and 208 aliases fit, the 209th alias (line 3 + 209) does not
        assertEquals(file + ":212:10", p.where().toString());
        assertTrue(p.message().startsWith("the document expands to more than 8 MB of text"), p.message());
    }

    @Test
    void recursiveAliasIsRejected() {
        Problem p = only(checkProblems("recursive_alias.yaml"));
        assertAt(p, "recursive_alias.yaml", 1, 11);
        assertTrue(p.message().startsWith("recursive alias"), p.message());
    }

    @Test
    void documentThatIsNotAMappingSaysWhatItIs() {
        Problem p = only(checkProblems("list_document.yaml"));
        assertAt(p, "list_document.yaml", 1, 1);
        assertEquals("a check file must hold a mapping (key: value lines), found a list", p.message());
    }

    @Test
    void fileThatIsNotTextIsAProblem() {
        Problem p = only(checkProblems("not_utf8.yaml"));
        assertAt(p, "not_utf8.yaml", 2, 17); // the 0xFF after "  - sql: SELECT "
        assertEquals("not UTF-8 text: byte 0xFF cannot start or continue a character here; save the file as UTF-8", p.message());
    }

    @Test
    void missingFileIsAProblem() {
        Problem p = only(checkProblems("no_such_file.yaml"));
        assertAt(p, "no_such_file.yaml", 1, 1);
        assertEquals("cannot read file: no such file", p.message());
    }

    @Test
    void badWhenShowsTheExpectedForm() {
        Problem p = only(checkProblems("bad_when.yaml"));
        assertAt(p, "bad_when.yaml", 4, 11);
        assertEquals("'when' must be a guard like 'current >= v0.135.0', 'base < 15.18' or 'current == base', found a string 'current is newer than v1.0'", p.message());
    }

    @Test
    void badDurationShowsTheExpectedForm() {
        Problem p = only(checkProblems("bad_duration.yaml"));
        assertAt(p, "bad_duration.yaml", 4, 12);
        assertEquals("'retry' must be a duration like 30s, 500ms, 2m or 1h, found a string '1 minute'", p.message());
    }

    @Test
    void allProblemsOfAFileComeTogetherInOrder() {
        List<Problem> ps = checkProblems("many.yaml");
        assertEquals(List.of("2:1", "5:12", "5:15", "7:12"),
                ps.stream().map(p -> p.where().line() + ":" + p.where().column()).toList(), ps::toString);
        assertTrue(ps.get(0).message().startsWith("unknown key 'sinse' in check"));
        assertEquals("item 1 of 'rows' must be a row (a list of values), found the number 1", ps.get(1).message());
    }

    @Test
    void sinceMustBeBelowBefore() {
        Problem p = only(checkProblems("since_not_below_before.yaml"));
        assertAt(p, "since_not_below_before.yaml", 2, 9);
        assertTrue(p.message().startsWith("'since' (v0.140.0) must be below 'before' (v0.78.0)"), p.message());
    }

    @Test
    void queryNeedsRowsAndSqlMustNotHaveThem() {
        List<Problem> ps = checkProblems("query_without_rows.yaml");
        assertEquals(2, ps.size(), ps::toString);
        assertAt(ps.get(0), "query_without_rows.yaml", 2, 5);
        assertTrue(ps.get(0).message().startsWith("a 'query' needs 'rows'"));
        assertAt(ps.get(1), "query_without_rows.yaml", 4, 5);
        assertTrue(ps.get(1).message().startsWith("'rows' belongs to a 'query'"));
    }

    @Test
    void scenarioStepProblems() {
        List<Problem> ps = assertThrows(HarnessException.InvalidInput.class,
                () -> Loader.loadScenario(Path.of(DIR + "bad_scenario.yaml"))).problems();
        assertEquals(4, ps.size(), ps::toString);
        assertAt(ps.get(0), "bad_scenario.yaml", 3, 43);
        assertEquals("unknown key 'readonly' in start; expected one of: service, version, read-only, generation, settings, system-parameters, env, args, force-migrations, soft-assertions,"
                + " builtin-replication-factor, restart, healthcheck, system-parameter-version", ps.get(0).message());
        assertAt(ps.get(1), "bad_scenario.yaml", 4, 17);
        assertEquals("'manipulate' must be 1, 2, or a mapping with phase (1 or 2) and on, found the number 3", ps.get(1).message());
        assertAt(ps.get(2), "bad_scenario.yaml", 5, 5);
        assertTrue(ps.get(2).message().startsWith("a step is a mapping with exactly one key"), ps.get(2).message());
        assertTrue(ps.get(2).message().endsWith("found kill, stop"), ps.get(2).message());
        assertAt(ps.get(3), "bad_scenario.yaml", 7, 5);
        assertTrue(ps.get(3).message().startsWith("item 4 of 'steps' must be a step"), ps.get(3).message());
    }

    @Test
    void numbersOutOfRangeAreProblemsNotCrashes() {
        List<Problem> ps = assertThrows(HarnessException.InvalidInput.class,
                () -> Loader.loadScenario(Path.of(DIR + "huge_generation.yaml"))).problems();
        assertAt(only(ps), "huge_generation.yaml", 2, 55);
        assertEquals("'generation' must be a whole number from 0 to 1000000, found the number 99999999999", ps.get(0).message());
    }

    @Test
    void duplicateCheckNamesAcrossFilesPointAtBoth() {
        List<Problem> ps = assertThrows(HarnessException.InvalidInput.class,
                () -> Loader.loadChecks(List.of(Path.of("src/test/resources/load/dupes")))).problems();
        assertEquals(2, ps.size(), ps::toString);
        assertEquals("src/test/resources/load/dupes/a.yaml:1:8", ps.get(0).where().toString());
        assertEquals("duplicate check name 'same', also defined at src/test/resources/load/dupes/b.yaml:2:8", ps.get(0).message());
        assertEquals("src/test/resources/load/dupes/b.yaml:2:8", ps.get(1).where().toString());
    }

    @Test
    void loadChecksCollectsProblemsOfEveryFile() {
        List<Problem> ps = assertThrows(HarnessException.InvalidInput.class,
                () -> Loader.loadChecks(List.of(Path.of(DIR + "empty.yaml"), Path.of(DIR + "bad_when.yaml")))).problems();
        assertEquals(2, ps.size(), ps::toString);
    }
}
