package dev.harness.system.materialize;

import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Poll;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Materialize's external metadata store: a PostgreSQL container named {@code postgres-metadata} on port 26257
 * (as in the platform checks), holding the schemas consensus, adapter, storage and tsoracle of database
 * {@code root}, shared by every generation.
 */
public final class MetadataStore {
    public static final String SERVICE = "postgres-metadata";
    public static final int PORT = 26257;
    public static final String VOLUME = "metadata";
    private static final String DATA = "/var/lib/postgresql/data";

    private MetadataStore() {}

    /** The container: the harness/postgres image of the current PostgreSQL version, initialised on first boot. */
    public static ServiceSpec spec(HarnessConfig config) {
        Version pg = config.current("postgres");
        String image = config.postgres().image().replace("{version}", pg.text());
        String script = "test -s " + DATA + "/PG_VERSION || { initdb -D " + DATA + " -U postgres --auth=trust -E UTF8 --no-locale >/dev/null"
                + " && echo 'host all all all trust' >> " + DATA + "/pg_hba.conf; }; exec postgres -D " + DATA + " -p " + PORT
                + " -c listen_addresses=* -k /tmp -c max_connections=500";
        // restart on-failure: the platform checks' workaround for database-issues#5899
        return new ServiceSpec(SERVICE, image, List.of("/bin/sh", "-c", script), Map.of("PGPORT", Integer.toString(PORT)),
                List.of(PORT), Map.of(VOLUME, DATA), "on-failure", "postgres");
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
