package dev.harness.runtime.process;

import dev.harness.model.HarnessException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What Testcontainers' Ryuk is to containers, for local servers: a small separate process that outlives a harness
 * killed with SIGKILL (no shutdown hook runs then) and removes what the run left. Its stdin is a pipe from the
 * harness JVM; when that JVM ends, however it ends, the kernel closes the pipe, the watchdog reads end-of-file,
 * kills every process working in the run's scratch folder (the servers and their children) and deletes the
 * folder. It runs as the harness's own user (root can kill the servers it started as an unprivileged user) in
 * its own session, so the Ctrl-C that the terminal sends to the harness's process group does not end it first.
 */
public final class ProcessWatchdog implements AutoCloseable {
    private final Process process;

    private ProcessWatchdog(Process process) {
        this.process = process;
    }

    /** Starts a watchdog for {@code scratch}; it acts once this JVM ends or {@link #close()} is called. */
    static ProcessWatchdog watch(Path scratch) {
        List<String> argv = new ArrayList<>(List.of("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A few MB suffice: it reads a pipe and walks /proc once.
                "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-cp", absoluteClassPath(), ProcessWatchdog.class.getName(), scratch.toString()));
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(new File("/")) // not in the scratch folder: it must not pin what it deletes
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD); // no pipe back: a write to a dead harness would end it
        try {
            return new ProcessWatchdog(pb.start());
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, "cannot start the process watchdog (" + argv.get(0) + " " + argv.get(1)
                    + "), which stops the servers if the harness is killed: " + e.getMessage(), e);
        }
    }

    /** The watchdog starts in "/", so relative class path entries (java -jar target/harness.jar) are made absolute. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Ends the watch: the watchdog sweeps once more (the runtime has removed everything by now) and exits. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** @param args the scratch folder to clean up when stdin reaches end-of-file */
    public static void main(String[] args) throws IOException {
        Path scratch = Path.of(args[0]);
        InputStream harness = System.in;
        byte[] ignored = new byte[64];
        while (harness.read(ignored) >= 0) {
            // nothing is ever written: the pipe only tells whether the harness still holds it
        }
        ScratchFolder.remove(scratch);
    }
}
