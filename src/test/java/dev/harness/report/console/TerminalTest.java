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
        assertFalse(ConsoleOptions.of(tty, false, false, ColorChoice.NEVER).colour(), "--no-color / --color=never");
        assertTrue(ConsoleOptions.of(tty, false, false, ColorChoice.AUTO).colour());
        assertEquals(ConsoleOptions.Verbosity.QUIET, ConsoleOptions.of(tty, true, false, ColorChoice.AUTO).verbosity());
        assertEquals(ConsoleOptions.Verbosity.VERBOSE, ConsoleOptions.of(tty, false, true, ColorChoice.AUTO).verbosity());
    }

    @Test
    void colorAlwaysAndForceColorColourOffATerminalButNeverAnimate() {
        Terminal pipe = new Terminal(false, Map.of());
        assertTrue(ConsoleOptions.of(pipe, false, false, ColorChoice.ALWAYS).colour());
        assertFalse(ConsoleOptions.of(pipe, false, false, ColorChoice.ALWAYS).animate(), "no line rewrites into a file");
        Terminal forced = new Terminal(false, Map.of("FORCE_COLOR", "1", "NO_COLOR", "1", "CI", "true"));
        assertTrue(forced.coloured(ColorChoice.AUTO), "FORCE_COLOR wins over NO_COLOR and CI");
        assertFalse(forced.coloured(ColorChoice.NEVER), "an explicit --color=never wins over FORCE_COLOR");
        for (String off : new String[] {"0", "false"}) assertFalse(new Terminal(false, Map.of("FORCE_COLOR", off)).coloured(ColorChoice.AUTO), off);
    }

    @Test
    void eachStreamIsJudgedOnItsOwnFromTheLauncherHintOrWhereItsDescriptorPoints() {
        TtyProbe hinted = new TtyProbe("stdout", fd -> java.util.Optional.of(java.nio.file.Path.of("/dev/pts/3")));
        assertTrue(hinted.isTerminal(TtyProbe.Stream.STDOUT));
        assertFalse(hinted.isTerminal(TtyProbe.Stream.STDERR), "the launcher's [ -t 2 ] said no: 2>log on a terminal");
        assertFalse(new TtyProbe("none", fd -> java.util.Optional.empty()).isTerminal(TtyProbe.Stream.STDOUT));

        java.util.Map<Integer, String> links = Map.of(1, "/tmp/out.log", 2, "/dev/pts/0");
        TtyProbe proc = new TtyProbe(null, fd -> java.util.Optional.of(java.nio.file.Path.of(links.get(fd))));
        assertFalse(proc.isTerminal(TtyProbe.Stream.STDOUT), ">file");
        assertTrue(proc.isTerminal(TtyProbe.Stream.STDERR));
        for (String dev : new String[] {"/dev/tty1", "/dev/console", "/dev/pts/12"}) assertTrue(TtyProbe.isTerminalDevice(java.nio.file.Path.of(dev)), dev);
        for (String other : new String[] {"/dev/null", "pipe:[1234]", "socket:[5]", "/home/u/log"}) {
            assertFalse(TtyProbe.isTerminalDevice(java.nio.file.Path.of(other)), other);
        }
        assertFalse(new TtyProbe(null, fd -> java.util.Optional.empty()).isTerminal(TtyProbe.Stream.STDERR), "unknown: plain");
    }
}
