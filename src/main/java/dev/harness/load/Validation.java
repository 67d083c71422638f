package dev.harness.load;

import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The core of {@code harness validate}: load every file under the given paths as what it is, and collect the
 * problems of all files instead of stopping at the first. A file named harness.yaml is configuration, a
 * document with {@code steps} a scenario, anything else a check.
 */
public final class Validation {
    private Validation() {}

    /**
     * @param checks    checks that loaded
     * @param scenarios scenarios that loaded (callers may go on and compile them against {@code checks})
     * @param problems  every problem, sorted by file and position; empty = all valid
     */
    public record Result(List<Check> checks, List<Scenario> scenarios, List<HarnessConfig> configs, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Result validate(List<Path> filesOrFolders) {
        List<Check> checks = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        List<HarnessConfig> configs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Path> files;
        try {
            files = InputFiles.expand(filesOrFolders);
        } catch (HarnessException.InvalidInput e) {
            return new Result(List.of(), List.of(), List.of(), e.problems());
        }
        for (Path path : files) {
            try {
                if (path.getFileName().toString().equals("harness.yaml")) {
                    configs.add(Loader.config(YamlFile.read(path)));
                    continue;
                }
                YamlFile file = YamlFile.read(path);
                if (file.hasTopLevelKey("steps")) scenarios.add(Loader.scenario(file));
                else checks.add(Loader.check(file));
            } catch (HarnessException.InvalidInput e) {
                problems.addAll(e.problems());
            }
        }
        problems.addAll(CheckNames.duplicates(checks));
        problems.sort(Problem.BY_POSITION);
        return new Result(List.copyOf(checks), List.copyOf(scenarios), List.copyOf(configs), List.copyOf(problems));
    }
}
