package dev.harness.report.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
    @Test
    void interactiveTerminalAnimatesAndColours() {
        Terminal t = new Terminal(true, Map.of("TERM", "xterm-256color"));
        assertTrue(t.animated());
        assertTrue(t.coloured());
    }

    @Test
    void notATerminalCiOrDumbMeansPlain() {
        assertFalse(new Terminal(false, Map.of("TERM", "xterm")).coloured());
        assertFalse(new Terminal(true, Map.of("CI", "true")).animated());
        assertFalse(new Terminal(true, Map.of("TERM", "dumb")).animated());
    }

    @Test
    void noColorKeepsAnimationButDropsColour() {
        Terminal t = new Terminal(true, Map.of("NO_COLOR", "1"));
        assertTrue(t.animated());
        assertFalse(t.coloured());
    }

    @Test
    void flagsMapToOptions() {
        Terminal tty = new Terminal(true, Map.of());
        assertFalse(ConsoleOptions.of(tty, false, false, true).colour(), "--no-color");
        assertEquals(ConsoleOptions.Verbosity.QUIET, ConsoleOptions.of(tty, true, false, false).verbosity());
        assertEquals(ConsoleOptions.Verbosity.VERBOSE, ConsoleOptions.of(tty, false, true, false).verbosity());
    }
}
