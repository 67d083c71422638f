package dev.harness.system.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.harness.load.Loader;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The registry and the factory agree: each registered system can be made, and only those. */
class DatabaseSystemsTest {
    @Test
    void everyRegisteredSystemHasAFactoryAndNoFactoryIsUnregistered() {
        assertEquals(new TreeSet<>(SystemKinds.names()), new TreeSet<>(DatabaseSystems.withFactory()));
        HarnessConfig config = Loader.loadConfig(null);
        for (SystemKind kind : SystemKinds.ALL) {
            assertEquals(kind.name(), DatabaseSystems.create(kind.name(), config).name());
        }
    }

    @Test
    void anUnknownSystemIsInvalidInputNamingTheKnownOnes() {
        var e = assertThrows(HarnessException.InvalidInput.class, () -> DatabaseSystems.create("oracle", Loader.loadConfig(null)));
        assertEquals("unknown system 'oracle': expected postgres or materialize", e.getMessage());
    }
}
