package dev.harness.run;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.RunResult;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.system.DatabaseSystem;
import java.nio.file.Path;

/**
 * Walks a plan against real servers and produces the result model. One executor runs one plan; the caller
 * owns (and closes) the runtime. {@link #interrupt()} may be called from any thread (Ctrl-C): the walk stops
 * at the next statement or wait, marks what did not run and returns a result with {@code interrupted} set.
 */
public final class Executor {
    private final DatabaseSystem system;
    private final ServiceRuntime runtime;
    private final HarnessConfig config;
    private final ExecutorOptions options;
    private volatile PlanWalk walk;
    private volatile boolean interruptRequested;

    public Executor(DatabaseSystem system, ServiceRuntime runtime, HarnessConfig config, ExecutorOptions options) {
        this.system = system;
        this.runtime = runtime;
        this.config = config;
        this.options = options;
    }

    /**
     * @param command   the command line recorded in the result (to reproduce the run)
     * @param reportDir the run's report folder; log files inside it are recorded relative to it
     */
    public RunResult run(Plan plan, String command, Path reportDir) {
        PlanWalk w = new PlanWalk(plan, system, runtime, config, options, Thread.currentThread());
        walk = w;
        if (interruptRequested) w.interrupt();
        return w.run(command, reportDir);
    }

    /** Stops the walk (Ctrl-C/SIGTERM). Safe to call before, during or after {@link #run}. */
    public void interrupt() {
        interruptRequested = true;
        PlanWalk w = walk;
        if (w != null) w.interrupt();
    }
}
