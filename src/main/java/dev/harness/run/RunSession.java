package dev.harness.run;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Names;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.runtime.Runtime;
import dev.harness.system.DatabaseSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One scenario run with its report folder: {@code <out>/<scenario>-<timestamp>/} with plan.json, harness.log,
 * logs/ (the runtime writes there), and whatever the reporters write. The runtime is closed (no server left)
 * and the reports are written whatever happens: failure, infrastructure error, Ctrl-C/SIGTERM.
 */
public final class RunSession {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** How to make the runtime once the logs folder is known. */
    public interface RuntimeFactory extends Function<Path, Runtime> {}

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

    /** The folder a run of {@code plan} started now writes to; the scenario name is data and must stay inside {@code out}. */
    public Path reportDir(Path out, Plan plan) {
        String folder = Names.requireEntity("scenario", plan.scenario()) + "-" + STAMP.format(options.clock().instant());
        Names.inside(out, folder);
        return out.resolve(folder); // as given (relative stays relative), for the paths the console prints
    }

    /**
     * Runs the plan. A JVM shutdown (Ctrl-C, SIGTERM) interrupts the walk, waits for the servers to be removed
     * and the reports to be written, then ends the process with exit code 3.
     */
    public RunResult run(Plan plan, String command, Path reportDir, Supplier<Boolean> installShutdownHook) {
        return run(plan, command, reportDir, installShutdownHook, result -> {});
    }

    /**
     * As {@link #run(Plan, String, Path, Supplier)}, then {@code onResult} (e.g. the console summary) before the
     * session counts as finished, so it also happens when Ctrl-C ends the process right after.
     */
    public RunResult run(Plan plan, String command, Path reportDir, Supplier<Boolean> installShutdownHook,
                         java.util.function.Consumer<RunResult> onResult) {
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
            java.lang.Runtime.getRuntime().halt(dev.harness.model.ExitCode.INFRASTRUCTURE);
        }, "harness-shutdown");
        boolean hooked = installShutdownHook.get();
        if (hooked) java.lang.Runtime.getRuntime().addShutdownHook(hook);
        try (HarnessLog log = new HarnessLog(reportDir.resolve("harness.log"), options.clock())) {
            log.accept("run " + command);
            log.accept("plan " + plan.scenario() + " seed " + plan.seed() + " system " + plan.system() + " runtime " + plan.runtime());
            writePlan(plan, reportDir, log);
            RunResult result;
            try (Runtime runtime = runtimes.apply(logs)) {
                // harness.log lines are also progress notes (the console shows them with --verbose), except the
                // step lines: the listener already gets those as step events.
                RunListener listener = options.listener();
                Executor ex = new Executor(system, runtime, config, options.withLog(line -> {
                    log.accept(line);
                    if (!line.startsWith("step ")) listener.note(line);
                }));
                executor = ex;
                result = ex.run(plan, command, reportDir);
                log.accept("closing runtime " + runtime.name());
            }
            for (ResultWriter r : reporters) {
                try {
                    Path written = r.write(result, reportDir);
                    log.accept("wrote " + written);
                } catch (IOException | RuntimeException e) {
                    log.accept("writing a report failed: " + e);
                }
            }
            log.accept("exit " + result.exitCode());
            onResult.accept(result);
            return result;
        } finally {
            finished.countDown();
            if (hooked) {
                try {
                    java.lang.Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it will end the process once we return
                }
            }
        }
    }

    private void writePlan(Plan plan, Path reportDir, HarnessLog log) {
        try {
            Files.writeString(reportDir.resolve("plan.json"), planJson.apply(plan), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            log.accept("plan.json not written: " + e);
        }
    }
}
