package dev.harness.report.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.report.RunFixtures;
import dev.harness.report.TextCap;
import dev.harness.testing.RawControls;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleListenerTest {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String run(ConsoleOptions options) {
        RunResult r = RunFixtures.rich(Path.of("r"));
        ConsoleListener l = new ConsoleListener(err, options);
        int total = r.steps().size();
        for (StepResult s : r.steps()) {
            l.stepStarted(s.index(), total, s.title());
            l.waiting("waiting for db_2", 12_000);
            l.note("note " + s.index());
            l.stepFinished(s, total);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneGrepableLinePerStepWithoutEscapesWhenNotATerminal() {
        String out = run(ConsoleOptions.plain());
        String[] lines = out.split("\n");
        assertEquals(15, lines.length, out);
        assertEquals("[10/15] ✔ promote db_2 … 3.2 s", lines[9]);
        assertEquals("[12/15] ✘ validate on db_2 … 0.9 s", lines[11]);
        assertFalse(out.contains("\u001b"), "no escape codes");
        assertFalse(out.contains("waiting for"), "no live counter");
    }

    @Test
    void terminalShowsALiveCounterAndColour() {
        String out = run(new ConsoleOptions(ConsoleOptions.Verbosity.NORMAL, true, true));
        assertTrue(out.contains("\r\u001b[2K[10/15] promote db_2 … \u001b[2mwaiting for db_2, 12 s\u001b[0m"), out);
        assertTrue(out.contains("\u001b[31m✘\u001b[0m validate on db_2"));
    }

    @Test
    void offATerminalAHeartbeatLineEveryThirtySecondsSaysWhatTheStepWaitsFor() {
        ConsoleListener l = new ConsoleListener(err, ConsoleOptions.plain());
        l.stepStarted(9, 15, "promote db_2");
        for (long ms = 1_000; ms <= 75_000; ms += 500) l.waiting(ms < 50_000 ? "running" : "waiting for ReadyToPromote", ms);
        l.stepStarted(10, 15, "kill db_1");
        l.waiting("running", 29_500);
        l.waiting("running", 30_000);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("… promote db_2: running, 30 s\n… promote db_2: waiting for ReadyToPromote, 60 s\n… kill db_1: running, 30 s\n", out);
    }

    @Test
    void quietPrintsNoHeartbeat() {
        ConsoleListener l = new ConsoleListener(err, new ConsoleOptions(ConsoleOptions.Verbosity.QUIET, false, false));
        l.stepStarted(9, 15, "promote db_2");
        l.waiting("running", 31_000);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quietPrintsOnlyBadSteps() {
        String out = run(new ConsoleOptions(ConsoleOptions.Verbosity.QUIET, false, false));
        assertEquals("[ 9/15] ! manipulate 2 on db_1 … 0.7 s\n[12/15] ✘ validate on db_2 … 0.9 s\n", out);
    }

    @Test
    void verbosePrintsStartsAndNotes() {
        String out = run(new ConsoleOptions(ConsoleOptions.Verbosity.VERBOSE, false, false));
        assertTrue(out.contains("[ 1/15] → start db_1 15.17\n         note 0\n[ 1/15] ✔ start db_1 15.17 … 2.1 s\n"), out);
    }

    @Test
    void prefixIsPaddedToTheTotal() {
        assertEquals("[  5/120]", ConsoleListener.prefix(4, 120));
    }

    @Test
    void textFromTheRunIsEscapedOnlyTheListenersOwnCodesAreRaw() {
        String hostile = "\u001b]0;pwned\u0007\u001b[2J over\rwrite \u009b \u202e";
        ConsoleListener l = new ConsoleListener(err, new ConsoleOptions(ConsoleOptions.Verbosity.VERBOSE, true, true));
        l.stepStarted(0, 1, "validate on db " + hostile);
        l.waiting("waiting " + hostile, 3_000);
        l.note("statement " + hostile + "\nsecond line");
        l.stepFinished(new StepResult(0, null, "validate on db " + hostile, "db", null, Status.ERROR, null, 5,
                "server said " + hostile + "\nDETAIL: " + hostile), 1);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), RawControls.in(out, true), out);
        String shown = "\\x1b]0;pwned\\x07\\x1b[2J over\\rwrite \\u009b \\u202e";
        assertTrue(out.contains("[1/1] validate on db " + shown), out);
        assertTrue(out.contains("statement " + shown + "\\nsecond line"), "a note is one line: " + out);
        assertTrue(out.contains("         \u001b[35mDETAIL: " + shown + "\u001b[0m\n"), out);
        assertTrue(out.contains("\r\u001b[2K"), "the live line is still rewritten");
    }

    @Test
    void aStepMessageOfAnyLengthPrintsItsFirstLines() {
        ConsoleListener l = new ConsoleListener(err, ConsoleOptions.plain());
        l.stepFinished(new StepResult(0, null, "start db", "db", null, Status.ERROR, null, 5, "line\n".repeat(10_000)), 1);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2 + TextCap.LINES, lines.size());
        assertEquals("         … " + (10_000 - TextCap.LINES) + " more lines", lines.get(lines.size() - 1));
    }
}
