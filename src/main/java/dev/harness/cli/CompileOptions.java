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

    @Option(names = "--checks", paramLabel = "DIR|FILE", description = "check files or folders (default: checks.d/ beside the scenario's folder)")
    List<Path> checks = new ArrayList<>();

    private final Map<List<Path>, List<Check>> loaded = new HashMap<>();

    /** Config (flag, ./harness.yaml, or built-in), overrides, system, runtime and seed. */
    RunTarget target() {
        return resolveTarget(config, set, system, runtime, seed);
    }

    static RunTarget resolveTarget(Path config, Map<String, String> set, String system, String runtime, Long seed) {
        Path file = config != null ? config : Files.isRegularFile(Path.of("harness.yaml")) ? Path.of("harness.yaml") : null;
        HarnessConfig base = Loader.loadConfig(file);
        return RunTarget.resolve(base, set, system, runtime, seed);
    }

    /** The checks for a scenario: {@code --checks} if given, else checks.d/ beside its folder (none if absent). */
    List<Check> checksFor(Path scenarioFile) {
        List<Path> sources = checks.isEmpty() ? defaultChecks(scenarioFile) : checks;
        return loaded.computeIfAbsent(sources, s -> s.isEmpty() ? List.of() : Loader.loadChecks(s));
    }

    static List<Path> defaultChecks(Path scenarioFile) {
        Path folder = scenarioFile.getParent() != null ? scenarioFile.getParent() : scenarioFile.toAbsolutePath().getParent();
        Path dir = folder.resolveSibling("checks.d");
        return Files.isDirectory(dir) ? List.of(dir) : List.of();
    }
}
