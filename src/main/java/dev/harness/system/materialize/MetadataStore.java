package dev.harness.system.materialize;

import dev.harness.model.HarnessException;
import dev.harness.model.Poll;
import dev.harness.model.SystemKinds;
import dev.harness.runtime.RunningService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Materialize's external metadata store: the PostgreSQL server {@code postgres-metadata} that every Materialize plan
 * declares as a service ({@link SystemKinds#METADATA_STORE}; started before the first step, killed and started by name
 * like any declared service), holding the schemas consensus, adapter, storage and tsoracle of database {@code root},
 * shared by every generation. This class knows where environmentd finds it and what it needs in it.
 */
public final class MetadataStore {
    public static final String SERVICE = SystemKinds.METADATA_STORE;
    /**
     * PostgreSQL's port in its container (the harness/postgres image's contract); the platform checks' store listens on
     * CockroachDB's 26257, which only the URLs below would notice.
     */
    public static final int PORT = 5432;

    private MetadataStore() {}

    /** Where environmentd reaches the store's schema {@code schema} over the run's network, as role {@code root}. */
    public static String url(String schema) {
        return "postgres://root@" + SERVICE + ":" + PORT + "?options=--search_path=" + schema;
    }

    /** Run on database {@code postgres} when role / database {@code root} are missing (Materialize's setup_materialize.sql). */
    public static final List<String> CREATE_ROLE = List.of("CREATE ROLE root WITH LOGIN SUPERUSER");
    public static final List<String> CREATE_DATABASE = List.of("CREATE DATABASE root OWNER root");
    /** Run on database {@code root}. */
    public static final List<String> CREATE_SCHEMAS = List.of(
            "CREATE SCHEMA IF NOT EXISTS consensus AUTHORIZATION root",
            "CREATE SCHEMA IF NOT EXISTS adapter AUTHORIZATION root",
            "CREATE SCHEMA IF NOT EXISTS storage AUTHORIZATION root",
            "CREATE SCHEMA IF NOT EXISTS tsoracle AUTHORIZATION root");

    /** Waits until the store accepts connections, then runs the init SQL (idempotent). */
    public static void initialise(RunningService store, Duration timeout) {
        String server = "jdbc:postgresql://" + store.host() + ":" + store.port(PORT) + "/";
        SQLException[] last = {null};
        Poll.every(Duration.ofMillis(200), timeout).await(SERVICE, () -> {
            try {
                createRoleAndDatabase(server + "postgres");
                run(server + "root", CREATE_SCHEMAS);
                return Poll.Look.done(true);
            } catch (SQLException e) {
                last[0] = e;
                return Poll.Look.pending(e.getMessage());
            }
        }, expired -> new HarnessException.Infrastructure(SERVICE, "metadata store not ready within " + timeout.toSeconds() + "s: "
                + expired.lastSeen(), last[0]));
    }

    private static void createRoleAndDatabase(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, properties()); Statement s = c.createStatement()) {
            // CREATE DATABASE has no IF NOT EXISTS and cannot run in a DO block: check first (re-runs after a restart).
            if (!s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'root'").next()) for (String sql : CREATE_ROLE) s.execute(sql);
            if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'root'").next()) for (String sql : CREATE_DATABASE) s.execute(sql);
        }
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "30");
        return p;
    }

    private static void run(String url, List<String> statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, properties()); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }
}
