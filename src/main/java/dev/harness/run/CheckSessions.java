package dev.harness.run;

import dev.harness.model.Statement;
import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One check's connections in one phase, opened when a statement first needs one: to the phase's service as its user
 * or as the privileged user, and to each declared service a statement names with {@code on:}. Every connection stays
 * open until the phase ends, so session state (a transaction, a cursor) carries from one statement to the next.
 */
final class CheckSessions implements AutoCloseable {
    private final BiFunction<String, Boolean, SqlEndpoint> endpoints;
    private final String service;
    private final Duration budget;
    private final String name;
    private final Map<String, Connection> open = new LinkedHashMap<>();

    CheckSessions(BiFunction<String, Boolean, SqlEndpoint> endpoints, String service, Duration budget, String check) {
        this.endpoints = endpoints;
        this.service = service;
        this.budget = budget;
        this.name = "harness " + check;
    }

    Connection of(Statement s) {
        String target = serviceOf(s);
        boolean asSystem = s.asSystem() || s.on() != null;
        return open.computeIfAbsent(target + (asSystem ? " as system" : ""), k -> Connections.open(endpoints.apply(target, asSystem), budget, name));
    }

    String serviceOf(Statement s) {
        return s.on() != null ? s.on() : service;
    }

    @Override
    public void close() {
        open.values().forEach(CheckSessions::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is being discarded; a dead server is reported elsewhere
        }
    }
}
