package dev.harness.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code harness run|merge|plan|validate|list|schema|import|help}. */
@Command(
        name = "harness",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Declarative upgrade tests for database servers: YAML checks and scenarios, real servers, JUnit XML and HTML reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all checks passed",
            "1:a check failed",
            "2:invalid input (usage, YAML, schema, compile)",
            "3:infrastructure (engine unreachable, image missing, server did not start, --out not writable)",
            "4:internal error (a bug in harness; one line names the file with its stack trace)"
        })
public final class Main implements Runnable {

    /** The subcommands, in the order usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, MergeCommand.class, PlanCommand.class,
            ValidateCommand.class, ListCommand.class, SchemaCommand.class, ImportCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), args.length > 0 ? args[0] : null).execute(args));
    }

    /** The configured command line, also used by tests to run the real CLI in-process. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * @param env the environment the commands read ({@code --shard auto}'s CI variables, {@code FORCE_COLOR}, …):
     *            read here, in the CLI, and passed down, so tests give their own
     */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, null);
    }

    /**
     * @param first the first argument: when it names a subcommand other than {@code help}, only that one is built
     *              (picocli reads every option of every command it is given by reflection, a tenth of a second at
     *              each start); else all are
     */
    static CommandLine commandLine(Map<String, String> env, String first) {
        Factory factory = new Factory(env);
        CommandLine cl = new CommandLine(new Main(), factory);
        // `help` explains the others, so it needs them all
        boolean named = !"help".equals(first) && SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(first));
        for (Class<?> c : SUBCOMMANDS) {
            if (named && !name(c).equals(first)) continue;
            try {
                cl.addSubcommand(factory.create(c));
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the command " + c.getName(), e);
            }
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorHandler errors = new ErrorHandler();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        return cl;
    }

    /** The command line this runs in (a new one would build the subcommands without the environment's factory). */
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, merge, plan, validate, list, schema, import or help");
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** Gives the commands that read the environment the one the command line was made with. */
    private record Factory(Map<String, String> env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == RunCommand.class) return cls.cast(new RunCommand(env));
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** The version Maven writes into the jar's manifest ({@code Implementation-Version}, the pom's version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"harness " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
