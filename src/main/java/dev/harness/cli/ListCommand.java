package dev.harness.cli;

import dev.harness.load.InputFiles;
import dev.harness.load.Loader;
import dev.harness.model.HarnessException;
import dev.harness.model.Printable;
import dev.harness.model.Scenario;
import dev.harness.plan.CatalogListing;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Option(names = "--coverage", description = "per system, the features (the checks' tags) the checks cover, and the checks without tags")
    boolean coverage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // descriptions are free text from YAML: printed with control characters escaped
        if (coverage) {
            if (what == What.scenarios) throw new HarnessException.InvalidInput("--coverage lists checks: it does not apply to 'list scenarios'");
            out.print(Printable.lines(CatalogListing.coverage(Loader.loadChecks(checks))));
            out.flush();
            return 0;
        }
        if (what == null || what == What.checks) out.print(Printable.lines(CatalogListing.checks(Loader.loadChecks(checks))));
        if (what == null) out.println();
        if (what == null || what == What.scenarios) out.print(Printable.lines(CatalogListing.scenarios(loadScenarios(scenarios))));
        out.flush();
        return 0;
    }

    private static List<Scenario> loadScenarios(List<Path> sources) {
        List<Scenario> out = new ArrayList<>();
        for (Path file : InputFiles.expand(sources)) out.add(Loader.loadScenario(file));
        return out;
    }
}
