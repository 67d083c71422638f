package dev.harness.cli;

import dev.harness.load.BoundedFile;
import dev.harness.load.Loader;
import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.Printable;
import dev.harness.plan.CheckShard;
import dev.harness.plan.Compiler;
import dev.harness.plan.PlanJson;
import dev.harness.plan.PlanSettings;
import dev.harness.plan.RunTarget;
import dev.harness.report.console.ColorChoice;
import dev.harness.report.console.ConsoleListener;
import dev.harness.report.console.ConsoleOptions;
import dev.harness.report.console.ConsoleSummary;
import dev.harness.report.console.Terminal;
import dev.harness.report.annotations.GitHubActions;
import dev.harness.report.junit.JUnitOptions;
import dev.harness.report.console.TtyProbe;
import dev.harness.run.ExecutorOptions;
import dev.harness.run.RunSession;
import dev.harness.system.registry.DatabaseSystems;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harness run}: load, compile (or replay a plan), run against real servers, write the reports. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run scenarios against real database servers and write reports.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    CompileOptions options;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenario files (not needed with --plan).")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--check", paramLabel = "NAME", description = "Run only these checks (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "I/N|auto", description = "Run shard I of N (1-based, 1/N to N/N): every N-th check by name, "
            + "for CI parallelism; auto: from CI_NODE_INDEX/CI_NODE_TOTAL (GitLab) or BUILDKITE_PARALLEL_JOB/_COUNT (Buildkite).")
    String shard;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "Checks run concurrently within a phase (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--keep", description = "Leave servers and volumes behind after the run.")
    boolean keep;

    @Option(names = "--plan", paramLabel = "plan.json", description = "Replay a saved plan exactly instead of compiling.")
    Path plan;

    @Option(names = {"-q", "--quiet"}, description = "Only the summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Progress notes too.")
    boolean verbose;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour: auto (on a terminal, not with CI, TERM=dumb or NO_COLOR; FORCE_COLOR forces it), always, never.")
    ColorChoice color;

    @Option(names = "--no-color", description = "No colour even on a terminal (--color=never).")
    boolean noColor;

    @Option(names = "--junit", paramLabel = "MODE", description = "junit.xml flavour: default (testcase file/line for GitLab and GitHub) "
            + "or strict (valid against Jenkins xUnit's junit-10.xsd, no file/line).")
    String junit;

    private final Map<String, String> env;
    /** The shard this run runs, resolved from --shard (also auto): the rerun command names it. */
    private CheckShard resolvedShard;

    RunCommand(Map<String, String> env) {
        this.env = env;
    }

    /** A plan embeds every check's SQL: far larger than a YAML file may be, still bounded. */
    static final long MAX_PLAN_BYTES = 64 * BoundedFile.MB;

    /** Tests replace it to run in-process without a JVM shutdown hook. */
    static boolean installShutdownHook = true;

    @Override
    public Integer call() {
        if (parallel < 1) throw new HarnessException.InvalidInput("--parallel must be at least 1, not " + parallel);
        // picocli's writers are for help text; the console classes take streams.
        PrintStream err = System.err;
        PrintStream stdout = System.out;
        resolvedShard = shard(err);
        CheckSelection selection = new CheckSelection(only, resolvedShard);
        if (scenarios.isEmpty() && plan == null) throw new HarnessException.InvalidInput("give a SCENARIO file or --plan plan.json");
        if (plan != null && !options.vars.isEmpty()) {
            throw new HarnessException.InvalidInput(VarOption.NAME + " cannot change a replayed plan: --plan runs with the variables it recorded");
        }
        RunTarget target = options.target();
        JUnitOptions junitOptions = JUnitOptions.defaults().withStrict(junitStrict(target.config()))
                .withShard(resolvedShard == null ? null : resolvedShard.toString());
        List<Plan> plans = plans(target, selection);
        ReportFolder.prepare(out);
        GitHubActions gitHub = new CiEnvironment(env).gitHub(junitOptions.paths());
        ColorChoice colour = noColor ? ColorChoice.NEVER : color;
        // Each stream is judged on its own: `2>log` on a terminal keeps escapes out of the log and the summary coloured.
        ConsoleOptions progress = ConsoleOptions.of(Terminal.detect(TtyProbe.Stream.STDERR, env), quiet, verbose, colour);
        ConsoleOptions summary = ConsoleOptions.of(Terminal.detect(TtyProbe.Stream.STDOUT, env), quiet, verbose, colour);
        int exit = 0;
        for (Plan p : plans) {
            // The plan is the run's input: a replayed plan runs with the settings it was compiled with.
            HarnessConfig config = PlanSettings.runConfig(p, target.config());
            RunSession session = new RunSession(DatabaseSystems.create(p.system(), config),
                    Components.runtime(p.runtime(), config, keep, p.scenario() + "-" + p.seed()),
                    config, Components.reporters(junitOptions),
                    ExecutorOptions.defaults().withParallel(parallel).withListener(new ConsoleListener(err, progress)),
                    PlanJson::write);
            Path dir = session.reportDir(out, p);
            err.println(Printable.line("harness: " + p.scenario() + " seed " + p.seed() + " (" + p.system() + "/" + p.runtime()
                    + "), reports in " + dir));
            RunSession.Outcome outcome = session.run(p, command(p), dir, () -> installShutdownHook, o -> {
                // A lost report is said on stderr, where CI logs keep it, before the summary lists what exists.
                o.unwrittenReports().forEach(m -> err.println(Printable.line(m)));
                err.flush();
                new ConsoleSummary(stdout, summary).print(o.result(), reportFiles(dir));
                stdout.flush();
                String lost = gitHub.publish(o.result(), dir, stdout);
                if (lost != null) err.println(lost);
            });
            exit = Math.max(exit, outcome.exitCode());
        }
        return exit;
    }

    /** {@code --junit}, else harness.yaml's {@code report.junit} (the schema has checked that one). */
    private boolean junitStrict(HarnessConfig config) {
        String given = junit != null ? junit : config.report().junit();
        JUnitOptions.Mode mode = JUnitOptions.Mode.parse(given);
        if (mode == null) throw new HarnessException.InvalidInput("--junit " + Printable.line(given) + ": expected default or strict");
        return mode == JUnitOptions.Mode.STRICT;
    }

    /** The --shard option as a shard; {@code auto} says on stderr which CI variables it came from. */
    private CheckShard shard(PrintStream err) {
        if (shard == null) return null;
        if (!shard.trim().equalsIgnoreCase("auto")) return CheckShard.parse(shard);
        CheckShard.FromCi found = CheckShard.fromCi(env);
        err.println("harness: --shard auto: shard " + found.shard() + " from " + found.source());
        return found.shard();
    }

    /** Every plan of the run, each with a check to run; all of them are checked before the first server starts. */
    private List<Plan> plans(RunTarget target, CheckSelection selection) {
        List<Plan> out = new ArrayList<>();
        if (plan != null) {
            String name = plan.toString();
            Plan replayed = PlanJson.read(BoundedFile.readText(plan, name, MAX_PLAN_BYTES), name);
            Plan selected = selection.selectsAll() ? replayed : withChecks(replayed, selection.apply(replayed.checks(), PlannedCheck::name));
            selection.requireSomeToRun(selected, replayed.checks().size(), "the plan " + name + " has no checks");
            out.add(selected);
        }
        for (Path file : scenarios) {
            var scenario = Loader.loadScenario(file);
            List<Check> available = options.checksFor(file);
            Plan compiled = Compiler.compile(scenario, selection.apply(available, Check::name), target.config(), target.system(),
                    target.runtime(), target.seed());
            selection.requireSomeToRun(compiled, available.size(), options.whereChecksWereSought(file));
            out.add(compiled);
        }
        return out;
    }

    private static Plan withChecks(Plan p, List<PlannedCheck> kept) {
        return new Plan(p.scenario(), p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(),
                p.current(), kept, p.actions(), p.settings(), p.services(), p.vars());
    }

    /** The command that repeats this run exactly (same seed, same system and runtime). */
    private String command(Plan p) {
        StringBuilder sb = new StringBuilder("harness run");
        if (plan != null) sb.append(" --plan ").append(plan);
        else sb.append(' ').append(p.scenarioFile());
        for (Path c : options.checks) sb.append(" --checks ").append(c);
        if (options.config != null) sb.append(" --config ").append(options.config);
        options.set.forEach((k, v) -> sb.append(" --set ").append(k).append('=').append(v));
        if (plan == null) for (String v : options.vars) sb.append(' ').append(VarOption.NAME).append(' ').append(v);
        for (String c : only) sb.append(" --check ").append(c);
        if (resolvedShard != null) sb.append(" --shard ").append(resolvedShard);
        sb.append(" --system ").append(p.system()).append(" --runtime ").append(p.runtime()).append(" --seed ").append(p.seed());
        if (parallel > 1) sb.append(" --parallel ").append(parallel);
        return sb.toString();
    }

    private static List<Path> reportFiles(Path dir) {
        return java.util.stream.Stream.of("junit.xml", "report.html", "annotations.md", "plan.json", "harness.log")
                .map(dir::resolve).filter(Files::exists).toList();
    }
}
