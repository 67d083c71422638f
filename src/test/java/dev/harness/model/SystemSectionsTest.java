package dev.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** harness.yaml's system sections, keyed by the registered system names. */
class SystemSectionsTest {
    private static final HarnessConfig CONFIG = new HarnessConfig("postgres", "process", List.of(Version.parse("1.0")), Version.parse("1.1"),
            new HarnessConfig.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            HarnessConfig.Materialize.DEFAULTS.with("versions", "v26.1.0,v26.2.0"), HarnessConfig.Postgres.DEFAULTS, null);

    @Test
    void aSystemWithoutItsOwnSectionIsABugNotPostgresCatalog() {
        // Before the registry, any name but "materialize" silently got the postgres section's catalog.
        assertThrows(IllegalArgumentException.class, () -> CONFIG.catalog("oracle"));
        assertThrows(IllegalArgumentException.class, () -> CONFIG.current("oracle"));
        assertEquals(List.of(Version.parse("v26.1.0"), Version.parse("v26.2.0")), CONFIG.catalog("materialize"));
        assertEquals(List.of(Version.parse("1.0")), CONFIG.catalog("postgres"), "an empty section catalog means the top-level one");
    }

    @Test
    void everySectionReadsBackWhatItWritesIntoAPlan() {
        for (SystemKind kind : SystemKinds.ALL) {
            SystemSection filled = kind.defaults();
            for (String key : kind.defaults().keys()) {
                if (key.endsWith(">")) filled = filled.with(key.substring(0, key.lastIndexOf('.') + 1) + "15.10", "x");
            }
            SystemSection readBack = kind.defaults();
            for (Map.Entry<String, String> e : filled.runSettings().entrySet()) {
                assertTrue(readBack.accepts(e.getKey()), kind.name() + " does not accept its own setting " + e.getKey());
                readBack = readBack.with(e.getKey(), e.getValue());
            }
            assertEquals(filled.runSettings(), readBack.runSettings(), kind.name());
            assertEquals(kind.defaults().getClass(), kind.sectionType());
        }
    }

    @Test
    void aSystemMayOnlyDefaultToARuntimeItSupports() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SystemKind("x", List.of("docker"), "process", HarnessConfig.Postgres.DEFAULTS, List.of()));
        assertTrue(e.getMessage().contains("default runtime process"), e.getMessage());
    }

    @Test
    void aRuntimeASystemCannotUseIsNamedWithTheOnesItCan() {
        SystemKind materialize = SystemKinds.require("materialize");
        assertEquals("materialize runs in docker only, not with runtime process", SystemKinds.runtimeProblem(materialize, "process"));
        assertEquals("unknown runtime 'vm': expected process or docker", SystemKinds.runtimeProblem(materialize, "vm"));
        assertEquals(null, SystemKinds.runtimeProblem(materialize, "docker"));
    }
}
