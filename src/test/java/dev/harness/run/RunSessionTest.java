package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Action;
import dev.harness.model.ExitCode;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.model.SourceRef;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.postgres.PostgresSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder and the always-clean-up guarantees of a run, against real PostgreSQL. */
class RunSessionTest {
    @TempDir
    Path out;

    private static final HarnessConfig CONFIG = Loader.loadConfig(null);

    /** Writes a marker file so the test sees the reporter ran, with the result it got. */
    private static final ResultWriter MARKER = (result, dir) -> Files.writeString(dir.resolve("marker.txt"),
            "exit " + result.exitCode() + " interrupted " + result.interrupted());

    /** As the CLI wires it: the process runtime's run folder is the report folder, which holds logs/. */
    private RunSession session(RunListener listener) {
        TempDirAccess.openToServerUser(out);
        return new RunSession(new PostgresSystem(CONFIG), logs -> new ProcessRuntime(logs.getParent(), false), CONFIG,
                List.of(MARKER), ExecutorOptions.defaults().withListener(listener), p -> "{\"scenario\":\"" + p.scenario() + "\"}");
    }

    @Test
    void aRunWritesPlanLogServiceLogsAndReportsAndLeavesNoServer() throws Exception {
        Plan plan = new PlanBuilder().check(PlanBuilder.tableCheck("t", true)).start("db").allPhases().build();
        RunSession s = session(RunListener.NONE);
        Path dir = s.reportDir(out, plan);
        RunResult r = s.run(plan, "harness run x", dir, () -> false).result();
        assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
        assertTrue(Files.readString(dir.resolve("plan.json")).contains("\"test\""));
        String log = Files.readString(dir.resolve("harness.log"));
        assertTrue(log.contains("FAILED checks.d/t.yaml:9"), log);
        assertTrue(log.contains("step 1/7 start: start db"), log);
        assertTrue(Files.size(dir.resolve("logs/db.log")) > 0);
        assertEquals("logs/db.log", r.logs().get("db"));
        assertEquals("exit 1 interrupted false", Files.readString(dir.resolve("marker.txt")));
        assertEquals(List.of(), RunFolderProcesses.in(dir), "servers left running");
    }

    @Test
    void everyHarnessLogLineReachesTheListenerAsANoteForVerboseConsoles() throws Exception {
        Plan plan = new PlanBuilder().check(PlanBuilder.tableCheck("t", false)).start("db").allPhases().build();
        List<String> notes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        RunSession s = session(new RunListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        });
        Path dir = s.reportDir(out, plan);
        s.run(plan, "harness run x", dir, () -> false);
        String log = Files.readString(dir.resolve("harness.log"));
        assertTrue(notes.stream().anyMatch(n -> n.contains("ok checks.d/t.yaml")), "statement outcomes: " + notes);
        for (String n : notes) assertTrue(log.contains(n), "a note that is not in harness.log: " + n);
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("step ")), "step lines are step events, not notes: " + notes);
    }

    @Test
    void anInterruptedRunRemovesItsServersAndStillWritesTheReports() throws Exception {
        Plan plan = new PlanBuilder().check(PlanBuilder.tableCheck("t", false)).start("db").phase(Phase.INITIALIZE)
                .action(new Action.Sleep(600_000, SourceRef.NONE, null)).phase(Phase.VALIDATE).build();
        CountDownLatch sleeping = new CountDownLatch(1);
        RunSession s = session(new RunListener() {
            @Override
            public void stepStarted(int index, int total, String title) {
                if (title.startsWith("sleep")) sleeping.countDown();
            }
        });
        Path dir = s.reportDir(out, plan);
        AtomicReference<RunResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(s.run(plan, "cmd", dir, () -> false).result()));
        t.start();
        assertTrue(sleeping.await(120, TimeUnit.SECONDS));
        t.interrupt(); // what the shutdown hook does through Executor.interrupt()
        t.join(120_000);
        assertTrue(result.get().interrupted());
        assertEquals(ExitCode.INFRASTRUCTURE, result.get().exitCode());
        assertEquals("exit 3 interrupted true", Files.readString(dir.resolve("marker.txt")));
        assertEquals(List.of(), RunFolderProcesses.in(dir), "no postgres left");
    }

    @Test
    void runsOfOneScenarioStartedInTheSameMillisecondGetFoldersOfTheirOwn() {
        Plan plan = new PlanBuilder().check(PlanBuilder.tableCheck("t", true)).start("db").allPhases().build();
        java.time.Clock frozen = java.time.Clock.fixed(java.time.Instant.parse("2024-05-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        RunSession s = new RunSession(new PostgresSystem(CONFIG), logs -> new ProcessRuntime(logs.getParent(), false), CONFIG,
                List.of(), new ExecutorOptions(1, frozen, Ticker.SYSTEM, RunListener.NONE, line -> {}), p -> "{}");
        Path first = s.reportDir(out, plan);
        Path second = s.reportDir(out, plan);
        assertTrue(Files.isDirectory(first) && Files.isDirectory(second));
        assertNotEquals(first, second, "two runs would write into one folder");
    }
}
