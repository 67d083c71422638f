package dev.harness.cli;

import dev.harness.load.Loader;
import dev.harness.model.HarnessException;
import dev.harness.model.Scenario;
import dev.harness.plan.CatalogListing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness list}: the checks and scenarios that exist, with gates and descriptions. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List checks and scenarios with their gates and descriptions.")
final class ListCommand implements Callable<Integer> {
    enum What { checks, scenarios }

    @Parameters(arity = "0..1", paramLabel = "checks|scenarios", description = "what to list (default: both)")
    What what;

    @Option(names = "--checks", paramLabel = "DIR|FILE", description = "check files or folders (default: checks.d)")
    List<Path> checks = new ArrayList<>(List.of(Path.of("checks.d")));

    @Option(names = "--scenarios", paramLabel = "DIR|FILE", description = "scenario files or folders (default: scenarios.d)")
    List<Path> scenarios = new ArrayList<>(List.of(Path.of("scenarios.d")));

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (what == null || what == What.checks) out.print(CatalogListing.checks(Loader.loadChecks(checks)));
        if (what == null) out.println();
        if (what == null || what == What.scenarios) out.print(CatalogListing.scenarios(loadScenarios(scenarios)));
        out.flush();
        return 0;
    }

    private static List<Scenario> loadScenarios(List<Path> sources) {
        List<Scenario> out = new ArrayList<>();
        for (Path source : sources) {
            if (!Files.exists(source)) throw new HarnessException.InvalidInput(source + ": no such file or folder");
            if (Files.isRegularFile(source)) {
                out.add(Loader.loadScenario(source));
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                    out.add(Loader.loadScenario(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
