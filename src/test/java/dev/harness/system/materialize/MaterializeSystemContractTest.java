package dev.harness.system.materialize;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Version;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.DatabaseSystemContract;

/** The system contract for Materialize: everything but its server, whose image cannot be had here. */
class MaterializeSystemContractTest extends DatabaseSystemContract {
    private final MaterializeSystem system = new MaterializeSystem();

    @Override
    protected DatabaseSystem system() {
        return system;
    }

    @Override
    protected HarnessConfig config() {
        return MaterializeFixtures.config();
    }

    @Override
    protected String reportedVersion(Version v) {
        return v.text() + " (4fb3d4c1a)";
    }
}
