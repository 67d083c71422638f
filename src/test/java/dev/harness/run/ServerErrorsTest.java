package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.run.ServerErrors.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The one place that tells a server going away from a statement's error, with the states and causes pgjdbc reports. */
class ServerErrorsTest {
    private static Kind kind(String message, String state, Throwable cause) {
        return ServerErrors.classify(new SQLException(message, state, cause));
    }

    @Test
    void shutdownsAndServersNotServingAreGoingAway() {
        assertEquals(Kind.GOING_AWAY, kind("FATAL: terminating connection due to administrator command", "57P01", null));
        assertEquals(Kind.GOING_AWAY, kind("FATAL: terminating connection due to unexpected postmaster exit", "57P01", null));
        assertEquals(Kind.GOING_AWAY, kind("crash shutdown", "57P02", null));
        assertEquals(Kind.GOING_AWAY, kind("FATAL: the database system is shutting down", "57P03", null));
        assertEquals(Kind.GOING_AWAY, kind("FATAL: the database system is in recovery mode", null, null));
        assertEquals(Kind.GOING_AWAY, kind("FATAL: the database system is starting up", "08006", null));
    }

    @Test
    void brokenSocketsAreGoingAwayAndSilenceIsItsOwnKind() {
        assertEquals(Kind.GOING_AWAY, kind("Connection to 127.0.0.1:5432 refused.", "08001", new ConnectException("Connection refused")));
        assertEquals(Kind.GOING_AWAY, kind("An I/O error occurred while sending to the backend.", "08006", new EOFException()));
        assertEquals(Kind.GOING_AWAY, kind("An I/O error occurred while sending to the backend.", "08006", new SocketException("Broken pipe")));
        assertEquals(Kind.SILENT, kind("An I/O error occurred while sending to the backend.", "08006", new SocketTimeoutException("Read timed out")));
        assertEquals(Kind.SILENT, kind("The connection attempt failed.", "08001", new SocketTimeoutException("Connect timed out")));
        assertEquals(Kind.CONNECTION, kind("The connection attempt failed.", "08001", null));
        assertEquals(Kind.CONNECTION, kind("I/O", null, new IOException("x")));
    }

    @Test
    void everythingElseIsTheStatements() {
        assertEquals(Kind.STATEMENT, kind("ERROR: division by zero", "22012", null));
        assertEquals(Kind.STATEMENT, kind("ERROR: could not read block", "XX000", null)); // the server answered; Liveness decides
        assertEquals(Kind.STATEMENT, kind("ERROR: canceling statement due to user request", "57014", null));
        assertEquals(Kind.STATEMENT, kind("FATAL: sorry, too many clients already", "53300", null));
    }
}
