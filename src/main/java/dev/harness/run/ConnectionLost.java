package dev.harness.run;

import java.sql.SQLException;

/**
 * The server could not be reached or went away while a statement ran. Not an assertion outcome: the
 * executor turns it into an infrastructure failure of the scenario.
 */
final class ConnectionLost extends RuntimeException {
    ConnectionLost(String message, SQLException cause) {
        super(message, cause);
    }

    /**
     * SQLSTATE class 08 (connection exception; pgjdbc also uses 08006 for I/O errors and socket timeouts),
     * 57P01..57P03 (admin/crash shutdown, cannot connect now).
     */
    static boolean isConnectionError(SQLException e) {
        String state = e.getSQLState();
        if (state == null) return e.getCause() instanceof java.io.IOException;
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
