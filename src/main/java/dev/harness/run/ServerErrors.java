package dev.harness.run;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What a JDBC error says about the server rather than about the statement, decided in this one place. A server
 * that is dying answers with anything (57P01 while shutting down, XX000 from a half-finished statement, a closed
 * socket), so only these classes are trusted to mean "server"; everything else is the statement's outcome, and
 * {@link Liveness} asks the server itself before a failure is blamed on a check.
 */
final class ServerErrors {
    /** What a server (or the absence of one) answered. */
    enum Kind {
        /** No answer within the socket or connect timeout: a slow server or a stopped one. */
        SILENT,
        /** Nothing listens, the connection broke, or the server is shutting down, starting up or recovering. */
        GOING_AWAY,
        /** The connection itself failed (SQLSTATE class 08) for another reason. */
        CONNECTION,
        /** The server answered with an error about the statement or the request: it is up. */
        STATEMENT
    }

    /** Server messages of a server that is not (or no longer) serving, lower case. */
    private static final List<String> NOT_SERVING = List.of(
            "terminating connection",
            "the database system is shutting down",
            "the database system is starting up",
            "the database system is in recovery mode",
            "the database system is not yet accepting connections",
            "the database system is not accepting connections",
            "connection refused",
            "socket closed",
            "connection reset");

    private ServerErrors() {}

    static Kind classify(SQLException e) {
        if (causedBy(e, SocketTimeoutException.class)) return Kind.SILENT;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 57P04 database dropped
        if (state.startsWith("57P0") || notServing(e)) return Kind.GOING_AWAY;
        if (causedBy(e, ConnectException.class) || causedBy(e, EOFException.class) || causedBy(e, SocketException.class)) {
            return Kind.GOING_AWAY;
        }
        if (state.startsWith("08") || (state.isEmpty() && causedBy(e, IOException.class))) return Kind.CONNECTION;
        return Kind.STATEMENT;
    }

    /** The connection a statement ran on is unusable: no outcome of it can be trusted. */
    static boolean connectionLost(SQLException e) {
        return classify(e) != Kind.STATEMENT;
    }

    private static boolean notServing(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String s : NOT_SERVING) if (m.contains(s)) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
