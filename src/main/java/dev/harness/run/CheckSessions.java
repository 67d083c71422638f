package dev.harness.run;

import dev.harness.model.Login;
import dev.harness.model.PhaseItem;
import dev.harness.model.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One check's connections in one phase. The default sessions are opened when a statement first needs one: to the
 * phase's service as its user, as the privileged user or as a role ({@code as: {user, …}}), and to each declared
 * service a statement names with {@code on:}. A named session ({@code open-session: NAME}) is opened by its
 * directive and used by the statements with {@code session: NAME}. Every connection stays open until the phase
 * ends, so session state (a transaction, a cursor) carries from one statement to the next; closing them all is the
 * caller's try-with-resources, on failure and interrupt too.
 */
final class CheckSessions implements AutoCloseable {
    /** The server refused a login a check names (no such role, a wrong password): the check's failure, not the run's. */
    static final class LoginRefused extends RuntimeException {
        LoginRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Endpoints endpoints;
    private final String service;
    private final Duration budget;
    private final String name;
    private final Map<String, Connection> open = new LinkedHashMap<>();
    private final Map<String, Connection> named = new LinkedHashMap<>();

    CheckSessions(Endpoints endpoints, String service, Duration budget, String check) {
        this.endpoints = endpoints;
        this.service = service;
        this.budget = budget;
        this.name = "harness " + check;
    }

    /**
     * The most connections one check holds on the phase's service in a phase of {@code items}: one per user its
     * statements run as there (the phase's user, the privileged one, each role) plus one per named session.
     * Statements {@code on:} a declared service use another server's connections.
     */
    static int connectionsOnService(List<PhaseItem> items) {
        Set<String> defaults = new HashSet<>();
        int sessions = 0;
        for (PhaseItem item : items) {
            if (item instanceof PhaseItem.OpenSession) sessions++;
            if (item instanceof Statement s && s.session() == null && s.on() == null) defaults.add(key(s));
        }
        return Math.max(1, defaults.size() + sessions);
    }

    /** Opens {@code open-session: NAME} now, as its login, the privileged user or the phase's user (testdrive connects at the directive too). */
    void open(PhaseItem.OpenSession o) {
        Connection c = o.as() != null ? connect(service, o.as())
                : Connections.open(endpoints.endpoint(service, o.asSystem()), budget, name + " " + o.name());
        Connection earlier = named.put(o.name(), c);
        closeQuietly(earlier); // a replayed plan may open a name twice; the loader refuses it
    }

    /** @throws LoginRefused when the statement's role cannot log in */
    Connection of(Statement s) {
        if (s.session() != null) {
            Connection c = named.get(s.session());
            if (c == null) throw new IllegalStateException("session '" + s.session() + "' is not open at " + s.source().fileLine());
            return c;
        }
        String target = serviceOf(s);
        if (s.as() != null) return open.computeIfAbsent(target + " " + key(s), k -> connect(target, s.as()));
        boolean asSystem = s.asSystem() || s.on() != null;
        return open.computeIfAbsent(target + " " + key(s), k -> Connections.open(endpoints.endpoint(target, asSystem), budget, name));
    }

    String serviceOf(Statement s) {
        return s.on() != null ? s.on() : service;
    }

    /** Which default session of its service a statement runs on: one per user. */
    private static String key(Statement s) {
        if (s.as() != null) return "as " + s.as().user() + " via " + s.as().listener() + (s.as().password() == null ? "" : " with password");
        return s.asSystem() || s.on() != null ? "as system" : "as user";
    }

    private Connection connect(String target, Login login) {
        try {
            return Connections.open(endpoints.endpoint(target, login), budget, name);
        } catch (ConnectionLost e) {
            // A server that answers with an error about the login is up: the role or its password is the check's.
            if (e.getCause() instanceof SQLException sql && ServerErrors.classify(sql) == ServerErrors.Kind.STATEMENT) {
                throw new LoginRefused("cannot log in as " + login.user() + " (" + login.listener().name().toLowerCase(java.util.Locale.ROOT)
                        + " listener): " + StatementRunner.errorText(sql), e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        named.values().forEach(CheckSessions::closeQuietly);
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
