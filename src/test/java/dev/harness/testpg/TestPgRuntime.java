package dev.harness.testpg;

import dev.harness.model.HarnessException;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.Runtime;
import dev.harness.runtime.ServiceSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test-only runtime: real PostgreSQL servers from a local install (Debian's postgresql-15 by default) started
 * with initdb/pg_ctl, as user postgres when the tests run as root. Stands in for the ProcessRuntime until that
 * lands; the spec's {@code image} is the install folder holding {@code bin/}, volume {@code data} the cluster.
 */
public final class TestPgRuntime implements Runtime {
    public static final String PG_HOME = System.getProperty("harness.test.pgHome", "/usr/lib/postgresql/15");

    private final Path root;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private final Map<String, Path> dataDirs = new LinkedHashMap<>();
    private final Path logDir;

    public TestPgRuntime(Path logDir) {
        try {
            this.root = Files.createTempDirectory("harness-testpg");
            this.logDir = logDir == null ? root.resolve("logs") : logDir;
            Files.createDirectories(this.logDir);
            shell(List.of("chown", "-R", "postgres", root.toString(), this.logDir.toString()), true);
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, "cannot create test folder", null);
        }
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(PG_HOME, "bin", "pg_ctl"));
    }

    @Override
    public String name() {
        return "testpg";
    }

    @Override
    public synchronized RunningService start(ServiceSpec spec) {
        String bin = spec.image() + "/bin/";
        Path data = volume(spec.volumes().keySet().stream().findFirst().orElse(spec.service()));
        Path log = logDir.resolve(spec.service() + ".log");
        try {
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                Files.createDirectories(data);
                asPostgres(List.of("chown", "postgres", data.toString()), true);
                run(List.of(bin + "initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "--no-sync"));
            }
            if (!Files.exists(log)) {
                Files.createFile(log);
                shell(List.of("chown", "postgres", log.toString()), true);
            }
            int port = freePort();
            run(List.of(bin + "pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            pids.put(spec.service(), pid);
            dataDirs.put(spec.service(), data);
            logs.put(spec.service(), log);
            return new RunningService(spec.service(), "127.0.0.1", Map.of(5432, port), Long.toString(pid));
        } catch (IOException e) {
            String tail = "";
            try {
                List<String> lines = Files.readAllLines(log);
                tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            } catch (IOException ignored) {
                // no log yet
            }
            throw new HarnessException.Infrastructure(spec.service(), "start failed: " + e.getMessage() + "\n" + tail, null);
        }
    }

    public Path volume(String name) {
        return root.resolve("volumes").resolve(name);
    }

    @Override
    public synchronized void kill(String service) {
        Long pid = pids.get(service);
        if (pid == null) return;
        List<Long> family = new ArrayList<>(children(pid));
        family.add(0, pid);
        for (long p : family) ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
        for (long p : family) awaitGone(p);
        // A killed postmaster may linger as a zombie when PID 1 does not reap orphans; PostgreSQL would take
        // its pid for a live server and refuse the data folder. It is dead, so its lock file goes.
        try {
            Files.deleteIfExists(dataDirs.get(service).resolve("postmaster.pid"));
        } catch (IOException ignored) {
            // next start reports it
        }
    }

    @Override
    public synchronized void stop(String service, Duration grace) {
        Long pid = pids.get(service);
        if (pid == null || !alive(pid)) return;
        Path data = dataDirs.get(service);
        try {
            run(List.of(PG_HOME + "/bin/pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (IOException e) {
            kill(service);
        }
        awaitGone(pid);
    }

    @Override
    public synchronized boolean isRunning(String service) {
        Long pid = pids.get(service);
        return pid != null && alive(pid);
    }

    @Override
    public void copyVolume(String from, String to, List<String> exclude) {
        throw new UnsupportedOperationException("not needed by the executor tests");
    }

    @Override
    public void writeFile(String volume, String relativePath, String content) {
        throw new UnsupportedOperationException("not needed by the executor tests");
    }

    @Override
    public Path logFile(String service) {
        return logs.get(service);
    }

    @Override
    public synchronized void close() {
        for (String s : new ArrayList<>(pids.keySet())) kill(s);
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder
        }
    }

    /** Pids still alive that this runtime started (for "no server left" assertions). */
    public synchronized List<Long> livePids() {
        return pids.values().stream().filter(TestPgRuntime::alive).toList();
    }

    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Long> children(long pid) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String n = p.getFileName().toString();
                if (!n.chars().allMatch(Character::isDigit)) continue;
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == pid) out.add(Long.parseLong(n));
                } catch (IOException | RuntimeException ignored) {
                    // process vanished
                }
            }
        } catch (IOException ignored) {
            // no /proc
        }
        return out;
    }

    private static void awaitGone(long pid) {
        for (int i = 0; i < 600 && alive(pid); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> cmd) throws IOException {
        asPostgres(cmd, false);
    }

    private static void asPostgres(List<String> cmd, boolean plain) throws IOException {
        List<String> full = new ArrayList<>();
        if (root() && !plain) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(cmd);
        shell(full, false);
    }

    private static void shell(List<String> cmd, boolean onlyAsRoot) throws IOException {
        if (onlyAsRoot && !root()) return;
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd);
        }
    }
}
