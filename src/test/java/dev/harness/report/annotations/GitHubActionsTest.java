package dev.harness.report.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.report.RunFixtures;
import dev.harness.report.WorkingDirPaths;
import dev.harness.testing.RawControls;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubActionsTest {
    @TempDir
    Path work;

    private GitHubActions on(Path summary) {
        return new GitHubActions(true, summary, new WorkingDirPaths(work));
    }

    @Test
    void oneErrorCommandPerFailureOnTheFailingStatement() {
        List<String> commands = on(null).commands(RunFixtures.rich(work.resolve("reports/r")));
        assertEquals(List.of(
                "::error file=checks.d/sequences.yaml,line=14,title=zero_downtime%3A sequence_continuity::"
                        + "validate #2: rows differ after 5 attempts (1 missing, 1 unexpected)%0A-2          | t%0A+1          | t",
                "::error file=checks.d/large_objects.yaml,line=9,title=zero_downtime%3A large_objects::"
                        + "manipulate 2: I/O error: connection to db_1 lost " + RunFixtures.XSS_SCRIPT + " " + RunFixtures.XSS_IMG),
                commands);
    }

    @Test
    void serverTextCannotEndTheCommandOrStartAnother() {
        RunResult rich = RunFixtures.rich(work.resolve("r"));
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        CheckResult c = checks.get(1);
        List<PhaseResult> phases = new ArrayList<>(c.phases());
        PhaseResult p = phases.get(4);
        String hostile = "100% done\r\n::add-mask::x \u001b[31m";
        Failure f = new Failure("rows differ: " + hostile, p.failure().statement(), p.failure().source(), "x", "y",
                "- a\n+ " + hostile + "\n- 3\n+ 4\n- 5\n+ 6\n- 7", 1);
        phases.set(4, new PhaseResult(p.actionIndex(), p.label(), p.phase(), p.service(), p.status(), p.started(),
                p.durationMillis(), f, null, List.of()));
        checks.set(1, new CheckResult("seq,a:b", c.description(), c.source(), c.status(), null, c.durationMillis(), phases));
        RunResult result = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), checks, null, false,
                rich.logs(), rich.reportDir());

        String command = on(null).commands(result).get(0);
        assertEquals(List.of(), RawControls.in(command, false));
        assertTrue(!command.contains("\n") && !command.contains("\r"), command);
        assertTrue(command.startsWith("::error file=checks.d/sequences.yaml,line=14,title=zero_downtime%3A seq%2Ca%3Ab::"), command);
        // a CR ends a line like LF does (and is never printed raw): the injected command is data of this one
        assertTrue(command.contains("::validate #2: rows differ: 100%25 done%0A- a%0A+ 100%25 done%0A::add-mask::x \\x1b[31m%0A"), command);
        assertTrue(command.endsWith("%0A+ 4%0A… 3 more diff lines"), "five diff lines, the rest counted: " + command);
    }

    @Test
    void aRunErrorNoCheckCarriesIsAnnotatedOnTheScenario() {
        RunResult rich = RunFixtures.rich(work.resolve("r"));
        List<CheckResult> noErrors = rich.checks().stream().filter(c -> c.status() != Status.ERROR && c.status() != Status.FAILED).toList();
        RunResult result = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), noErrors,
                "docker engine unreachable", false, rich.logs(), rich.reportDir());
        assertEquals(List.of("::error file=scenarios.d/zero_downtime.yaml,title=zero_downtime%3A run::docker engine unreachable"),
                on(null).commands(result));
    }

    @Test
    void publishPrintsTheCommandsAndAppendsTheSummary() throws Exception {
        Path summary = work.resolve("step_summary.md");
        Files.writeString(summary, "earlier step\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunResult rich = RunFixtures.rich(work.resolve("reports/r"));
        assertNull(on(summary).publish(rich, rich.reportDir(), new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertEquals(2, out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("::error ")).count());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("earlier step\n### ❌ zero\\_downtime: 1 failed, 1 error, 1 skipped, 1 passed\n"), md);
        assertEquals(new AnnotationsReporter(new WorkingDirPaths(work)).markdown(rich, rich.reportDir()) + "\n",
                md.substring("earlier step\n".length()));
    }

    @Test
    void offOrUnwritableSummaryPrintsNothingOrSaysSo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunResult rich = RunFixtures.rich(work.resolve("r"));
        assertNull(new GitHubActions(false, work.resolve("s.md"), new WorkingDirPaths(work))
                .publish(rich, rich.reportDir(), new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(work.resolve("s.md")));

        Path noFolder = work.resolve("missing/s.md");
        String problem = on(noFolder).publish(rich, rich.reportDir(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(problem.startsWith("cannot append to $GITHUB_STEP_SUMMARY " + noFolder), problem);
    }
}
