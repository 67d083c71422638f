package dev.harness.cli;

import dev.harness.load.Loader;
import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.plan.Compiler;
import dev.harness.plan.PlanJson;
import dev.harness.run.ExecutorOptions;
import dev.harness.run.RunSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness run}: load, compile (or replay a plan), run against real servers, write the reports. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run scenarios against real database servers and write reports.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenario files (not needed with --plan).")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--checks", paramLabel = "DIR|FILE", description = "Check files or folders (default: checks.d/ beside the scenario's folder).")
    List<Path> checks = new ArrayList<>();

    @Option(names = "--check", paramLabel = "NAME", description = "Run only these checks (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--system", description = "postgres | materialize (default: config)")
    String system;

    @Option(names = "--runtime", description = "process | docker (default: config)")
    String runtime;

    @Option(names = "--seed", description = "Seed of check order and random paths (default: random, printed).")
    Long seed;

    @Option(names = "--parallel", defaultValue = "1", description = "Checks run concurrently within a phase (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--out", defaultValue = "reports", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--keep", description = "Leave servers and volumes behind after the run.")
    boolean keep;

    @Option(names = "--plan", paramLabel = "plan.json", description = "Replay a saved plan instead of compiling.")
    Path plan;

    @Option(names = "--config", paramLabel = "FILE", description = "harness.yaml (default: ./harness.yaml if present).")
    Path config;

    @Override
    public Integer call() {
        if (parallel < 1) throw new HarnessException.InvalidInput("--parallel must be at least 1");
        if (scenarios.isEmpty() && plan == null) throw new HarnessException.InvalidInput("give a SCENARIO file or --plan plan.json");
        HarnessConfig cfg = Loader.loadConfig(config != null ? config : Files.exists(Path.of("harness.yaml")) ? Path.of("harness.yaml") : null);
        long effectiveSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        List<Plan> plans = plans(cfg, effectiveSeed);
        PrintWriter stdout = spec.commandLine().getOut();
        int exit = 0;
        for (Plan p : plans) {
            String sys = p.system();
            RunSession session = new RunSession(Components.system(sys, cfg), Components.runtime(p.runtime(), cfg, keep, p.scenario()),
                    cfg, Components.reporters(),
                    ExecutorOptions.defaults().withParallel(parallel).withListener(new ConsoleProgress(spec.commandLine().getErr())),
                    PlanJson::write);
            Path dir = session.reportDir(out, p);
            stdout.println("running " + p.scenario() + " (seed " + p.seed() + ", " + sys + "/" + p.runtime() + ") -> " + dir);
            stdout.flush();
            RunResult result = session.run(p, command(p), dir, () -> true);
            printSummary(stdout, result);
            exit = Math.max(exit, result.exitCode());
        }
        return exit;
    }

    private List<Plan> plans(HarnessConfig cfg, long effectiveSeed) {
        List<Plan> out = new ArrayList<>();
        if (plan != null) {
            try {
                out.add(filter(PlanJson.read(Files.readString(plan))));
            } catch (IOException e) {
                throw new HarnessException.InvalidInput("cannot read " + plan + ": " + e.getMessage());
            }
        }
        for (Path scenarioFile : scenarios) {
            var scenario = Loader.loadScenario(scenarioFile);
            List<Path> from = checks.isEmpty() ? List.of(defaultChecks(scenarioFile)) : checks;
            List<Check> loaded = selected(Loader.loadChecks(from));
            String sys = system != null ? system : cfg.system();
            String rt = runtime != null ? runtime : cfg.runtime();
            out.add(Compiler.compile(scenario, loaded, cfg, sys, rt, effectiveSeed));
        }
        return out;
    }

    /** {@code checks.d/} beside the scenario's folder (scenarios.d/x.yaml -> checks.d/). */
    private static Path defaultChecks(Path scenarioFile) {
        Path folder = scenarioFile.toAbsolutePath().getParent();
        Path beside = folder.getParent() == null ? folder.resolve("checks.d") : folder.getParent().resolve("checks.d");
        return Files.isDirectory(beside) ? beside : folder.resolve("checks.d");
    }

    private List<Check> selected(List<Check> all) {
        if (only.isEmpty()) return all;
        Set<String> known = new LinkedHashSet<>();
        for (Check c : all) known.add(c.name());
        for (String n : only) if (!known.contains(n)) throw new HarnessException.InvalidInput("--check " + n + ": no such check (known: " + known + ")");
        return all.stream().filter(c -> only.contains(c.name())).toList();
    }

    private Plan filter(Plan p) {
        if (only.isEmpty()) return p;
        List<PlannedCheck> kept = p.checks().stream().filter(c -> only.contains(c.name())).toList();
        return new Plan(p.scenario(), p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(),
                p.current(), kept, p.actions(), p.settings());
    }

    /** The command that repeats this run exactly (same seed). */
    private String command(Plan p) {
        StringBuilder sb = new StringBuilder("harness run");
        if (plan != null) sb.append(" --plan ").append(plan);
        else sb.append(' ').append(p.scenarioFile());
        for (Path c : checks) sb.append(" --checks ").append(c);
        for (String c : only) sb.append(" --check ").append(c);
        sb.append(" --system ").append(p.system()).append(" --runtime ").append(p.runtime()).append(" --seed ").append(p.seed());
        if (parallel > 1) sb.append(" --parallel ").append(parallel);
        return sb.toString();
    }

    static void printSummary(PrintWriter out, RunResult r) {
        out.printf("%s: %d passed, %d failed, %d errors, %d skipped (%d checks)%s%n", r.plan().scenario(), r.count(Status.PASSED),
                r.count(Status.FAILED), r.count(Status.ERROR), r.count(Status.SKIPPED), r.checks().size(),
                r.interrupted() ? " — interrupted" : r.infraError() != null ? " — infrastructure: " + r.infraError().lines().findFirst().orElse("") : "");
        for (var c : r.checks()) {
            for (var ph : c.phases()) {
                if (ph.status() == Status.FAILED) {
                    out.printf("  FAILED %s in %s at %s: %s%n", c.name(), ph.label(), ph.failure().source().fileLine(), ph.failure().message());
                    if (ph.failure().diff() != null && !ph.failure().diff().isEmpty()) {
                        ph.failure().diff().lines().limit(20).forEach(l -> out.println("    " + l));
                    }
                }
            }
        }
        out.println("reports: " + r.reportDir() + "  (seed " + r.plan().seed() + ", exit " + r.exitCode() + ")");
        out.flush();
    }
}
