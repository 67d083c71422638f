package dev.harness.testpg;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.SqlEndpoint;
import dev.harness.system.SystemContext;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Test-only PostgreSQL system for {@link TestPgRuntime}: one local install, no standby support. */
public final class TestPgSystem implements DatabaseSystem {
    private final List<String> configure;

    public TestPgSystem(List<String> configure) {
        this.configure = configure;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<ServiceSpec> supportServices(SystemContext ctx) {
        return List.of();
    }

    @Override
    public ServiceSpec serviceSpec(Action.Start start, SystemContext ctx) {
        return new ServiceSpec(start.service(), TestPgRuntime.PG_HOME, List.of(), Map.of(), List.of(5432),
                Map.of("data-" + start.service(), "/data"), "no", null);
    }

    @Override
    public void awaitStarted(Action.Start start, RunningService service, SystemContext ctx) {
        SqlEndpoint e = endpoint(service, true);
        try (var c = DriverManager.getConnection(e.jdbcUrl(), e.properties())) {
            c.isValid(5);
        } catch (SQLException ex) {
            throw new HarnessException.Infrastructure(start.service(), "did not accept connections: " + ex.getMessage(), ex);
        }
    }

    @Override
    public SqlEndpoint endpoint(RunningService service, boolean asSystem) {
        return new SqlEndpoint("jdbc:postgresql://" + service.host() + ":" + service.port(5432) + "/postgres", "postgres", null);
    }

    @Override
    public List<String> configureStatements() {
        return configure;
    }

    @Override
    public String versionQuery() {
        return "SHOW server_version";
    }

    @Override
    public Version parseVersion(String reported) {
        return Version.parse(reported);
    }

    @Override
    public void awaitReadyToPromote(String service, SystemContext ctx) {
        throw new UnsupportedOperationException("standby not supported by the test system");
    }

    @Override
    public void promote(String service, SystemContext ctx) {
        throw new UnsupportedOperationException("standby not supported by the test system");
    }
}
