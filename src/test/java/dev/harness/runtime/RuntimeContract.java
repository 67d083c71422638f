package dev.harness.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ServiceRuntime} must do the same way, observed only through the ServiceRuntime interface: the volume
 * operations are checked by running a service that lists the volume into its log. One subclass per runtime
 * (rather than a parameterised test) so that the Docker half can be {@code @RequiresDocker} while the process
 * half always runs.
 */
public abstract class RuntimeContract {
    @TempDir
    protected Path tmp;

    protected ServiceRuntime runtime;

    /** A fresh runtime whose run folder / log folder is under {@code dir}. */
    protected abstract ServiceRuntime open(Path dir);

    /** The image for a plain shell with GNU find (null = the host's, for local processes). */
    protected abstract String shellImage();

    @BeforeEach
    void setUp() throws IOException {
        runtime = open(TempDirAccess.openToServerUser(tmp).resolve("run"));
    }

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    protected ServiceSpec shell(String service, String script, String... volumes) {
        Map<String, String> mounts = new TreeMap<>();
        for (String v : volumes) mounts.put(v, "/mnt/" + v);
        return new ServiceSpec(service, shellImage(), List.of("/bin/sh", "-c", script), Map.of(), List.of(), mounts, "no", null);
    }

    /** Runs a short script to its end and returns what it printed (its lines starting with {@code prefix}). */
    protected List<String> runToEnd(ServiceSpec spec, String prefix) {
        runtime.start(spec);
        Await.until(spec.service() + " exits", () -> !runtime.isRunning(spec.service()));
        runtime.kill(spec.service()); // a no-op on an exited service that also waits until its log is complete
        return lines(spec.service(), prefix);
    }

    protected List<String> lines(String service, String prefix) {
        try {
            return Files.readAllLines(runtime.logFile(service)).stream().filter(l -> l.startsWith(prefix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** path -> "type mode owner" for everything in a volume; "." is the volume root. */
    protected Map<String, String> listing(String volume) {
        String script = "cd ${volume:" + volume + "} && find . -printf 'entry %p %y %m %U\\n'";
        return runToEnd(shell("list-" + volume + "-" + System.nanoTime(), script, volume), "entry ").stream()
                .map(l -> l.substring("entry ".length()).split(" ", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> a, TreeMap::new));
    }

    protected String read(String volume, String path) {
        List<String> out = runToEnd(shell("cat-" + System.nanoTime(), "sed 's/^/line /' ${volume:" + volume + "}/" + path + "; echo", volume), "line ");
        return out.stream().map(l -> l.substring(5)).collect(Collectors.joining("\n"));
    }

    protected static String owner(String listingValue) {
        return listingValue.split(" ")[2];
    }

    @Test
    void copyVolumeReplacesTheTargetAndLeavesOutExcludesLikeEveryRuntime() {
        runtime.writeFile("src", "PG_VERSION", "15");
        runtime.writeFile("src", "base/1/1234", "rows");
        runtime.writeFile("src", "base/pgsql_tmp/t1", "temp");
        runtime.writeFile("src", "base/1/pgsql_tmp_x", "temp");
        runtime.writeFile("src", "postmaster.pid", "42");
        runtime.writeFile("src", "sub/postmaster.pid", "not at the root: kept");
        runtime.writeFile("src", "pg_wal/000000010000000000000001", "wal");
        runtime.writeFile("src", "pg_wal/archive_status/x.done", "");
        runtime.writeFile("src", "pg_replslot/slot/state", "s");
        runtime.writeFile("src", "global/pg_internal.init", "cache");
        runtime.writeFile("src", "pg_internal.init", "top level: '**/' needs a folder");
        runtime.writeFile("dst", "stale", "from an earlier life");
        runToEnd(shell("prepare", "cd ${volume:src} && chmod 640 base/1/1234 && ln -s base/1 link && echo prepared", "src"), "prepared");

        runtime.copyVolume("src", "dst", List.of("postmaster.pid", "pg_wal/*", "pg_replslot", "**/pgsql_tmp*", "**/pg_internal.init"));

        Map<String, String> src = listing("src");
        Map<String, String> dst = listing("dst");
        assertEquals(List.of(".", "./PG_VERSION", "./base", "./base/1", "./base/1/1234", "./global", "./link", "./pg_internal.init",
                "./pg_wal", "./sub", "./sub/postmaster.pid"), List.copyOf(dst.keySet()), "copied paths");
        for (String p : dst.keySet()) assertEquals(src.get(p), dst.get(p), "type, mode and owner of " + p);
        assertTrue(dst.get("./link").startsWith("l "), dst.toString());
        assertTrue(dst.get("./base/1/1234").startsWith("f 640 "), dst.toString());
        assertEquals("rows", read("dst", "base/1/1234"));
        assertTrue(src.containsKey("./postmaster.pid"), "the source is untouched");
    }

    @Test
    void copyVolumeRefusesGlobsTheRuntimesCannotMatchAlike() {
        runtime.writeFile("src", "a", "x");
        runtime.writeFile("dst", "keep", "x");
        assertThrows(IllegalArgumentException.class, () -> runtime.copyVolume("src", "dst", List.of("a\\*")));
        assertTrue(listing("dst").containsKey("./keep"), "a refused copy leaves the target alone");
    }

    @Test
    void writeFileCreatesFoldersAndGivesEverythingToTheVolumeOwnerWithMode0600() {
        runtime.writeFile("data", "PG_VERSION", "15");
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("sub/deeper/standby.signal", "");
        files.put("postgresql.auto.conf", "primary_conninfo = 'host=db_1 port=5432'\nx = '$HOME \"q\"'");
        runtime.writeFiles("data", files);
        Map<String, String> data = listing("data");
        String rootOwner = owner(data.get("."));
        assertTrue(data.get("./sub/deeper/standby.signal").startsWith("f 600 "), data.toString());
        for (String p : data.keySet()) assertEquals(rootOwner, owner(data.get(p)), "owner of " + p + " in " + data);
        assertEquals("primary_conninfo = 'host=db_1 port=5432'\nx = '$HOME \"q\"'", read("data", "postgresql.auto.conf"));
        assertThrows(IllegalArgumentException.class, () -> runtime.writeFile("data", "../escape", ""));
    }

    @Test
    void killKeepsVolumeDataAndTheLogAcrossRestarts() {
        ServiceSpec spec = shell("keeper", "echo boot >> ${volume:state}/boots; echo boots=$(wc -l < ${volume:state}/boots); exec sleep 600", "state");
        runtime.start(spec);
        Await.until("first boot", () -> lines("keeper", "boots=").contains("boots=1"));
        runtime.kill("keeper");
        assertFalse(runtime.isRunning("keeper"));

        runtime.start(spec);
        Await.until("second boot saw the first's data", () -> lines("keeper", "boots=").contains("boots=2"));
        assertEquals(List.of("boots=1", "boots=2"), lines("keeper", "boots="), "the log keeps both lives");
        assertTrue(runtime.isRunning("keeper"));
    }
}
