package dev.harness.runtime.process;

import dev.harness.model.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Killing a server together with the processes it started. PostgreSQL backends are children of the postmaster
 * and would linger after a SIGKILL of the postmaster alone (until they notice its death), holding shared memory
 * and sockets that the next start on the same data would trip over.
 */
public final class ProcessTree {
    private static final long WAIT_MILLIS = 30_000;

    private ProcessTree() {}

    /** SIGKILL to {@code main} and every descendant it has, then waits until all of them are gone. */
    static void kill(ProcessHandle main) {
        // Frozen first, so it cannot fork between the snapshot below and the kill (a backend for a new connection).
        signal("STOP", main.pid());
        // Captured before the kill: once the main process is dead its children are re-parented and unfindable.
        List<ProcessHandle> all = new ArrayList<>(main.descendants().toList());
        main.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        all.add(0, main);
        awaitGone(all);
    }

    /** Java sends only TERM and KILL itself; other signals go through kill(1). Best effort: the caller SIGKILLs anyway. */
    private static void signal(String name, long pid) {
        try {
            Process p = new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the snapshot may miss a child forked in the same instant; the folder sweep catches it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to every process whose working folder lies under {@code folder}: strays forked during a kill. */
    static void killWorkingIn(Path folder) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            return;
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && !isGone(p))
                .filter(p -> workingFolder(p.pid()).map(cwd -> cwd.startsWith(real)).orElse(false))
                .toList();
        strays.forEach(ProcessHandle::destroyForcibly);
        awaitGone(strays);
    }

    static void awaitGone(List<ProcessHandle> processes) {
        try {
            Poll.every(Duration.ofMillis(50), Duration.ofMillis(WAIT_MILLIS)).tryUntil(() -> {
                long running = processes.stream().filter(p -> !isGone(p)).count();
                return running == 0 ? Poll.Look.done(true) : Poll.Look.pending(running + " still running");
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Dead, or a zombie: a zombie no longer runs, it only waits for a parent (maybe a non-reaping init) to reap it. */
    public static boolean isGone(ProcessHandle p) {
        if (!p.isAlive()) return true;
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return !p.isAlive();
        }
    }

    private static java.util.Optional<Path> workingFolder(long pid) {
        try {
            return java.util.Optional.of(Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd")));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
