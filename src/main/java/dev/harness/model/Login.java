package dev.harness.model;

/**
 * {@code as: {user, password, listener}}: a statement or session that logs in as a given role.
 *
 * @param password null = none (a server that trusts the connection)
 * @param listener which of the server's SQL listeners to reach
 */
public record Login(String user, String password, Listener listener) {
    public Login {
        if (listener == null) listener = Listener.SQL;
    }

    /** Materialize's SQL listeners; PostgreSQL serves every kind on its one port (authentication is pg_hba's). */
    public enum Listener {
        /** the plain SQL port */
        SQL,
        /** Materialize's password-authenticated listener (6880) */
        PASSWORD,
        /** Materialize's SASL (SCRAM) listener (6881) */
        SASL
    }
}
