package dev.harness.run;

import java.sql.SQLException;

/**
 * The server could not be reached or went away while a statement ran. Not an assertion outcome: the
 * executor turns it into an infrastructure failure of the scenario (see {@link ServerErrors} for what counts).
 */
final class ConnectionLost extends RuntimeException {
    ConnectionLost(String message, SQLException cause) {
        super(message, cause);
    }
}
