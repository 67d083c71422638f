package dev.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code harness run|plan|validate|list|schema|import}. */
@Command(
        name = "harness",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Declarative upgrade tests for database servers: YAML checks and scenarios, real servers, JUnit XML and HTML reports.",
        subcommands = {RunCommand.class, PlanCommand.class, ValidateCommand.class, ListCommand.class, SchemaCommand.class, ImportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all checks passed",
            "1:a check failed",
            "2:invalid input (usage, YAML, schema, compile)",
            "3:infrastructure (engine unreachable, image missing, server did not start, --out not writable)",
            "4:internal error (a bug in harness; one line names the file with its stack trace)"
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run the real CLI in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        ErrorHandler errors = new ErrorHandler();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command: run, plan, validate, list, schema or import");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"harness " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
