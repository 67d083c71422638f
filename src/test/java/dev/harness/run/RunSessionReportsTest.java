package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Action;
import dev.harness.model.ExitCode;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.SourceRef;
import dev.harness.model.Status;
import dev.harness.report.Reporter;
import dev.harness.report.html.HtmlReporter;
import dev.harness.report.junit.JUnitXmlReporter;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.postgres.PostgresSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports of a session are never lost silently: a report that cannot be written, and a runtime that cannot be created. */
class RunSessionReportsTest {
    private static final HarnessConfig CONFIG = Loader.loadConfig(null);
    private static final List<ResultWriter> REPORTERS = Stream.<Reporter>of(new JUnitXmlReporter(), new HtmlReporter())
            .<ResultWriter>map(r -> r::write).toList();

    @TempDir
    Path out;

    /** A check that would fail, in a plan that starts no server: the run passes unless its reports are lost. */
    private static Plan quietPlan() {
        return new PlanBuilder().check(PlanBuilder.tableCheck("t", true)).action(new Action.Sleep(1, SourceRef.NONE, null)).build();
    }

    private RunSession session(RunSession.RuntimeFactory runtimes) {
        return new RunSession(new PostgresSystem(CONFIG), runtimes, CONFIG, REPORTERS, ExecutorOptions.defaults(), p -> "{}");
    }

    private RunSession processSession() {
        TempDirAccess.openToServerUser(out);
        return session(logs -> new ProcessRuntime(logs.getParent(), false));
    }

    @Test
    void aReportThatCannotBeWrittenMakesTheRunExit3AndTheOthersAreStillWritten() throws Exception {
        Plan plan = quietPlan();
        RunSession s = processSession();
        Path dir = s.reportDir(out, plan);
        Files.createDirectories(dir.resolve(JUnitXmlReporter.FILE).resolve("in-the-way"));

        RunSession.Outcome outcome = s.run(plan, "cmd", dir, () -> false);

        assertEquals(ExitCode.OK, outcome.result().exitCode(), "the run itself passed");
        assertEquals(ExitCode.INFRASTRUCTURE, outcome.exitCode());
        assertEquals(1, outcome.unwrittenReports().size(), outcome.unwrittenReports().toString());
        String message = outcome.unwrittenReports().get(0);
        assertEquals("cannot write " + dir.resolve(JUnitXmlReporter.FILE) + ": Is a directory", message);
        assertTrue(Files.readString(dir.resolve(HtmlReporter.FILE)).contains("</html>"), "report.html is still written");
        String log = Files.readString(dir.resolve("harness.log"));
        assertTrue(log.contains(message) && log.contains("exit 3"), log);
        assertNoPartialFiles(dir);
    }

    @Test
    void aFullDiskLosesNoReportSilentlyAndLeavesNoTruncatedOne() throws Exception {
        Plan plan = quietPlan();
        RunSession s = processSession();
        Path dir = s.reportDir(out, plan);
        Files.createDirectories(dir.resolve("logs"));
        Assumptions.assumeTrue(mount(dir), "mounting a tmpfs needs root with CAP_SYS_ADMIN");
        try {
            Files.createDirectories(dir.resolve("logs"));
            fill(dir.resolve("filler"));

            RunSession.Outcome outcome = s.run(plan, "cmd", dir, () -> false);

            assertEquals(ExitCode.INFRASTRUCTURE, outcome.exitCode());
            assertEquals(2, outcome.unwrittenReports().size(), outcome.unwrittenReports().toString());
            for (String m : outcome.unwrittenReports()) assertTrue(m.contains("No space left on device"), m);
            assertTrue(outcome.unwrittenReports().get(0).startsWith("cannot write " + dir.resolve(JUnitXmlReporter.FILE) + ": "));
            assertTrue(outcome.unwrittenReports().get(1).startsWith("cannot write " + dir.resolve(HtmlReporter.FILE) + ": "));
            assertFalse(Files.exists(dir.resolve(JUnitXmlReporter.FILE)), "no truncated junit.xml for CI to misread");
            assertNoPartialFiles(dir);
        } finally {
            new ProcessBuilder("umount", dir.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aRuntimeThatCannotBeCreatedStillGetsBothReportsWithTheError() throws Exception {
        Plan plan = new PlanBuilder().check(PlanBuilder.tableCheck("t", false)).start("db").allPhases().build();
        RunSession s = session(logs -> {
            throw new HarnessException.Infrastructure("Docker engine not reachable at unix:///nonexistent.sock");
        });
        Path dir = s.reportDir(out, plan);

        RunSession.Outcome outcome = s.run(plan, "cmd", dir, () -> false);

        assertEquals(ExitCode.INFRASTRUCTURE, outcome.exitCode());
        assertEquals(List.of(), outcome.unwrittenReports());
        assertEquals("cannot start the process runtime: Docker engine not reachable at unix:///nonexistent.sock", outcome.result().infraError());
        assertEquals(List.of(Status.ERROR), outcome.result().checks().stream().map(c -> c.status()).toList());
        String junit = Files.readString(dir.resolve(JUnitXmlReporter.FILE));
        assertTrue(junit.contains("errors=\"1\"") && junit.contains("not run: the process runtime is not available"), junit);
        assertTrue(junit.contains("Docker engine not reachable at unix:///nonexistent.sock"), junit);
        assertTrue(Files.readString(dir.resolve(HtmlReporter.FILE)).contains("Docker engine not reachable"));
        assertTrue(Files.readString(dir.resolve("harness.log")).contains("exit 3"));
    }

    private static boolean mount(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }

    private static void fill(Path file) {
        try (OutputStream o = Files.newOutputStream(file)) {
            byte[] block = new byte[4096];
            while (true) o.write(block);
        } catch (IOException full) {
            // the disk is full now
        }
    }

    private static void assertNoPartialFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList());
        }
    }
}
