package dev.harness.system.postgres;

import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Short-lived JDBC connections the PostgreSQL system uses for its own bookkeeping (readiness, backups, promote). */
public final class PgConnections {
    private PgConnections() {}

    public static Connection open(SqlEndpoint endpoint) throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.properties());
    }

    /** The first column of the first row as text, or null. */
    public static String queryText(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public static String queryText(SqlEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = open(endpoint)) {
            return queryText(c, sql);
        }
    }
}
