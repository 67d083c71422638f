package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run-level {@code vars:} in harness.yaml, and the built-ins no check var, capture or run-level var may redefine. */
class VariablesLoadingTest {
    @TempDir
    Path dir;

    private List<String> problems(Runnable load) {
        var e = assertThrows(HarnessException.InvalidInput.class, load::run);
        return e.problems().stream().map(Problem::toString).map(p -> p.replace(dir + "/", "")).toList();
    }

    @Test
    void harnessYamlVarsAreRunLevelVariablesOverTheDefaults() throws IOException {
        Path config = Files.writeString(dir.resolve("harness.yaml"), "vars:\n  schema: s1\n  limit: 10\n");
        assertEquals(Map.of("schema", "s1", "limit", "10"), Loader.loadConfig(config).vars());
        assertEquals(Map.of("schema", "s2", "limit", "10"), Loader.loadConfig(config).withVars(Map.of("schema", "s2")).vars(),
                "--var overrides harness.yaml");
    }

    @Test
    void aBuiltInCannotBeARunLevelVariable() throws IOException {
        Path config = Files.writeString(dir.resolve("harness.yaml"), "vars:\n  ok: 1\n  seed: 2\n");
        assertEquals(List.of("harness.yaml:3:3: vars: 'seed' is a built-in variable (base, check, current, scenario, seed) and cannot be"
                + " redefined"), problems(() -> Loader.loadConfig(config)));
    }

    @Test
    void aCheckVarOrCaptureCannotRedefineABuiltInAndIsReportedAtItsKeyOrValue() throws IOException {
        Path check = Files.writeString(dir.resolve("c.yaml"), """
                check: c
                vars: {check: x, table: t}
                initialize:
                  - query: SELECT 1
                    capture: current
                manipulate: {1: [], 2: []}
                validate: []
                """);
        assertEquals(List.of("c.yaml:2:8: vars: 'check' redefines a built-in variable",
                "c.yaml:5:14: capture: 'current' redefines a built-in variable"), problems(() -> Loader.loadCheck(check)));
    }
}
