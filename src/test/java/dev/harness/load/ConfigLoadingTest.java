package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoadingTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("harness.yaml"), text);
    }

    @Test
    void builtInDefaultsMatchTheCheckedInHarnessYaml() {
        HarnessConfig builtIn = Loader.loadConfig(null);
        HarnessConfig topLevel = Loader.loadConfig(Path.of("harness.yaml"));
        assertEquals(withoutSource(topLevel), withoutSource(builtIn));
        assertEquals("postgres", builtIn.system());
        assertEquals(Duration.ofSeconds(600), builtIn.timeouts().promote());
        assertEquals("15.10", builtIn.catalog("postgres").get(0).text());
        assertEquals(new Version("v26.25.0"), builtIn.current("materialize"));
    }

    @Test
    void aPartialFileKeepsTheOtherDefaults() throws IOException {
        HarnessConfig c = Loader.loadConfig(write("system: materialize\ntimeouts: {statement: 500ms}\npostgres: {versions: [15.10, 15.19]}\n"));
        assertEquals("materialize", c.system());
        assertEquals(Duration.ofMillis(500), c.timeouts().statement());
        assertEquals(Duration.ofSeconds(120), c.timeouts().start());
        assertEquals(List.of(new Version("15.10"), new Version("15.19")), c.postgres().versions());
        assertEquals("harness/postgres:{version}", c.postgres().image());
        assertEquals("v26.25.0", c.materialize().current().text());
    }

    @Test
    void reportJunitIsReadDefaultsToDefaultAndRejectsOtherValues() throws IOException {
        assertEquals("strict", Loader.loadConfig(write("report: {junit: strict}\n")).report().junit());
        assertEquals("default", Loader.loadConfig(write("system: postgres\n")).report().junit());
        var e = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadConfig(write("report: {junit: loose}\n")));
        assertTrue(e.getMessage().contains("1:17: 'junit' must be default or strict"), e.getMessage());
    }

    @Test
    void materializeReplicationFactorAndParameterModeAreRead() throws IOException {
        HarnessConfig c = Loader.loadConfig(write("materialize: {replication-factor: 2, system-parameters-mode: random}\n"));
        assertEquals(2, c.materialize().effectiveReplicationFactor());
        assertEquals("random", c.materialize().effectiveParametersMode());
        HarnessConfig defaults = Loader.loadConfig(write("materialize: {image-policy: never}\n"));
        assertEquals(1, defaults.materialize().effectiveReplicationFactor());
        assertEquals("default", defaults.materialize().effectiveParametersMode());
        var e = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadConfig(write("materialize: {system-parameters-mode: chaos}\n")));
        assertTrue(e.getMessage().contains("1:39: 'system-parameters-mode' must be default, minimal or random"), e.getMessage());
    }

    @Test
    void versionsMustBeOldestFirst() throws IOException {
        List<Problem> ps = assertThrows(HarnessException.InvalidInput.class,
                () -> Loader.loadConfig(write("versions: [15.19, 15.10]\n"))).problems();
        assertEquals(1, ps.size(), ps::toString);
        assertEquals(1, ps.get(0).where().line());
        assertEquals(19, ps.get(0).where().column());
        assertTrue(ps.get(0).message().contains("oldest first"));
    }

    @Test
    void unknownConfigKeyAndBadEnum() throws IOException {
        List<Problem> ps = assertThrows(HarnessException.InvalidInput.class,
                () -> Loader.loadConfig(write("runtime: kubernetes\npostgres:\n  imagepolicy: never\n"))).problems();
        assertEquals(2, ps.size(), ps::toString);
        assertEquals("'runtime' must be process or docker, found a string 'kubernetes'", ps.get(0).message());
        assertEquals(3, ps.get(1).where().line());
        assertEquals(3, ps.get(1).where().column());
        assertTrue(ps.get(1).message().startsWith("unknown key 'imagepolicy' in postgres; expected one of: versions, current, binaries, image, image-policy"));
    }

    private static HarnessConfig withoutSource(HarnessConfig c) {
        return new HarnessConfig(c.system(), c.runtime(), c.versions(), c.current(), c.timeouts(), c.materialize(), c.postgres(), null);
    }
}
