package dev.harness.runtime.process;

import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.runtime.CloseOnce;
import dev.harness.runtime.RunId;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.ServiceSpec;
import dev.harness.runtime.SpecPlaceholders;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs services as local processes. The run folder holds {@code logs/<service>.log} (appended across restarts,
 * with a marker line per start, exit, kill and stop, each written while none of the service's processes runs, so
 * never inside a server's line). Volumes (kept across kills and restarts) live in the run's
 * {@link ScratchFolder} under the system temp directory, named after the unique run id, because the report folder
 * may sit where an unprivileged server user cannot go (a checkout in /root) and server data is no report: it is
 * deleted on close unless kept. Servers also run in the scratch folder, so everything the run started can be
 * found by its working folder. When the harness is root, servers run as an unprivileged {@link RunUser}.
 * Everything still running is killed on {@link #close()}, through a shutdown hook when the JVM is interrupted
 * (Ctrl-C, SIGTERM), and by a {@link ProcessWatchdog} when the JVM is killed outright; a later runtime sweeps what
 * a run killed together with its watchdog left. None of it when the runtime was created to keep its processes.
 */
public final class ProcessRuntime implements ServiceRuntime {
    /** Held while a start or an exit is marked, so an exit is never marked after the next start. */
    private final Object markers = new Object();
    private final String runId;
    private final Path scratch;
    private final Path volumesDir;
    private final Path logsDir;
    private final boolean keep;
    private final Optional<RunUser> user;
    private final LoopbackPorts ports = new LoopbackPorts();
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> volumesOf = new ConcurrentHashMap<>();
    private final ProcessWatchdog watchdog;
    private final Thread shutdownHook;
    private final CloseOnce closing = new CloseOnce(Duration.ofSeconds(120));

    /** @param runDir this run's folder (created if missing); @param keep leave processes running on close */
    public ProcessRuntime(Path runDir, boolean keep) {
        this(runDir, RunId.next(String.valueOf(runDir.getFileName())).value(), keep, defaultScratchParent());
    }

    /**
     * @param runId         unique id of the run ({@link RunId}): names the scratch folder
     * @param scratchParent where the scratch folder goes ({@link #defaultScratchParent()}); also where leftovers of
     *                      killed runs are swept from
     */
    public ProcessRuntime(Path runDir, String runId, boolean keep, Path scratchParent) {
        this(runDir, runId, keep, scratchParent, RunUser.whenRoot());
    }

    ProcessRuntime(Path runDir, String runId, boolean keep, Path scratchParent, Optional<RunUser> user) {
        this.runId = new RunId(runId).value();
        this.logsDir = runDir.toAbsolutePath().normalize().resolve("logs");
        this.keep = keep;
        this.user = user;
        ScratchFolder.sweepDeadRuns(scratchParent);
        try {
            Files.createDirectories(logsDir);
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, "cannot create the run's log folder " + logsDir + ": " + e, e);
        }
        this.scratch = ScratchFolder.create(scratchParent, this.runId, keep, user);
        this.volumesDir = ScratchFolder.volumes(scratch);
        // Should it fail to start, the folder it would have watched is swept by the first run after this JVM ends.
        this.watchdog = keep ? null : ProcessWatchdog.watch(scratch);
        this.shutdownHook = new Thread(this::close, "harness-process-cleanup");
        if (!keep) Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The system temp directory. */
    public static Path defaultScratchParent() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String runId() {
        return runId;
    }

    /** The user servers run as, when the harness is root. */
    public Optional<RunUser> runUser() {
        return user;
    }

    /** Where this run's volumes live (in the scratch folder; deleted on close unless kept). */
    public Path volumesRoot() {
        return volumesDir;
    }

    /** The run's scratch folder: volumes and the servers' working folder. */
    public Path scratchFolder() {
        return scratch;
    }

    public Path volume(String name) {
        return Names.inside(volumesDir, name);
    }

    @Override
    public RunningService start(ServiceSpec spec) {
        String service = spec.service();
        if (closing.isClosed()) throw new HarnessException.Infrastructure(service, "runtime already closed", null);
        // Names become paths: one that would leave its folder is refused before anything is created or started.
        Path log = logFile(service);
        spec.volumes().keySet().forEach(this::volume);
        if (isRunning(service)) throw new HarnessException.Infrastructure(service, "is already running", null);
        if (spec.command() == null || spec.command().isEmpty()) {
            throw new HarnessException.Infrastructure(service, "a local process needs a command", null);
        }
        if (watchdog != null && !watchdog.isAlive()) {
            throw new HarnessException.Infrastructure(service, "the process watchdog (pid " + watchdog.pid()
                    + "), which stops the servers if the harness is killed, is not running", null);
        }
        Map<Integer, Integer> published = new LinkedHashMap<>();
        for (Integer p : spec.ports()) published.put(p, ports.portFor(service, p));
        Set<String> volumes = volumesOf.computeIfAbsent(service, s -> ConcurrentHashMap.newKeySet());
        volumes.addAll(spec.volumes().keySet());

        String startId = SpecPlaceholders.newStartId();
        List<String> argv = new ArrayList<>();
        for (String a : spec.command()) argv.add(substitute(a, service, published, volumes, startId));
        Map<String, String> env = new LinkedHashMap<>();
        spec.env().forEach((k, v) -> env.put(k, substitute(v, service, published, volumes, startId)));
        for (String v : volumes) createVolume(service, v);
        if (spec.image() != null && user.isPresent()) user.get().checkReachable(Path.of(spec.image()), service, "binaries folder");

        ProcessBuilder pb = new ProcessBuilder(user.map(u -> u.wrap(argv)).orElse(argv));
        pb.directory(scratch.toFile());
        pb.environment().putAll(env);
        if (spec.image() != null) {
            // image = the folder holding bin/: its programs come first on PATH.
            pb.environment().put("PATH", Path.of(spec.image(), "bin") + File.pathSeparator + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        }
        pb.redirectErrorStream(true);
        // The child writes straight into the log file: nothing to pump, and the log survives a harness crash.
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // One marker line even for a multi-line script argument: the log's own lines stay the server's. Markers are
        // written only while no process of the service runs (before a start, after an exit): the server writes
        // straight into this file, and a marker written while it is alive could land in the middle of its line.
        String startMarker = "start " + String.join(" ", argv).replace("\n", "\\n") + user.map(u -> " (as " + u.name() + ")").orElse("")
                + " ports " + published;
        Process process = launch(service, pb, argv.get(0), startMarker);
        return new RunningService(service, "127.0.0.1", Map.copyOf(published), Long.toString(process.pid()), startId);
    }

    /**
     * Starts the process and marks it. The exit marker records an exit nobody asked for (a crash at start) next to
     * the server's own last words; not once the service has been started again (it runs late, in a JDK thread),
     * when it would land among the new life's lines.
     */
    private Process launch(String service, ProcessBuilder pb, String program, String startMarker) {
        Process process;
        synchronized (markers) {
            marker(service, startMarker);
            try {
                process = pb.start();
            } catch (IOException e) {
                marker(service, "could not launch: " + e.getMessage());
                throw new HarnessException.Infrastructure(service, "could not launch " + program + ": " + e.getMessage(), e);
            }
            processes.put(service, process);
        }
        process.onExit().thenAccept(p -> {
            synchronized (markers) {
                if (processes.get(service) == process) marker(service, "pid " + p.pid() + " exited with " + p.exitValue());
            }
        });
        return process;
    }

    private String substitute(String text, String service, Map<Integer, Integer> published, Set<String> volumes, String startId) {
        return SpecPlaceholders.resolve(text,
                port -> Integer.toString(published.computeIfAbsent(port, p -> ports.portFor(service, p))),
                name -> {
                    String path = volume(name).toString();
                    volumes.add(name);
                    return path;
                },
                startId);
    }

    private void createVolume(String service, String name) {
        Path dir = volume(name);
        try {
            if (Files.notExists(dir)) {
                Files.createDirectories(dir);
                // 0700: PostgreSQL refuses a data folder others can read.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                if (user.isPresent()) user.get().own(dir);
            }
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(service, "cannot create volume " + dir, e);
        }
    }

    @Override
    public void kill(String service) {
        Process p = processes.get(service);
        if (p == null || ProcessTree.isGone(p.toHandle())) {
            marker(service, "kill: not running");
            return;
        }
        ProcessTree.kill(p.toHandle());
        awaitReaped(p);
        sweep(service);
        marker(service, "killed (SIGKILL) pid " + p.pid());
    }

    /**
     * A killed process is gone once it is a zombie, but {@link Process#isAlive()} (and so {@link #isRunning})
     * stays true until the JDK's reaper thread has collected its exit status: wait for that too, so a start
     * right after a kill does not find the service "already running".
     */
    private static void awaitReaped(Process p) {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) throw new HarnessException.Infrastructure(null, "pid " + p.pid() + " did not exit after SIGKILL", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop(String service, Duration grace) {
        Process p = processes.get(service);
        if (p == null || ProcessTree.isGone(p.toHandle())) {
            marker(service, "stop: not running");
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.destroy();
        boolean exited;
        try {
            exited = p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) ProcessTree.kill(p.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly); // children of a clean exit are gone already
        ProcessTree.awaitGone(tree);
        sweep(service);
        marker(service, "stopped pid " + p.pid() + " (SIGTERM" + (exited ? "" : ", no exit within " + grace.toMillis() + " ms: SIGKILL")
                + "), exit " + exitOf(p));
    }

    /**
     * The process is dead here, but ProcessTree sees a zombie as gone before the JDK's reaper has collected it, so
     * exitValue() alone could throw; waitFor only lets the reaper catch up.
     */
    private static String exitOf(Process p) {
        try {
            return Integer.toString(p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    /** Backends forked in the instant before the kill are not in the captured tree; they still run in a volume. */
    private void sweep(String service) {
        for (String v : volumesOf.getOrDefault(service, Set.of())) ProcessTree.killWorkingIn(volume(v));
    }

    @Override
    public boolean isRunning(String service) {
        Process p = processes.get(service);
        return p != null && p.isAlive();
    }

    @Override
    public void copyVolume(String from, String to, List<String> exclude) {
        Path source = volume(from);
        if (!Files.isDirectory(source)) throw new HarnessException.Infrastructure(null, "no volume " + from + " to copy", null);
        try {
            createVolume(null, to);
            VolumeCopier.copy(source, volume(to), exclude);
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, "cannot copy volume " + from + " to " + to + ": " + e, e);
        }
    }

    @Override
    public void writeFile(String volume, String relativePath, String content) {
        Path file = volume(volume).resolve(relativePath).normalize();
        if (!file.startsWith(volume(volume))) throw new IllegalArgumentException("outside the volume: " + relativePath);
        try {
            createVolume(null, volume);
            // Every folder created on the way belongs to the server user, not just the innermost one.
            Path firstMissing = null;
            for (Path p = file.getParent(); Files.notExists(p); p = p.getParent()) firstMissing = p;
            Files.createDirectories(file.getParent());
            if (firstMissing != null && user.isPresent()) {
                for (Path p = file.getParent(); p.startsWith(firstMissing); p = p.getParent()) user.get().own(p);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            if (user.isPresent()) user.get().own(file);
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, "cannot write " + file, e);
        }
    }

    @Override
    public Path logFile(String service) {
        return Names.inside(logsDir, service + ".log");
    }

    private void marker(String service, String what) {
        try {
            Files.writeString(logFile(service), "=== harness " + Instant.now() + " " + service + ": " + what + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is best effort; the step's own result reports what happened
        }
    }

    @Override
    public void close() {
        closing.run(this::cleanUp);
    }

    private void cleanUp() {
        if (keep) return;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself or during shutdown: the hook runs anyway
        }
        try {
            for (String service : new LinkedHashSet<>(processes.keySet())) {
                if (isRunning(service)) kill(service);
            }
            // Server data is scratch: the report folder (a CI artifact) keeps the logs, not tens of MB of data files.
            ScratchFolder.remove(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the run's scratch folder " + scratch, e);
        } finally {
            if (watchdog != null) watchdog.close();
        }
    }
}
