package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Check;
import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.SourceRef;
import dev.harness.model.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario keys systems, requires, forced-migrations, the upgrade-path key phases and the check flags, from YAML. */
class ScopeAndPhasesLoadingTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String STEPS = """
            steps:
              - start: {service: db_1, version: oldest}
              - initialize
              - upgrade-path: {versions: random, via: zero-downtime, phases: random}
            """;

    @Test
    void scenarioScopeAndRandomPhases() throws IOException {
        Path file = write("s.yaml", """
                scenario: s
                systems: [materialize]
                requires: [external-idempotence]
                forced-migrations: true
                """ + STEPS);
        Scenario s = Loader.loadScenario(file);
        assertEquals(new Scenario.Scope(List.of("materialize"), SourceRef.of(file.toString(), 2, 1), true, true), s.scope());
        Step.UpgradePath path = (Step.UpgradePath) s.steps().get(2);
        assertEquals(Step.PhasePlacement.RANDOM, path.phases());
    }

    @Test
    void withoutTheKeysAScenarioRunsEverywhereTakesEveryCheckAndItsPathPlacesNoPhases() throws IOException {
        Scenario s = Loader.loadScenario(write("s.yaml", STEPS.replace(", phases: random", "")));
        assertEquals(Scenario.Scope.ANY, s.scope());
        assertTrue(s.scope().allows("postgres"));
        assertEquals(Step.PhasePlacement.NONE, ((Step.UpgradePath) s.steps().get(2)).phases());
        Scenario none = Loader.loadScenario(write("t.yaml", STEPS.replace("phases: random", "phases: none")));
        assertEquals(Step.PhasePlacement.NONE, ((Step.UpgradePath) none.steps().get(2)).phases());
    }

    @Test
    void checkFlags() throws IOException {
        Check flagged = Loader.loadCheck(write("c.yaml", """
                check: c
                externally-idempotent: false
                supports-forced-migrations: false
                validate:
                  - sql: SELECT 1
                """));
        assertFalse(flagged.externallyIdempotent());
        assertFalse(flagged.supportsForcedMigrations());
        Check plain = Loader.loadCheck(write("d.yaml", "validate:\n  - sql: SELECT 1\n"));
        assertTrue(plain.externallyIdempotent());
        assertTrue(plain.supportsForcedMigrations());
    }

    @Test
    void badValuesArePositionedProblems() throws IOException {
        Path file = write("bad.yaml", """
                systems: [oracle]
                requires: [idempotence]
                forced-migrations: yes please
                """ + STEPS.replace("phases: random", "phases: sometimes"));
        List<Problem> ps = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadScenario(file)).problems();
        List<String> lines = ps.stream().map(p -> p.where().line() + ":" + p.where().column() + " " + p.message()).toList();
        assertEquals(4, ps.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("1:11 ") && lines.get(0).contains("materialize or postgres"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2:12 ") && lines.get(1).contains("external-idempotence"), lines.get(1));
        assertTrue(lines.get(2).startsWith("3:20 ") && lines.get(2).contains("true or false"), lines.get(2));
        assertTrue(lines.get(3).startsWith("7:66 ") && lines.get(3).contains("none or random"), lines.get(3));
    }

    @Test
    void anEmptySystemsListSaysToLeaveTheKeyOut() throws IOException {
        Path file = write("empty.yaml", "systems: []\n" + STEPS);
        Problem p = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadScenario(file)).problems().get(0);
        assertEquals(1, p.where().line());
        assertEquals("'systems' must be a list of one or more systems (materialize, postgres); leave the key out for all,"
                + " found an empty list", p.message());
    }

    @Test
    void aMisspelledCheckFlagIsAnUnknownKey() throws IOException {
        Path file = write("c.yaml", "externaly-idempotent: false\nvalidate:\n  - sql: SELECT 1\n");
        Problem p = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadCheck(file)).problems().get(0);
        assertTrue(p.message().startsWith("unknown key 'externaly-idempotent' in check"), p.message());
        assertTrue(p.message().contains("externally-idempotent, supports-forced-migrations"), p.message());
    }
}
