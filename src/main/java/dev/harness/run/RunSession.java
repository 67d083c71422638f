package dev.harness.run;

import dev.harness.model.ActionTitle;
import dev.harness.model.ExitCode;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.system.DatabaseSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One scenario run with its report folder: {@code <out>/<scenario>-<timestamp>/} with plan.json, harness.log,
 * logs/ (the runtime writes there), and whatever the reporters write. The runtime is closed (no server left)
 * and the reports are written whatever happens: failure, infrastructure error (also a runtime that cannot even
 * be created, such as an unreachable Docker engine), Ctrl-C/SIGTERM. A report that cannot be written does not
 * stop the others and makes the run's exit code 3.
 */
public final class RunSession {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** How to make the runtime once the logs folder is known. */
    public interface RuntimeFactory extends Function<Path, ServiceRuntime> {}

    private final DatabaseSystem system;
    private final RuntimeFactory runtimes;
    private final HarnessConfig config;
    private final List<ResultWriter> reporters;
    private final ExecutorOptions options;
    private final Function<Plan, String> planJson;
    private volatile Executor executor;

    /** @param planJson renders plan.json (PlanJson::write); a failure is logged, not fatal */
    public RunSession(DatabaseSystem system, RuntimeFactory runtimes, HarnessConfig config, List<ResultWriter> reporters,
                      ExecutorOptions options, Function<Plan, String> planJson) {
        this.system = system;
        this.runtimes = runtimes;
        this.config = config;
        this.reporters = reporters;
        this.options = options;
        this.planJson = planJson;
    }

    /**
     * Creates the folder a run of {@code plan} started now writes to, inside {@code out}: {@code <scenario>-<timestamp>}, or with
     * {@code -2}, {@code -3}… when another run of the same scenario took that name in the same millisecond.
     */
    public Path reportDir(Path out, Plan plan) {
        String name = Names.requireEntity("scenario", plan.scenario()) + "-" + STAMP.format(options.clock().instant());
        try {
            Files.createDirectories(out);
            for (int n = 1; ; n++) {
                try {
                    String folder = n == 1 ? name : name + "-" + n;
                    Names.inside(out, folder); // the scenario name is data: the folder stays inside out
                    // as given (relative stays relative), for the paths the console prints
                    return Files.createDirectory(out.resolve(folder));
                } catch (FileAlreadyExistsException taken) {
                    // another run's folder: never share it
                }
            }
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, "cannot create the report folder in " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a session produced: the run's result and the reports that could not be written (each a one-line
     * {@code cannot write <file>: <reason>}). A lost report is an infrastructure failure of the run.
     */
    public record Outcome(RunResult result, List<String> unwrittenReports) {
        public Outcome {
            unwrittenReports = List.copyOf(unwrittenReports);
        }

        public int exitCode() {
            return unwrittenReports.isEmpty() ? result.exitCode() : Math.max(result.exitCode(), ExitCode.INFRASTRUCTURE);
        }
    }

    /**
     * Runs the plan. A JVM shutdown (Ctrl-C, SIGTERM) interrupts the walk, waits for the servers to be removed
     * and the reports to be written, then ends the process with exit code 3.
     */
    public Outcome run(Plan plan, String command, Path reportDir, Supplier<Boolean> installShutdownHook) {
        return run(plan, command, reportDir, installShutdownHook, outcome -> {});
    }

    /**
     * As {@link #run(Plan, String, Path, Supplier)}, then {@code onOutcome} (e.g. the console summary) before the
     * session counts as finished, so it also happens when Ctrl-C ends the process right after.
     */
    public Outcome run(Plan plan, String command, Path reportDir, Supplier<Boolean> installShutdownHook,
                       Consumer<Outcome> onOutcome) {
        Path logs = reportDir.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            Executor ex = executor;
            if (ex != null) ex.interrupt();
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            // The JVM is already exiting with 128+signal; the documented code for an interrupted run is 3.
            Runtime.getRuntime().halt(ExitCode.INFRASTRUCTURE);
        }, "harness-shutdown");
        boolean hooked = installShutdownHook.get();
        if (hooked) Runtime.getRuntime().addShutdownHook(hook);
        try (HarnessLog log = new HarnessLog(reportDir.resolve("harness.log"), options.clock())) {
            log.accept("run " + command);
            log.accept("plan " + plan.scenario() + " seed " + plan.seed() + " system " + plan.system() + " runtime " + plan.runtime());
            writePlan(plan, reportDir, log);
            RunResult result = walk(plan, command, reportDir, logs, log);
            Outcome outcome = new Outcome(result, writeReports(result, reportDir, log));
            log.accept("exit " + outcome.exitCode());
            onOutcome.accept(outcome);
            return outcome;
        } finally {
            finished.countDown();
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it will end the process once we return
                }
            }
        }
    }

    private RunResult walk(Plan plan, String command, Path reportDir, Path logs, HarnessLog log) {
        ServiceRuntime runtime;
        try {
            runtime = runtimes.apply(logs);
        } catch (HarnessException.Infrastructure | UncheckedIOException e) {
            // No engine, no folder: nothing ran, but CI must still get a junit.xml that says why.
            String error = "cannot start the " + plan.runtime() + " runtime: " + e.getMessage();
            log.accept(error);
            return neverStarted(plan, command, reportDir, error);
        }
        try (runtime) {
            log.accept("runtime " + runtime.name() + ", run id " + runtime.runId());
            // harness.log lines are also progress notes (the console shows them with --verbose), except the
            // step lines: the listener already gets those as step events.
            RunListener listener = options.listener();
            Executor ex = new Executor(system, runtime, config, options.withLog(line -> {
                log.accept(line);
                if (!line.startsWith("step ")) listener.note(line);
            }));
            executor = ex;
            RunResult result = ex.run(plan, command, reportDir);
            log.accept("closing runtime " + runtime.name());
            return result;
        }
    }

    /** The result of a run whose runtime could not be created: {@code error} for the run, every check not run. */
    private RunResult neverStarted(Plan plan, String command, Path reportDir, String error) {
        PhaseResults phases = new PhaseResults(plan, ActionTitle.phaseLabels(plan));
        phases.notRun(0, "the " + plan.runtime() + " runtime is not available");
        Instant now = options.clock().instant();
        return new RunResult(plan, command, now, now, List.of(), phases.rollUp(), error, false, Map.of(), reportDir);
    }

    /** Writes every report, even after one failed; returns what could not be written. */
    private List<String> writeReports(RunResult result, Path reportDir, HarnessLog log) {
        List<String> unwritten = new ArrayList<>();
        for (ResultWriter r : reporters) {
            try {
                log.accept("wrote " + r.write(result, reportDir));
            } catch (IOException e) {
                unwritten.add(e.getMessage());
            } catch (RuntimeException e) {
                unwritten.add("cannot write a report: " + e);
            }
        }
        unwritten.forEach(log);
        return unwritten;
    }

    private void writePlan(Plan plan, Path reportDir, HarnessLog log) {
        try {
            Files.writeString(reportDir.resolve("plan.json"), planJson.apply(plan), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            log.accept("plan.json not written: " + e);
        }
    }
}
