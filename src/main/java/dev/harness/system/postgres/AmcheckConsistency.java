package dev.harness.system.postgres;

import dev.harness.model.HarnessException;
import dev.harness.system.ConsistencyReport;
import dev.harness.system.SqlEndpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's consistency check with {@code amcheck}, in every database that takes connections: invalid indexes
 * ({@code NOT indisvalid}) by name, {@code bt_index_check(…, heapallindexed => true)} on every valid B-tree index and
 * {@code verify_heapam} on every heap table and materialized view, all outside the system schemas. Each statement runs
 * under {@code statement_timeout} = the budget; one that overruns is a problem of the object it checked.
 */
final class AmcheckConsistency {
    /** Where {@code configure} installs amcheck: its own schema, so a check's listing of {@code public} does not see it. */
    static final String SCHEMA = "harness_amcheck";
    static final List<String> CONFIGURE = List.of(
            "CREATE SCHEMA IF NOT EXISTS " + SCHEMA,
            "CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA " + SCHEMA);

    private static final String USER_RELATIONS = " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
            + " AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%' AND c.relpersistence <> 't'";
    private static final String INVALID_INDEXES = "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indexrelid" + USER_RELATIONS + " AND NOT i.indisvalid ORDER BY 1";
    private static final String BTREE_INDEXES = "SELECT c.oid, format('%I.%I', n.nspname, c.relname) FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indexrelid" + USER_RELATIONS
            + " AND c.relkind = 'i' AND i.indisvalid AND i.indisready AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'btree')"
            + " ORDER BY 2";
    private static final String HEAP_TABLES = "SELECT c.oid, format('%I.%I', n.nspname, c.relname) FROM pg_class c" + USER_RELATIONS
            + " AND c.relkind IN ('r', 'm') AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'heap') ORDER BY 2";
    /** verify_heapam reports every corrupt tuple; a few name the damage well enough. */
    private static final int HEAP_ROWS = 5;

    private final SqlEndpoint admin;
    private final Duration budget;

    /** @param admin the privileged endpoint of the service (its {@code postgres} database) */
    AmcheckConsistency(SqlEndpoint admin, Duration budget) {
        this.admin = admin;
        this.budget = budget;
    }

    ConsistencyReport check() {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (String database : databases()) {
                try (Connection c = PgConnections.open(inDatabase(database))) {
                    checkDatabase(c, database, checked, problems);
                }
            }
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(null, "consistency check failed: " + e.getMessage(), e);
        }
        return new ConsistencyReport(checked, problems);
    }

    private List<String> databases() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = PgConnections.open(admin); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY 1")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private void checkDatabase(Connection c, String database, List<String> checked, List<String> problems) throws SQLException {
        String amcheck = amcheckSchema(c, database, checked);
        try (Statement st = c.createStatement()) {
            st.execute("SET statement_timeout = " + Math.max(1, budget.toMillis()));
        }
        for (String index : names(c, INVALID_INDEXES)) {
            problems.add("index " + index + " (database " + database + ") is invalid (pg_index.indisvalid is false)");
        }
        List<Relation> indexes = relations(c, BTREE_INDEXES);
        for (Relation index : indexes) {
            verify(c, "SELECT " + amcheck + ".bt_index_check(?::oid::regclass, true)", false, "index " + index.name() + " (database "
                    + database + ")", index, problems);
        }
        List<Relation> tables = relations(c, HEAP_TABLES);
        for (Relation table : tables) {
            verify(c, "SELECT blkno, offnum, attnum, msg FROM " + amcheck + ".verify_heapam(?::oid::regclass, check_toast => true)"
                    + " LIMIT " + HEAP_ROWS, true, "table " + table.name() + " (database " + database + ")", table, problems);
        }
        checked.add(database + ": " + indexes.size() + " B-tree indexes, " + tables.size() + " tables");
    }

    /** The schema amcheck lives in; installed where a database lacks it (one made from template0, or before configure). */
    private static String amcheckSchema(Connection c, String database, List<String> checked) throws SQLException {
        String schema = PgConnections.queryText(c, "SELECT quote_ident(extnamespace::regnamespace::text) FROM pg_extension WHERE extname = 'amcheck'");
        if (schema != null) return schema;
        try (Statement st = c.createStatement()) {
            for (String sql : CONFIGURE) st.execute(sql);
        }
        checked.add(database + ": installed amcheck in schema " + SCHEMA);
        return SCHEMA;
    }

    /**
     * Runs one amcheck function on one relation: an error it raises (corruption, or running out of the budget) or, with
     * {@code rowsAreDamage}, a row it returns is a problem of that relation; a lost connection is not.
     */
    private void verify(Connection c, String sql, boolean rowsAreDamage, String what, Relation r, List<String> problems) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, r.oid());
            List<String> damage = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rowsAreDamage && rs.next()) {
                    damage.add("block " + rs.getString(1) + ", offset " + rs.getString(2)
                            + (rs.getString(3) == null ? "" : ", attribute " + rs.getString(3)) + ": " + rs.getString(4));
                }
            }
            if (!damage.isEmpty()) problems.add(what + " is corrupt: " + String.join("; ", damage));
        } catch (SQLException e) {
            if (lostConnection(c, e)) throw e;
            problems.add("57014".equals(e.getSQLState())
                    ? what + " was not checked within the statement budget of " + budget.toSeconds() + "s"
                    : what + " is corrupt: " + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " "));
        }
    }

    private static boolean lostConnection(Connection c, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) return true;
        try {
            return c.isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }

    private record Relation(long oid, String name) {}

    private static List<Relation> relations(Connection c, String sql) throws SQLException {
        List<Relation> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(new Relation(rs.getLong(1), rs.getString(2)));
        }
        return out;
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** The same server and user, another database: the endpoint's URL ends in {@code /postgres}. */
    private SqlEndpoint inDatabase(String database) {
        String url = admin.jdbcUrl();
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        return new SqlEndpoint(base + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20"), admin.user(), admin.password(),
                admin.connectTimeout(), admin.socketTimeout());
    }
}
