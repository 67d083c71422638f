package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.load.Loader;
import dev.harness.model.CheckResult;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.postgres.PostgresSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Executor tests' real parts, one set per test ({@code @RegisterExtension}): PostgresSystem with the built-in
 * catalog, a process runtime in a temporary folder, and harness.log lines in {@link #log}. After each test the
 * servers are stopped, none may be left, and the folder is removed.
 */
final class ExecutorFixture implements BeforeEachCallback, AfterEachCallback {
    static final HarnessConfig CONFIG = Loader.loadConfig(null);

    final PostgresSystem system = new PostgresSystem(CONFIG);
    final List<String> log = new CopyOnWriteArrayList<>();
    private Path tmp;
    private Path runDir;
    private ProcessRuntime runtime;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        tmp = Files.createTempDirectory("harness-executor-test");
        log.clear();
        runtime = null;
        newRuntime("run");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            close();
        } finally {
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    ProcessRuntime runtime() {
        return runtime;
    }

    /** Closes the runtime (checking nothing is left) and makes a fresh one in its own run folder. */
    void newRuntime(String folder) {
        if (runtime != null) close();
        runDir = TempDirAccess.openToServerUser(tmp).resolve(folder);
        runtime = new ProcessRuntime(runDir, false);
    }

    RunResult run(Plan plan, int parallel, RunListener listener) {
        return run(runtime, plan, parallel, listener);
    }

    RunResult run(ServiceRuntime on, Plan plan, int parallel, RunListener listener) {
        return executor(on, parallel, listener).run(plan, "harness run test", null);
    }

    Executor executor(ServiceRuntime on, int parallel, RunListener listener) {
        var opts = ExecutorOptions.defaults().withParallel(parallel).withListener(listener).withLog(log::add);
        return new Executor(system, on, CONFIG, opts);
    }

    static CheckResult check(RunResult r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void close() {
        runtime.close();
        assertEquals(List.of(), RunFolderProcesses.of(runtime, runDir), "servers left running");
    }
}
