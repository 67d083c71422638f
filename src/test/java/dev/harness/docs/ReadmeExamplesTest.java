package dev.harness.docs;

import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.load.Validation;
import dev.harness.model.Scenario;
import dev.harness.model.StartSettings;
import dev.harness.model.Step;
import dev.harness.plan.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every YAML example in README.md is a real file: the line before each ```yaml block names it in backticks,
 * the block is that file verbatim, and the file validates (a scenario also compiles for every system, or for the one
 * system whose start settings it writes).
 */
class ReadmeExamplesTest {
    private static final Pattern PATH = Pattern.compile("`([^`\\s]+\\.ya?ml)`");

    record Example(Path file, String block, int line) {}

    static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().equals("```yaml")) continue;
            Path file = null;
            for (int j = i - 1; j >= 0 && file == null; j--) {
                if (lines.get(j).isBlank()) continue;
                Matcher m = PATH.matcher(lines.get(j));
                String last = null;
                while (m.find()) last = m.group(1);
                if (last == null) throw new AssertionError("README.md:" + (i + 1) + ": the line before a yaml block must name its file in backticks");
                file = Path.of(last);
            }
            StringBuilder block = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).trim().equals("```"); j++) block.append(lines.get(j)).append('\n');
            out.add(new Example(file, block.toString(), i + 1));
            i = j;
        }
        return out;
    }

    @Test
    void theReadmeHasYamlExamples() throws IOException {
        assertFalse(examples().isEmpty(), "README.md shows no yaml example");
    }

    @TestFactory
    List<DynamicTest> everyExampleIsARealFileThatValidates() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples()) {
            tests.add(DynamicTest.dynamicTest("README.md:" + e.line() + " " + e.file(), () -> {
                assertTrue(Files.isRegularFile(e.file()), "README.md:" + e.line() + ": no file " + e.file());
                assertEquals(Files.readString(e.file()), e.block(), "README.md:" + e.line() + ": the example differs from " + e.file());
                Validation.Result result = Validation.validate(List.of(e.file()));
                assertTrue(result.ok(), "README.md:" + e.line() + ": " + result.problems());
                for (Scenario scenario : result.scenarios()) {
                    for (SystemKind kind : systemsOf(scenario)) {
                        Compiler.compile(scenario, Loader.loadChecks(List.of(Path.of("checks.d"))), Loader.loadConfig(Path.of("harness.yaml")),
                                kind.name(), kind.defaultRuntime(), 1L);
                    }
                }
            }));
        }
        return tests;
    }

    /** Every system, or the one whose start settings the scenario writes (they belong to one system only). */
    private static List<SystemKind> systemsOf(Scenario scenario) {
        List<String> owners = scenario.steps().stream().filter(s -> s instanceof Step.Start).map(s -> (Step.Start) s)
                .flatMap(s -> s.keys().written().stream()).map(StartSettings::systemOf).distinct().toList();
        assertTrue(owners.size() <= 1, scenario.name() + " writes start settings of several systems: " + owners);
        return owners.isEmpty() ? SystemKinds.ALL : List.of(SystemKinds.require(owners.get(0)));
    }
}
