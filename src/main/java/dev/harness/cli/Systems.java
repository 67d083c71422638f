package dev.harness.cli;

import dev.harness.model.HarnessConfig;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.PostgresSystem;
import dev.harness.system.materialize.MaterializeSystem;

/** The system implementation for a (validated) system name. */
final class Systems {
    private Systems() {}

    static DatabaseSystem forName(String name, HarnessConfig config) {
        return switch (name) {
            case "materialize" -> new MaterializeSystem();
            case "postgres" -> new PostgresSystem(config);
            default -> throw new IllegalArgumentException("unknown system " + name);
        };
    }
}
