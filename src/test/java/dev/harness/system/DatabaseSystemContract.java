package dev.harness.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Login;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.system.registry.DatabaseSystems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DatabaseSystem} must do, observed through the interface only. A new system gets a subclass;
 * the parts that need its server run only where the server can ({@link #serverAnswersItsVersionQuery}), the rest
 * (registration, specs, configure statements, version parsing, endpoint shapes) always.
 */
public abstract class DatabaseSystemContract {
    /** The system under test, made from {@link #config()}. */
    protected abstract DatabaseSystem system();

    /** A configuration with this system's catalog. */
    protected abstract HarnessConfig config();

    /** What the server's {@link DatabaseSystem#versionQuery()} returns for {@code v}, as the server words it. */
    protected abstract String reportedVersion(Version v);

    /** Starts a writable server at {@code version} and returns it, or null when this machine cannot run one. */
    protected RunningService startServer(Version version) {
        return null;
    }

    /** Stops what {@link #startServer} started. */
    protected void stopServers() {}

    private SystemKind kind() {
        return SystemKinds.find(system().name()).orElseThrow(() -> new AssertionError(
                system().name() + " is not registered in model/SystemKinds"));
    }

    @Test
    void isRegisteredAndMadeByTheFactory() {
        assertEquals(system().getClass(), DatabaseSystems.create(kind().name(), config()).getClass());
        assertNotNull(config().section(kind().name()), "harness.yaml has a section for " + kind().name());
    }

    @Test
    void everyCatalogVersionGetsAStartSpecOnEverySupportedRuntime() {
        List<Version> versions = new ArrayList<>(config().catalog(kind().name()));
        versions.add(config().current(kind().name()));
        for (String runtime : kind().runtimes()) {
            TestSystemContext ctx = new TestSystemContext(config(), null, kind().name(), runtime);
            for (Version v : versions) {
                ServiceSpec spec = system().serviceSpec(new Action.Start("db_1", v, false, null, null, null), ctx);
                assertEquals("db_1", spec.service(), runtime + " " + v);
                assertFalse(spec.ports().isEmpty(), "a server publishes its SQL port: " + runtime + " " + v);
                if ("docker".equals(runtime)) assertNotNull(spec.image(), "a container needs an image: " + v);
                else assertFalse(spec.command().isEmpty(), "a process needs a command line: " + v);
            }
        }
    }

    @Test
    void configureStatementsAreStatements() {
        assertFalse(system().configureStatements().isEmpty(), "the normal user must be set up");
        system().configureStatements().forEach(sql -> assertFalse(sql.isBlank()));
        assertFalse(system().versionQuery().isBlank());
    }

    @Test
    void parsesTheVersionItsServerReports() {
        for (Version v : config().catalog(kind().name())) {
            assertTrue(v.sameAs(system().parseVersion(reportedVersion(v))), v + " from " + reportedVersion(v));
        }
        // A server that reports nonsense is an infrastructure failure of the run, not a crash of the harness.
        assertThrows(HarnessException.Infrastructure.class, () -> system().parseVersion("not a version"));
    }

    @Test
    void endpointsReachThePublishedPortAsTwoDifferentUsers() {
        RunningService running = publishedService();
        SqlEndpoint normal = system().endpoint(running, false);
        SqlEndpoint privileged = system().endpoint(running, true);
        for (SqlEndpoint e : List.of(normal, privileged)) {
            assertTrue(running.ports().containsValue(hostPort(e)), e.jdbcUrl() + " uses a published port " + running.ports().values());
        }
        assertNotEquals(normal.user(), privileged.user(), "checks run as a normal user, setup as the privileged one");
    }

    /** {@code as: {user, password, listener}}: every listener is a published port, reached as that role with its password. */
    @Test
    void aLoginReachesAPublishedPortAsItsRoleWithItsPassword() {
        RunningService running = publishedService();
        for (Login.Listener listener : Login.Listener.values()) {
            SqlEndpoint e = system().endpoint(running, new Login("alice", "secret", listener));
            assertEquals("alice", e.user(), listener.name());
            assertEquals("secret", e.password(), listener.name());
            assertTrue(running.ports().containsValue(hostPort(e)), listener + ": " + e.jdbcUrl() + " uses a published port " + running.ports().values());
        }
        assertNull(system().endpoint(running, new Login("bob", null, null)).password(), "no password: none sent");
    }

    /** A service of the current version whose container ports are published on host ports from 41000 on. */
    protected RunningService publishedService() {
        ServiceSpec spec = system().serviceSpec(new Action.Start("db_1", config().current(kind().name()), false, null, null, null),
                new TestSystemContext(config(), null, kind().name(), kind().defaultRuntime()));
        Map<Integer, Integer> published = new LinkedHashMap<>();
        int hostPort = 41000;
        for (int port : spec.ports()) published.put(port, hostPort++);
        return new RunningService("db_1", "127.0.0.1", published, "1", "1");
    }

    /** The host port of a JDBC URL to 127.0.0.1. */
    protected static int hostPort(SqlEndpoint e) {
        assertTrue(e.jdbcUrl().startsWith("jdbc:postgresql://127.0.0.1:"), e.jdbcUrl());
        return Integer.parseInt(e.jdbcUrl().replaceFirst("^jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/.*$", "$1"));
    }

    @Test
    void serverAnswersItsVersionQuery() {
        Version current = config().current(kind().name());
        RunningService s = startServer(current);
        assumeTrue(s != null, system().name() + "'s server cannot run on this machine");
        try {
            assertTrue(current.sameAs(system().parseVersion(queryText(s, system().versionQuery()))));
            if (system().freeConnectionsQuery() != null) {
                assertTrue(Integer.parseInt(queryText(s, system().freeConnectionsQuery()).trim()) > 0);
            }
        } finally {
            stopServers();
        }
    }

    /** After its configure statements a fresh server passes its own consistency check, and says what it checked. */
    @Test
    void aConfiguredServerPassesItsConsistencyCheck() throws java.sql.SQLException {
        RunningService s = startServer(config().current(kind().name()));
        assumeTrue(s != null, system().name() + "'s server cannot run on this machine");
        try {
            try (java.sql.Connection c = dev.harness.system.postgres.PgConnections.open(system().endpoint(s, true))) {
                for (String sql : system().configureStatements()) c.createStatement().execute(sql);
            }
            ConsistencyReport report = system().checkConsistency(s, new TestSystemContext(config(), null, kind().name(), kind().defaultRuntime()),
                    java.time.Duration.ofSeconds(30));
            assertTrue(report.consistent(), report.problems()::toString);
            assertFalse(report.checked().isEmpty(), "it says what it checked");
        } finally {
            stopServers();
        }
    }

    private String queryText(RunningService s, String sql) {
        try {
            return dev.harness.system.postgres.PgConnections.queryText(system().endpoint(s, true), sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
