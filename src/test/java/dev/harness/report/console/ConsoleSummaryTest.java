package dev.harness.report.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.model.SourceRef;
import dev.harness.report.RunFixtures;
import dev.harness.report.TextCap;
import dev.harness.testing.RawControls;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
    String summary(ConsoleOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8), options)
                .print(RunFixtures.rich(Path.of("r")), List.of(Path.of("r/report.html"), Path.of("r/junit.xml")));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsFailuresRerunAndReports() {
        assertEquals("""

                zero_downtime: ERROR — 1 passed, 1 failed, 1 error, 1 skipped (4 checks) in 17.6 s

                  FAILED  sequence_continuity  validate #2: rows differ after 5 attempts (1 missing, 1 unexpected)
                                               checks.d/sequences.yaml:14
                                               -2          | t
                                               +1          | t
                  SKIPPED logical_slots        gated: since 16.0, base is 15.17
                  ERROR   large_objects        manipulate 2: I/O error: connection to db_1 lost <script>alert(1)</script> <img src=x onerror=alert(1)>
                                               checks.d/large_objects.yaml:9

                  seed 4217 · postgres on process · 15.17 → 15.19
                  rerun:   harness run scenarios.d/zero_downtime.yaml --seed 4217 --system postgres --runtime process
                  reports: r/report.html
                           r/junit.xml
                """, summary(ConsoleOptions.plain()));
    }

    @Test
    void aLongDiffShowsItsFirstFiveChangedLinesAndSaysHowManyMore() {
        RunResult rich = RunFixtures.rich(Path.of("r"));
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        CheckResult c = checks.get(1);
        List<PhaseResult> phases = new ArrayList<>(c.phases());
        PhaseResult p = phases.get(4);
        String diff = "  1 | same\n-2 | a\n+2 | b\n-3 | c\n+3 | d\n-4 | e\n+4 | f\n-5 | g\n";
        Failure f = new Failure("rows differ", "SELECT 1", SourceRef.of("c.yaml", 3, 1), null, null, diff, 1);
        phases.set(4, new PhaseResult(p.actionIndex(), p.label(), p.phase(), p.service(), p.status(), p.started(), p.durationMillis(),
                f, null, List.of()));
        checks.set(1, new CheckResult(c.name(), null, c.source(), c.status(), null, 1, phases));
        RunResult result = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), List.of(checks.get(1)),
                null, false, rich.logs(), rich.reportDir());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8), ConsoleOptions.plain()).print(result, List.of());
        String out = bytes.toString(StandardCharsets.UTF_8);
        String pad = " ".repeat(2 + 8 + c.name().length() + 2);
        assertTrue(out.contains(pad + "c.yaml:3\n" + pad + "-2 | a\n" + pad + "+2 | b\n" + pad + "-3 | c\n" + pad + "+3 | d\n" + pad + "-4 | e\n"
                + pad + "… 2 more diff lines in junit.xml and report.html\n"), out);
        assertFalse(out.contains("same"), "context lines are not changes: " + out);
        assertTrue(out.contains("0 passed, 1 failed, 0 errors, 0 skipped (1 check) in"), "singular and plural: " + out);
    }

    @Test
    void quietOmitsSkippedAndColourIsOptional() {
        String quiet = summary(new ConsoleOptions(ConsoleOptions.Verbosity.QUIET, false, false));
        assertFalse(quiet.contains("logical_slots"));
        assertTrue(summary(new ConsoleOptions(ConsoleOptions.Verbosity.NORMAL, true, false)).contains("\u001b[31mFAILED \u001b[0m"));
    }

    @Test
    void namesMessagesAndPathsAreEscapedTheColourIsNot() {
        String hostile = "\u001b]0;pwned\u0007 \u009b31m \u202eexe over\rwrite";
        RunResult rich = RunFixtures.rich(Path.of("r"));
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        CheckResult c = checks.get(1);
        List<PhaseResult> phases = new ArrayList<>(c.phases());
        PhaseResult p = phases.get(4);
        Failure f = new Failure("rows differ: " + hostile + "\nsecond line", null, SourceRef.of("checks.d/" + hostile + ".yaml", 3, 1),
                null, null, null, 1);
        phases.set(4, new PhaseResult(p.actionIndex(), p.label(), p.phase(), p.service(), p.status(), p.started(), p.durationMillis(),
                f, null, List.of()));
        checks.set(1, new CheckResult("seq" + hostile, null, c.source(), c.status(), null, 1, phases));
        RunResult result = new RunResult(rich.plan(), "harness run " + hostile, rich.started(), rich.finished(), rich.steps(), checks,
                "server gone: " + hostile + "\nDETAIL: more", false, rich.logs(), rich.reportDir());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8), new ConsoleOptions(ConsoleOptions.Verbosity.NORMAL, true, false))
                .print(result, List.of(Path.of("r/" + hostile + "/junit.xml")));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(List.of(), RawControls.in(out, true), out);
        String shown = "\\x1b]0;pwned\\x07 \\u009b31m \\u202eexe over\\rwrite";
        assertTrue(out.contains("infrastructure error: server gone: " + shown + "\\nDETAIL: more"), out);
        assertTrue(out.contains("seq" + shown + "  validate #2: rows differ: " + shown + "\n"), out);
        assertTrue(out.contains("checks.d/" + shown + ".yaml:3"), out);
        assertTrue(out.contains("rerun:   harness run " + shown), out);
        assertTrue(out.contains("reports: r/" + shown + "/junit.xml"), out);
        assertTrue(out.contains("\u001b[31mFAILED \u001b[0m"), "the summary's own colour stays");
    }

    @Test
    void aHugeInfrastructureErrorIsOneCappedLine() {
        RunResult rich = RunFixtures.rich(Path.of("r"));
        RunResult result = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), rich.checks(),
                "server log:\n" + "x".repeat(1_000_000), false, rich.logs(), rich.reportDir());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8), ConsoleOptions.plain()).print(result, List.of());
        String line = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("infrastructure error: ")).findFirst().orElseThrow();
        assertEquals("infrastructure error: server log:\\n" + "x".repeat(TextCap.LINE_CHARS - 12) + " " + TextCap.more(1_000_012 - TextCap.LINE_CHARS, "characters"), line);
    }
}
