package dev.harness.report.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether stdout or stderr is a terminal. Java only has {@code System.console()}, which answers for stdin and
 * stdout together, so {@code 2>log} on a terminal would still look interactive. The {@code harness} launcher
 * tests each stream with {@code [ -t N ]} and passes the answer in {@value #HINT} ("stdout stderr", "stdout",
 * "stderr" or "none"); without it (the jar started directly) Linux's {@code /proc/self/fd/N} tells where the
 * stream goes: a terminal device is {@code /dev/pts/*}, {@code /dev/tty*} or {@code /dev/console}. Where neither
 * answers, the stream is taken as not a terminal: plain output is always safe.
 *
 * @param hint    the launcher's {@value #HINT}, or null
 * @param fdLinks where a file descriptor points, empty when that cannot be read
 */
public record TtyProbe(String hint, Function<Integer, Optional<Path>> fdLinks) {
    public static final String HINT = "HARNESS_TTY";

    public enum Stream {
        STDOUT(1), STDERR(2);

        final int fd;

        Stream(int fd) {
            this.fd = fd;
        }
    }

    public static TtyProbe system(Map<String, String> env) {
        return new TtyProbe(env.get(HINT), TtyProbe::procLink);
    }

    public boolean isTerminal(Stream stream) {
        if (hint != null) return Arrays.asList(hint.trim().split("[\\s,]+")).contains(stream.name().toLowerCase(java.util.Locale.ROOT));
        return fdLinks.apply(stream.fd).map(TtyProbe::isTerminalDevice).orElse(false);
    }

    static boolean isTerminalDevice(Path target) {
        String t = target.toString();
        return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
    }

    private static Optional<Path> procLink(int fd) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
