package dev.harness.system.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Login;
import dev.harness.model.Version;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.DatabaseSystemContract;
import dev.harness.system.TestSystemContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system contract for PostgreSQL, with a real server (local processes) for the part that needs one. */
class PostgresSystemContractTest extends DatabaseSystemContract {
    @TempDir
    Path tmp;

    private final HarnessConfig config = TestSystemContext.testConfig();
    private final PostgresSystem system = new PostgresSystem(config);
    private ProcessRuntime runtime;
    private Path runDir;

    @Override
    protected DatabaseSystem system() {
        return system;
    }

    @Override
    protected HarnessConfig config() {
        return config;
    }

    @Override
    protected String reportedVersion(Version v) {
        return v.text() + " (Debian " + v.text() + "-1.pgdg120+1)";
    }

    @Override
    protected RunningService startServer(Version version) {
        runDir = TempDirAccess.openToServerUser(tmp).resolve("run");
        runtime = new ProcessRuntime(runDir, false);
        return new PostgresDriver(runtime, config).start("db_1", version.text(), false);
    }

    @Override
    protected void stopServers() {
        runtime.close();
    }

    @AfterEach
    void noServerLeft() {
        if (runtime != null) org.junit.jupiter.api.Assertions.assertEquals(List.of(), RunFolderProcesses.of(runtime, runDir));
    }

    /** PostgreSQL has one port for every listener; pg_hba decides how a role authenticates. */
    @Test
    void everyListenerIsTheOnePort() {
        RunningService running = publishedService();
        for (Login.Listener listener : Login.Listener.values()) {
            assertEquals(running.port(PostgresSystem.PORT), hostPort(system.endpoint(running, new Login("alice", "secret", listener))), listener.name());
        }
    }
}
