package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTargetTest {
    private final HarnessConfig config = Fixtures.config();

    @Test
    void flagsWinOverConfig() {
        RunTarget t = RunTarget.resolve(config, Map.of(), "postgres", "docker", 5L);
        assertEquals("postgres", t.system());
        assertEquals("docker", t.runtime());
        assertEquals(5L, t.seed());
    }

    @Test
    void configIsTheDefault() {
        RunTarget t = RunTarget.resolve(config, Map.of(), null, null, 5L);
        assertEquals("postgres", t.system());
        assertEquals("process", t.runtime());
    }

    @Test
    void materializeDefaultsToDockerAndRefusesProcess() {
        assertEquals("docker", RunTarget.resolve(config, Map.of(), "materialize", null, 1L).runtime());
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class,
                () -> RunTarget.resolve(config, Map.of(), "materialize", "process", 1L));
        assertEquals("materialize runs in docker only, not with runtime process", e.getMessage());
    }

    @Test
    void unknownSystemOrRuntime() {
        assertThrows(HarnessException.InvalidInput.class, () -> RunTarget.resolve(config, Map.of(), "mysql", null, 1L));
        assertThrows(HarnessException.InvalidInput.class, () -> RunTarget.resolve(config, Map.of(), null, "k8s", 1L));
    }

    @Test
    void freshSeedWhenNoneGiven() {
        // Two fresh seeds colliding has probability 2^-31; a constant default would always collide.
        long a = RunTarget.resolve(config, Map.of(), null, null, null).seed();
        long b = RunTarget.resolve(config, Map.of(), null, null, null).seed();
        long c = RunTarget.resolve(config, Map.of(), null, null, null).seed();
        assertTrue(a != b || b != c, a + " " + b + " " + c);
        assertTrue(a >= 0 && b >= 0 && c >= 0);
    }

    @Test
    void setOverridesKeysByPath() {
        RunTarget t = RunTarget.resolve(config, Map.of(
                "timeouts.statement", "45s",
                "postgres.current", "15.18",
                "postgres.versions", "15.15, 15.17",
                "materialize.system-parameters.enable_x", "true",
                "system", "postgres"), null, null, 1L);
        assertEquals(Duration.ofSeconds(45), t.config().timeouts().statement());
        assertEquals(Duration.ofSeconds(120), t.config().timeouts().start());
        assertEquals(new Version("15.18"), t.config().current("postgres"));
        assertEquals(Fixtures.versions("15.15", "15.17"), t.config().catalog("postgres"));
        assertEquals("true", t.config().materialize().systemParameters().get("enable_x"));
    }

    @Test
    void setSystemChangesTheDefaultSystem() {
        assertEquals("materialize", RunTarget.resolve(config, Map.of("system", "materialize"), null, null, 1L).system());
    }

    @Test
    void badSetKeysAndValues() {
        HarnessException.InvalidInput unknown = assertThrows(HarnessException.InvalidInput.class,
                () -> ConfigOverrides.apply(config, Map.of("timeout.statement", "1s")));
        assertTrue(unknown.getMessage().startsWith("--set timeout.statement=1s: unknown key 'timeout.statement': expected one of system, runtime"),
                unknown.getMessage());
        HarnessException.InvalidInput duration = assertThrows(HarnessException.InvalidInput.class,
                () -> ConfigOverrides.apply(config, Map.of("timeouts.start", "soon")));
        assertEquals("--set timeouts.start=soon: expected a duration like 30s, 500ms, 2m or 1h, found 'soon'", duration.getMessage());
        assertThrows(HarnessException.InvalidInput.class, () -> ConfigOverrides.apply(config, Map.of("postgres.current", "fifteen")));
        assertThrows(HarnessException.InvalidInput.class, () -> ConfigOverrides.apply(config, Map.of("postgres.image-policy", "sometimes")));
    }

    /** One rule for every registered system: {@code --set <system>.<key>} reaches that system's section. */
    @Test
    void setReachesEverySystemsSectionByItsName() {
        for (SystemKind kind : SystemKinds.ALL) {
            for (Map.Entry<String, String> e : kind.defaults().runSettings().entrySet()) {
                String key = kind.name() + "." + e.getKey();
                assertTrue(ConfigOverrides.KEYS.contains(key), key);
                HarnessConfig set = ConfigOverrides.apply(config, Map.of(key, e.getValue()));
                assertEquals(e.getValue(), set.section(kind.name()).runSettings().get(e.getKey()), key);
            }
            HarnessConfig currentSet = ConfigOverrides.apply(config, Map.of(kind.name() + ".current", "9.9"));
            assertEquals(new Version("9.9"), currentSet.current(kind.name()));
            HarnessException.InvalidInput unknown = assertThrows(HarnessException.InvalidInput.class,
                    () -> ConfigOverrides.apply(config, Map.of(kind.name() + ".no-such-key", "1")));
            assertTrue(unknown.getMessage().contains("unknown key '" + kind.name() + ".no-such-key'"), unknown.getMessage());
        }
    }
}
