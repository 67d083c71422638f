package dev.harness.report.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM on a real pseudo-terminal (util-linux {@code script}) with one of its streams redirected: each stream
 * is judged on its own, which {@code System.console()} cannot do ({@code 2>log} on a terminal, {@code >file}).
 */
class TtyProbeUnderAPseudoTerminalTest {
    @TempDir
    Path dir;

    private String probe(String redirect) throws IOException, InterruptedException {
        Path result = dir.resolve("result-" + redirect.hashCode());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + TtyProbeMain.class.getName() + " '" + result + "' "
                + redirect;
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.out").toFile());
        pb.environment().remove(TtyProbe.HINT); // the /proc path, as `java -jar` without the launcher
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not finish");
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("script.out")));
        return Files.readString(result);
    }

    @Test
    void stderrToALogOnATerminalAndStdoutToAFileAreToldApart() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script")),
                "util-linux script is not installed: no pseudo-terminal to test on");
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/1")), "no /proc: Linux only");
        assertEquals("stdout=true stderr=true", probe(""));
        assertEquals("stdout=true stderr=false", probe("2>'" + dir.resolve("err.log") + "'"));
        assertEquals("stdout=false stderr=true", probe(">'" + dir.resolve("out.txt") + "'"));
    }
}
