package dev.harness.cli;

import dev.harness.load.Loader;
import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.plan.RunTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command that compiles a scenario shares ({@code plan}, {@code run}): config, system,
 * runtime, seed, overrides and where the checks are. Mixed into the commands with {@code @Mixin}.
 */
final class CompileOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "harness.yaml to use (default: ./harness.yaml if present, else built-in defaults)")
    Path config;

    @Option(names = "--system", paramLabel = "S", description = "postgres | materialize (default: from the config)")
    String system;

    @Option(names = "--runtime", paramLabel = "R", description = "process | docker (default: from the config; materialize: docker)")
    String runtime;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the check order and random upgrade paths (default: fresh, printed)")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a harness.yaml key, e.g. timeouts.statement=60s")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = VarOption.NAME, paramLabel = "NAME=VALUE", description = "a run-level variable, ${NAME} in checks (repeatable; overrides harness.yaml vars)")
    List<String> vars = new ArrayList<>();

    @Option(names = "--checks", paramLabel = "DIR|FILE", description = "check files or folders (default: checks.d/ beside the scenario's folder)")
    List<Path> checks = new ArrayList<>();

    private final Map<List<Path>, List<Check>> loaded = new HashMap<>();

    /** Config (flag, ./harness.yaml, or built-in), overrides, system, runtime and seed. */
    RunTarget target() {
        return resolveTarget(config, set, vars, system, runtime, seed);
    }

    /** @param vars {@code --var NAME=VALUE} as given: over harness.yaml's {@code vars:} */
    static RunTarget resolveTarget(Path config, Map<String, String> set, List<String> vars, String system, String runtime, Long seed) {
        Map<String, String> given = VarOption.parse(vars);
        Path file = config != null ? config : Files.isRegularFile(Path.of("harness.yaml")) ? Path.of("harness.yaml") : null;
        HarnessConfig base = Loader.loadConfig(file).withVars(given);
        return RunTarget.resolve(base, set, system, runtime, seed);
    }

    /** The checks for a scenario: {@code --checks} if given, else checks.d/ beside its folder (none if absent). */
    List<Check> checksFor(Path scenarioFile) {
        List<Path> sources = checks.isEmpty() ? defaultChecks(scenarioFile) : checks;
        return loaded.computeIfAbsent(sources, s -> s.isEmpty() ? List.of() : Loader.loadChecks(s));
    }

    /** Where {@link #checksFor} looked, for a run that found no checks at all. */
    String whereChecksWereSought(Path scenarioFile) {
        if (!checks.isEmpty()) {
            return "no check files (*.yaml, *.yml) in " + String.join(", ", checks.stream().map(Path::toString).toList());
        }
        List<Path> dir = defaultChecks(scenarioFile);
        return dir.isEmpty() ? "no --checks given and no folder " + checksFolderOf(scenarioFile) + " beside the scenario's folder"
                : "no check files (*.yaml, *.yml) in " + dir.get(0);
    }

    static List<Path> defaultChecks(Path scenarioFile) {
        Path dir = checksFolderOf(scenarioFile);
        return Files.isDirectory(dir) ? List.of(dir) : List.of();
    }

    private static Path checksFolderOf(Path scenarioFile) {
        Path folder = scenarioFile.getParent() != null ? scenarioFile.getParent() : scenarioFile.toAbsolutePath().getParent();
        return folder.resolveSibling("checks.d");
    }
}
