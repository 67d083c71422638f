package dev.harness.run;

import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * How many checks of a phase may run at once on a server. Every running check holds its connections for the
 * whole phase, and a server refuses connections beyond its limit: more workers than free slots would fail checks
 * with connection errors that are nobody's fault. Asked of the server at the start of each parallel phase;
 * the checks beyond the cap wait in the queue.
 */
final class ConnectionBudget {
    private final String freeConnectionsQuery;
    private final BiFunction<String, Boolean, SqlEndpoint> endpoints;
    private final Duration budget;
    private final Consumer<String> log;

    /** @param freeConnectionsQuery the system's query (null: the system cannot tell, nothing is capped) */
    ConnectionBudget(String freeConnectionsQuery, BiFunction<String, Boolean, SqlEndpoint> endpoints, Duration budget, Consumer<String> log) {
        this.freeConnectionsQuery = freeConnectionsQuery;
        this.endpoints = endpoints;
        this.budget = budget;
        this.log = log;
    }

    /**
     * @param wanted         workers the phase would use (--parallel, at most the number of checks)
     * @param perCheck       connections one check holds at most (one per user it runs as, one per session it opens)
     * @param phase          the phase's title, for the note
     * @return the workers to use: at least one, at most {@code wanted}
     */
    int workers(String service, int wanted, int perCheck, String phase) {
        if (wanted <= 1 || freeConnectionsQuery == null) return wanted;
        int free;
        try (Connection c = Connections.open(endpoints.apply(service, true), budget, "harness connection budget");
             var st = c.createStatement();
             ResultSet rs = st.executeQuery(freeConnectionsQuery)) {
            if (!rs.next()) return wanted;
            free = rs.getInt(1);
        } catch (SQLException | ConnectionLost e) {
            log.accept("connection budget of " + service + " unknown (" + e.getMessage() + "): --parallel not capped");
            return wanted;
        }
        int fits = Math.max(1, free / Math.max(1, perCheck));
        if (fits >= wanted) return wanted;
        log.accept("--parallel capped to " + fits + " for " + phase + " on " + service + ": the server has " + free
                + " free connections and a check holds up to " + perCheck);
        return fits;
    }
}
