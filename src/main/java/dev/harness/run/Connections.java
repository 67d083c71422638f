package dev.harness.run;

import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens JDBC connections with explicit timeouts: servers get killed in upgrade tests, and pgjdbc's default
 * socket timeout (none) would hang a phase forever on a peer that vanished without closing its sockets.
 */
final class Connections {
    private Connections() {}

    static Connection open(SqlEndpoint endpoint, Duration statementBudget, String applicationName) {
        // connectTimeout bounds the TCP connect and socketTimeout every read, the login included. pgjdbc's
        // loginTimeout is left unset on purpose: it runs every connect on a new thread (bench/run: median
        // harness/bare 1.11x with it, 1.06-1.08x without).
        // The socket timeout bounds the login and the executor's own statements (configure, assert-version): beyond the
        // budget plus a margin the peer is gone. Check statements set the timeout per attempt from their own budget
        // (StatementRunner). The application name shows in pg_stat_activity, which check a backend serves.
        Properties p = endpoint.properties(SqlEndpoint.CONNECT_TIMEOUT,
                Duration.ofSeconds(Math.max(60, statementBudget.toSeconds() + 60)), applicationName);
        try {
            return DriverManager.getConnection(endpoint.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new ConnectionLost("cannot connect to " + endpoint.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }
}
