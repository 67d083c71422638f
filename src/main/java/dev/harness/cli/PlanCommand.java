package dev.harness.cli;

import dev.harness.load.Loader;
import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.Printable;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.SupportService;
import dev.harness.plan.Compiler;
import dev.harness.plan.PlanJson;
import dev.harness.plan.PlanPrinter;
import dev.harness.plan.RunTarget;
import dev.harness.plan.StartDetails;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.DescribingContext;
import dev.harness.system.ServiceSpecRenderer;
import dev.harness.system.registry.DatabaseSystems;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness plan}: prints what a run would do, without starting anything. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Compile scenarios and print their plans: numbered steps (implicit ones marked) with their YAML file:line, and the checks in seed order.")
final class PlanCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "scenario files")
    List<Path> scenarios;

    @Mixin
    CompileOptions options;

    @Option(names = "--json", description = "print the plan as JSON (what run --plan replays)")
    boolean json;

    @Option(names = "--details", description = "show, for every start, what would be started")
    boolean details;

    @Spec
    CommandSpec spec;

    /** --details: the service spec the system would hand the runtime, described without starting anything. */
    private static StartDetails specs(RunTarget target) {
        DatabaseSystem system = DatabaseSystems.create(target.system(), target.config());
        return new StartDetails() {
            @Override
            public List<String> describe(Plan plan, Action.Start start) {
                return ServiceSpecRenderer.render(system.serviceSpec(start, new DescribingContext(plan, target.config(), "plan")));
            }

            @Override
            public List<String> describeService(Plan plan, SupportService service) {
                DatabaseSystem own = service.system().equals(system.name()) ? system : DatabaseSystems.create(service.system(), target.config());
                return ServiceSpecRenderer.render(own.declaredServiceSpec(service, new DescribingContext(plan, target.config(), "plan")));
            }
        };
    }

    @Override
    public Integer call() {
        RunTarget target = options.target();
        PrintWriter out = spec.commandLine().getOut();
        StartDetails startDetails = details ? specs(target) : null;
        List<Problem> problems = new ArrayList<>();
        // Every scenario is compiled, so one broken file does not hide the problems of the next.
        for (Path file : scenarios) {
            try {
                Scenario scenario = Loader.loadScenario(file);
                Plan plan = Compiler.compile(scenario, options.checksFor(file), target.config(), target.system(), target.runtime(), target.seed());
                // the text form quotes names and SQL from YAML: printed with control characters escaped
                out.print(json ? PlanJson.write(plan) : Printable.lines(new PlanPrinter(startDetails).print(plan)));
                if (!json && scenarios.size() > 1) out.println();
            } catch (HarnessException.InvalidInput e) {
                if (e.problems().isEmpty()) throw e;
                problems.addAll(e.problems());
            }
        }
        out.flush();
        if (!problems.isEmpty()) throw new HarnessException.InvalidInput(problems);
        return 0;
    }
}
