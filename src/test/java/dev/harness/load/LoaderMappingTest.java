package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Guard;
import dev.harness.model.Phase;
import dev.harness.model.Scenario;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.Step;
import dev.harness.model.Version;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Happy paths: every statement and step form lands in the model as written, with its position. */
class LoaderMappingTest {
    static final String VALID = "src/test/resources/load/valid/";

    @Test
    void checkWithEveryStatementForm() {
        String file = VALID + "checks/table_data.yaml";
        Check c = Loader.loadCheck(Path.of(file));
        assertEquals("table_data", c.name(), "name defaults to the file name");
        assertEquals("Rows written before, during and after an upgrade survive it.", c.description());
        assertEquals(List.of("materialize", "postgres"), c.systems());
        assertEquals(List.of("tables", "mvcc"), c.tags(), "tags as written, in order");
        assertEquals(new Version("v0.78.0"), c.since());
        assertEquals(new Version("v0.140.0"), c.before());
        assertEquals("flaky on 0dt", c.disabled());
        assertEquals(List.of(new Statement("CREATE TABLE table_data (a int, b text)", new Expectation.Succeeds(), null, false, null,
                SourceRef.of(file, 8, 5))), c.initialize());
        assertEquals("INSERT INTO table_data VALUES (2, 'two')", c.statements(Phase.MANIPULATE_1).get(0).sql());
        assertEquals("INSERT INTO table_data VALUES (3, NULL)", c.statements(Phase.MANIPULATE_2).get(0).sql());

        List<Statement> v = c.statements(Phase.VALIDATE);
        assertEquals(8, v.size());
        assertEquals(new Expectation.Rows(List.of(List.of(Cell.number("1"), Cell.string("one")), List.of(Cell.number("3"), Cell.nul())),
                List.of("a", "b"), true), v.get(0).expect());
        assertEquals(SourceRef.of(file, 15, 5), v.get(0).source());
        assertEquals(new Expectation.Rows(List.of(List.of(Cell.number("3"))), null, false), v.get(1).expect());
        assertEquals(Duration.ofSeconds(60), v.get(1).retry());
        assertEquals(new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.CONTAINS, "does not exist")), v.get(2).expect());
        assertEquals(new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.SQLSTATE, "42P01")), v.get(3).expect());
        assertEquals(new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.REGEX, "division by zero|divide")), v.get(4).expect());
        assertTrue(v.get(5).asSystem());
        assertFalse(v.get(4).asSystem());
        assertEquals(new Guard(Guard.Subject.CURRENT, Guard.Op.GE, new Version("v0.135.0"), "current >= v0.135.0"), v.get(6).when().get(0));
        assertEquals(List.of(List.of(Cell.bool(true))), ((Expectation.Rows) v.get(6).expect()).rows());
        assertEquals(new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.CONTAINS, "nope")), v.get(7).expect());
        assertEquals(Guard.Subject.BASE, v.get(7).when().get(0).subject());
        assertEquals(Guard.Op.LT, v.get(7).when().get(0).op());
    }

    @Test
    void minimalCheckHasEmptyPhasesAndDefaults() {
        Check c = Loader.loadCheck(Path.of(VALID + "checks/minimal.yaml"));
        assertEquals("minimal", c.name());
        assertEquals(List.of(), c.systems());
        assertEquals(List.of(), c.tags());
        assertNull(c.since());
        assertNull(c.disabled());
        assertEquals(List.of(), c.manipulate1());
        assertEquals(Duration.ofMillis(500), c.statements(Phase.VALIDATE).get(0).retry());
    }

    @Test
    void versionsAndValuesKeepTheirSourceText() {
        Check c = Loader.loadCheck(Path.of("src/test/resources/load/values.yaml"));
        assertEquals("15.10", c.since().text(), "unquoted 15.10 must not become 15.1");
        List<Cell> row = ((Expectation.Rows) c.statements(Phase.VALIDATE).get(0).expect()).rows().get(0);
        assertEquals(List.of(Cell.string("on"), Cell.string("yes"), Cell.string("no"), Cell.string("off"), Cell.number("15.10"),
                Cell.bool(true), Cell.nul(), Cell.string("y")), row, "YAML 1.1 booleans stay strings; numbers keep their text");
    }

    @Test
    void scenarioWithEveryStepForm() {
        String file = VALID + "scenarios/all_steps.yaml";
        Scenario s = Loader.loadScenario(Path.of(file));
        assertEquals("all_steps", s.name());
        assertEquals("every step form", s.description());
        assertEquals("last", s.base());
        List<Step> st = s.steps();
        assertEquals(List.of(
                new Step.Start("db_1", "last", false, null, SourceRef.of(file, 5, 5)),
                new Step.RunPhase(Phase.INITIALIZE, null, SourceRef.of(file, 6, 5)),
                new Step.Start("db_2", "15.10", true, 1, SourceRef.of(file, 7, 5)),
                new Step.RunPhase(Phase.MANIPULATE_1, null, SourceRef.of(file, 8, 5)),
                new Step.Direct(new Action.AwaitReady("db_2", SourceRef.of(file, 9, 5), null)),
                new Step.Direct(new Action.Promote("db_2", SourceRef.of(file, 10, 5), null)),
                new Step.RunPhase(Phase.MANIPULATE_2, "db_2", SourceRef.of(file, 11, 5)),
                new Step.RunPhase(Phase.VALIDATE, null, SourceRef.of(file, 12, 5)),
                new Step.RunPhase(Phase.VALIDATE, "db_2", SourceRef.of(file, 13, 5)),
                new Step.RunPhase(Phase.INITIALIZE, "db_2", SourceRef.of(file, 14, 5)),
                new Step.Direct(new Action.Kill("db_2", SourceRef.of(file, 15, 5), null)),
                new Step.Direct(new Action.Stop("db_1", SourceRef.of(file, 16, 5), null)),
                new Step.Direct(new Action.Sleep(Duration.ofMinutes(2).toMillis(), SourceRef.of(file, 17, 5), null)),
                new Step.Sql(List.of("ALTER SYSTEM SET x = 1"), null, false, SourceRef.of(file, 18, 5)),
                new Step.Sql(List.of("SELECT 1", "SELECT 2"), "db_2", true, SourceRef.of(file, 19, 5)),
                new Step.Upgrade("current", Step.Via.ZERO_DOWNTIME, SourceRef.of(file, 20, 5)),
                new Step.Upgrade("last-2", Step.Via.RESTART, SourceRef.of(file, 21, 5)),
                new Step.UpgradePath(null, Step.Via.ZERO_DOWNTIME, 4, SourceRef.of(file, 22, 5)),
                new Step.UpgradePath(List.of("last-1", "last"), List.of(SourceRef.of(file, 23, 31), SourceRef.of(file, 23, 39)),
                        Step.Via.RESTART, 6, SourceRef.of(file, 23, 5)),
                new Step.Start("upstream", null, false, null, SourceRef.of(file, 24, 5))), st);
        assertEquals(List.of(new Scenario.Service("upstream", "postgres", "15.19", java.util.Map.of("wal_level", "logical", "max_wal_senders", "4"),
                SourceRef.of(file, 26, 3))), s.services());
    }

    /**
     * all_steps.yaml uses every step key the schema admits and yields every Step record: a step kind added to
     * the schema but not to ScenarioMapper (or to this file) fails here, not in a user's run.
     */
    @Test
    void everyStepKindOfTheSchemaIsMappedToItsRecord() throws Exception {
        String file = VALID + "scenarios/all_steps.yaml";
        Set<String> schemaKeys = new HashSet<>();
        new ObjectMapper().readTree(SchemaValidator.schemaText(DocumentKind.SCENARIO))
                .path("definitions").path("step").path("properties").fieldNames().forEachRemaining(schemaKeys::add);
        Set<String> usedKeys = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.startsWith("  - ")) usedKeys.add(line.substring(4).split(":")[0].trim());
        }
        assertFalse(schemaKeys.isEmpty(), "the schema names no step");
        assertTrue(usedKeys.containsAll(schemaKeys), file + " misses step kinds: " + schemaKeys);
        Set<Class<?>> records = new HashSet<>();
        for (Step step : Loader.loadScenario(Path.of(file)).steps()) records.add(step.getClass());
        assertEquals(Set.of(Step.class.getPermittedSubclasses()), records, "step records made from " + file);
    }
}
