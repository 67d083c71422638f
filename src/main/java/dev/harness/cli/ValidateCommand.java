package dev.harness.cli;

import dev.harness.load.Validation;
import dev.harness.model.ExitCode;
import dev.harness.model.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness validate PATH...}: check files without a database; problems of all files at once. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate check, scenario and harness.yaml files against their schemas; no database needed.",
            "Folders are searched recursively for *.yaml and *.yml. A document with 'steps' is a scenario,"
                    + " a file named harness.yaml is configuration, anything else a check."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders of checks and scenarios.")
    List<Path> paths;

    @Override
    public Integer call() {
        Validation.Result result = Validation.validate(paths);
        // Later: compile each scenario against result.checks() here and add the compiler's problems.
        return report(result.problems(), result);
    }

    private int report(List<Problem> problems, Validation.Result result) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!problems.isEmpty()) {
            for (Problem p : problems) err.println(p);
            err.println(problems.size() == 1 ? "1 problem" : problems.size() + " problems");
            err.flush();
            return ExitCode.INVALID_INPUT;
        }
        out.println("ok: " + result.checks().size() + " checks, " + result.scenarios().size() + " scenarios"
                + (result.configs().isEmpty() ? "" : ", " + result.configs().size() + " config"));
        out.flush();
        return ExitCode.OK;
    }
}
