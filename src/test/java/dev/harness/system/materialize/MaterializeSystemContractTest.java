package dev.harness.system.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Login;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.DatabaseSystemContract;
import org.junit.jupiter.api.Test;

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

    /**
     * The platform checks' listeners (materialize-platform-checks.md §7.2): 6875 external SQL as materialize, 6877
     * internal SQL as mz_system, 6880 password and 6881 SASL for {@code as: {listener: password|sasl}}.
     */
    @Test
    void eachListenerIsItsOwnPort() {
        RunningService running = publishedService();
        assertEquals(running.port(6875), hostPort(system.endpoint(running, false)));
        assertEquals("materialize", system.endpoint(running, false).user());
        assertEquals(running.port(6877), hostPort(system.endpoint(running, true)));
        assertEquals("mz_system", system.endpoint(running, true).user());
        assertEquals(running.port(6875), hostPort(system.endpoint(running, new Login("alice", null, Login.Listener.SQL))));
        assertEquals(running.port(6880), hostPort(system.endpoint(running, new Login("alice", "secret", Login.Listener.PASSWORD))));
        assertEquals(running.port(6881), hostPort(system.endpoint(running, new Login("alice", "secret", Login.Listener.SASL))));
    }
}
