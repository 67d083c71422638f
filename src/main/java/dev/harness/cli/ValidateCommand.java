package dev.harness.cli;

import dev.harness.load.Validation;
import dev.harness.model.ExitCode;
import dev.harness.model.HarnessException;
import dev.harness.model.Printable;
import dev.harness.report.Counted;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.plan.Compiler;
import dev.harness.plan.RunTarget;
import dev.harness.plan.VariableRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness validate PATH...}: check files without a database; problems of all files at once. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate check, scenario and harness.yaml files against their schemas; no database needed.",
            "Folders are searched recursively for *.yaml and *.yml. A document with 'steps' is a scenario,"
                    + " a file named harness.yaml is configuration, anything else a check.",
            "Every scenario is also compiled against the checks given, for every system it allows (or only --system),"
                    + " so plan errors (unknown versions, a phase on a killed service, manipulate 2 before 1) show too."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders of checks and scenarios.")
    List<Path> paths;

    @Option(names = "--config", paramLabel = "FILE", description = "harness.yaml whose catalog scenarios compile against (default: ./harness.yaml if present, else built-in)")
    Path config;

    @Option(names = "--system", paramLabel = "S", description = "compile scenarios for this system only (default: every system)")
    String system;

    @Option(names = VarOption.NAME, paramLabel = "NAME=VALUE", description = "a run-level variable the checks may use (repeatable; overrides harness.yaml vars)")
    List<String> vars = new ArrayList<>();

    @Override
    public Integer call() {
        Validation.Result result = Validation.validate(paths);
        if (!result.ok()) return report(result.problems(), result);
        RunTarget target = CompileOptions.resolveTarget(config, Map.of(), vars, system, null, 0L);
        // checks on their own too: an undefined ${name} needs no scenario to be found
        Set<Problem> problems = new LinkedHashSet<>(VariableRules.problems(result.checks(), target.config().vars()));
        problems.addAll(compileProblems(result, target));
        return report(new ArrayList<>(problems), result);
    }

    /** A scenario that loads may still not compile (unknown version, phase on a killed service, …). */
    private List<Problem> compileProblems(Validation.Result result, RunTarget target) {
        if (result.scenarios().isEmpty()) return List.of();
        List<String> systems = system != null ? List.of(target.system()) : SystemKinds.names().stream().sorted().toList();
        Set<Problem> problems = new LinkedHashSet<>();
        for (Scenario scenario : result.scenarios()) {
            for (String s : systems) {
                if (!scenario.scope().allows(s)) continue; // written for other systems only: nothing to compile here
                SystemKind kind = SystemKinds.require(s);
                String runtime = kind.supports(target.runtime()) ? target.runtime() : kind.defaultRuntime();
                try {
                    Compiler.compile(scenario, result.checks(), target.config(), s, runtime, target.seed());
                } catch (HarnessException.InvalidInput e) {
                    problems.addAll(e.problems());
                }
            }
        }
        return new ArrayList<>(problems);
    }

    private int report(List<Problem> problems, Validation.Result result) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!problems.isEmpty()) {
            for (Problem p : problems) err.println(Printable.line(p.toString()));
            err.println(Counted.of(problems.size(), "problem"));
            err.flush();
            return ExitCode.INVALID_INPUT;
        }
        out.println("ok: " + Counted.of(result.checks().size(), "check") + ", " + Counted.of(result.scenarios().size(), "scenario")
                + (result.configs().isEmpty() ? "" : ", " + result.configs().size() + " config"));
        out.flush();
        return ExitCode.OK;
    }
}
