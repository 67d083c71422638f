package dev.harness.report.console;

import java.nio.file.Files;
import java.nio.file.Path;

/** Run in a child JVM under a pseudo-terminal: writes what {@link TtyProbe} says of its own stdout and stderr to a file. */
public final class TtyProbeMain {
    private TtyProbeMain() {}

    public static void main(String[] args) throws Exception {
        TtyProbe probe = TtyProbe.system(System.getenv());
        Files.writeString(Path.of(args[0]), "stdout=" + probe.isTerminal(TtyProbe.Stream.STDOUT) + " stderr=" + probe.isTerminal(TtyProbe.Stream.STDERR));
    }
}
