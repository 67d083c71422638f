package dev.harness.system.registry;

import dev.harness.model.HarnessConfig;
import dev.harness.model.SystemKinds;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.materialize.MaterializeSystem;
import dev.harness.system.postgres.PostgresSystem;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes the {@link DatabaseSystem} for a system registered in {@link SystemKinds}: the one place that knows each
 * implementation class. A registered system without a factory here fails {@code DatabaseSystemsTest}.
 */
public final class DatabaseSystems {
    private static final Map<String, Function<HarnessConfig, DatabaseSystem>> FACTORIES = Map.of(
            "postgres", PostgresSystem::new,
            "materialize", config -> new MaterializeSystem());

    private DatabaseSystems() {}

    /** The system called {@code name} (a registered one; anything else is invalid input). */
    public static DatabaseSystem create(String name, HarnessConfig config) {
        String registered = SystemKinds.require(name).name();
        Function<HarnessConfig, DatabaseSystem> factory = FACTORIES.get(registered);
        if (factory == null) throw new IllegalStateException("system " + registered + " is registered but has no factory");
        return factory.apply(config);
    }

    static Set<String> withFactory() {
        return FACTORIES.keySet();
    }
}
