package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile rules of ${name} on real YAML: defined before use, in phase order, never redefining the run's names. */
class VariableRulesTest {
    private static final String SCENARIO = """
            scenario: s
            steps:
              - start: {service: db_1, version: current}
              - initialize
              - manipulate: 1
              - manipulate: 2
              - validate
            """;

    @TempDir
    Path dir;

    private Plan compile(HarnessConfig config, String check) throws IOException {
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, SCENARIO);
        Path checks = Files.createDirectories(dir.resolve("checks"));
        Files.writeString(checks.resolve("c.yaml"), check);
        return Compiler.compile(Loader.loadScenario(s), Loader.loadChecks(List.of(checks)), config, "postgres", "process", 1);
    }

    private List<String> problems(HarnessConfig config, String check) {
        var e = assertThrows(HarnessException.InvalidInput.class, () -> compile(config, check));
        return e.problems().stream().map(Problem::toString).map(p -> p.replace(dir + "/", "")).toList();
    }

    private static HarnessConfig withVars(Map<String, String> vars) {
        return Fixtures.config().withVars(vars);
    }

    @Test
    void anUndefinedNameIsAnErrorAtTheStatementThatUsesIt() {
        assertEquals(List.of("checks/c.yaml:3:5: sql: ${tabel} is not defined: define it in the check's vars, with --var tabel=… or"
                        + " harness.yaml vars, or capture it in an earlier statement"),
                problems(Fixtures.config(), """
                        check: c
                        initialize:
                          - sql: CREATE TABLE ${tabel} (a int)
                        manipulate: {1: [], 2: []}
                        validate: []
                        """));
    }

    @Test
    void everyPlaceAValueIsSubstitutedIsChecked() {
        assertEquals(List.of(
                        "checks/c.yaml:2:9: mask replacement: ${m1} is not defined: define it in the check's vars, with --var m1=… or harness.yaml"
                                + " vars, or capture it in an earlier statement",
                        "checks/c.yaml:4:5: query: ${q} is not defined: define it in the check's vars, with --var q=… or harness.yaml vars, or"
                                + " capture it in an earlier statement",
                        "checks/c.yaml:4:5: rows: ${r} is not defined: define it in the check's vars, with --var r=… or harness.yaml vars, or"
                                + " capture it in an earlier statement",
                        "checks/c.yaml:6:5: error: ${e} is not defined: define it in the check's vars, with --var e=… or harness.yaml vars, or"
                                + " capture it in an earlier statement",
                        "checks/c.yaml:8:13: mask replacement: ${m2} is not defined: define it in the check's vars, with --var m2=… or"
                                + " harness.yaml vars, or capture it in an earlier statement"),
                problems(Fixtures.config(), """
                        check: c
                        masks: [{regex: x, replace: '${m1}'}]
                        initialize:
                          - query: SELECT '${q}'
                            rows: [['${r}', 1]]
                          - sql: SELECT 1/0
                            error: {regex: '${e}'}
                          - masks: [{regex: x, replace: '${m2}'}]
                        manipulate: {1: [], 2: []}
                        validate: []
                        """));
    }

    @Test
    void aCaptureIsDefinedFromItsStatementOnInPhaseOrder() {
        List<String> p = problems(Fixtures.config(), """
                check: c
                initialize:
                  - sql: SELECT '${t0}'
                  - query: SELECT now()::text
                    capture: t0
                  - sql: SELECT '${t0}', '${t1}'
                manipulate:
                  1:
                    - query: SELECT 1
                      capture: t1
                  2:
                    - sql: SELECT '${t1}'
                validate:
                  - sql: SELECT '${t0}', '${t1}'
                """);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("checks/c.yaml:3:5: sql: ${t0} is not defined"), p.get(0));
        assertTrue(p.get(1).startsWith("checks/c.yaml:6:5: sql: ${t1} is not defined"), p.get(1));
    }

    @Test
    void runLevelVarsCheckVarsBuiltInsAndServicesAreDefinedAndTheDoubledDollarIsLiteral() throws IOException {
        Plan plan = compile(withVars(Map.of("schema", "s1")), """
                check: c
                vars: {table: t1}
                initialize:
                  - sql: CREATE TABLE ${schema}.${table}_${check}_${seed} (a text DEFAULT '${scenario} ${base} ${current} $${literal} $${ghost.url}')
                manipulate: {1: [], 2: []}
                validate: []
                """);
        assertEquals(Map.of("schema", "s1"), plan.vars(), "the plan records the run-level variables");
        assertTrue(new PlanPrinter(null).print(plan).contains("\nvars      schema=s1\n"), "harness plan shows them");
    }

    @Test
    void aCheckVarOrCaptureMayNotRedefineARunLevelVar() {
        List<String> p = problems(withVars(Map.of("table", "t", "pid", "1")), """
                check: c
                vars: {table: t1}
                initialize:
                  - query: SELECT pg_backend_pid()
                    capture: pid
                manipulate: {1: [], 2: []}
                validate: []
                """);
        assertEquals(List.of(
                "checks/c.yaml:1:8: vars: 'table' redefines the run-level variable table (--var or harness.yaml vars)",
                "checks/c.yaml:4:5: capture: 'pid' redefines the run-level variable pid (--var or harness.yaml vars)"), p);
    }

    @Test
    void aMalformedReferenceSaysHowToWriteALiteral() {
        List<String> p = problems(Fixtures.config(), """
                check: c
                initialize:
                  - sql: SELECT '${not a name}'
                manipulate: {1: [], 2: []}
                validate: []
                """);
        assertEquals(List.of("checks/c.yaml:3:5: sql: '${not a name}' is not a variable reference (${name}, ${service.host|port|url});"
                + " write '$${' for a literal '${'"), p);
    }

    @Test
    void aScenarioSqlStepKnowsTheRunLevelVarsButNoCheckName() throws IOException {
        Path s = dir.resolve("sql.yaml");
        Files.writeString(s, """
                scenario: sql
                steps:
                  - start: {service: db_1, version: current}
                  - sql: "SELECT '${mode}', '${check}'"
                """);
        var e = assertThrows(HarnessException.InvalidInput.class, () -> Compiler.compile(Loader.loadScenario(s), List.of(),
                withVars(Map.of("mode", "m")), "postgres", "process", 1));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).toString().contains("sql: ${check} is not defined"), e.problems().toString());
    }
}
