package dev.harness.convert.testdrive;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a {@code $ postgres-execute connection=…} or {@code $ postgres-connect url=…} runs, read from its URL or name:
 * {@code mz_system} on the internal address is {@code as: system}, {@code materialize} on the SQL address is the
 * phase's own user, another role is {@code as: {user, password, listener}} (the password and SASL addresses choose the
 * listener), a literal host is the scenario's service of that name ({@code on:}), and a name opened by
 * {@code $ postgres-connect} is that session.
 */
sealed interface ConnectionTarget {
    record Plain() implements ConnectionTarget {}

    record System() implements ConnectionTarget {}

    record Role(String user, String password, String listener) implements ConnectionTarget {}

    record Service(String name) implements ConnectionTarget {}

    record Session(String name) implements ConnectionTarget {}

    Pattern URL = Pattern.compile("postgres(?:ql)?://(?:([^:@/]+)(?::([^@/]*))?@)?([^/?]+)(?:/([^?]*))?(?:\\?.*)?");
    Pattern SERVICE = Pattern.compile("([a-zA-Z][a-zA-Z0-9_-]{0,62})(?::[0-9]{1,5})?");
    Map<String, String> LISTENERS = Map.of(
            "${testdrive.materialize-sql-addr}", "sql",
            "${testdrive.materialize-password-sql-addr}", "password",
            "${testdrive.materialize-sasl-sql-addr}", "sasl");
    String INTERNAL = "${testdrive.materialize-internal-sql-addr}";

    /** A {@code connection=} value: a session opened in this fragment, a built-in name, or a URL. */
    static ConnectionTarget of(String connection, Set<String> sessions) throws Untranslatable {
        if (sessions.contains(connection)) return new Session(connection);
        if (connection.equals("mz_system")) return new System();
        if (connection.equals("materialize")) return new Plain();
        if (!connection.startsWith("postgres://") && !connection.startsWith("postgresql://")) {
            throw new Untranslatable("connection '" + connection + "' is neither a URL nor opened by $ postgres-connect in this fragment");
        }
        return url(connection);
    }

    static ConnectionTarget url(String url) throws Untranslatable {
        Matcher m = URL.matcher(url);
        if (!m.matches()) throw new Untranslatable("connection URL '" + url + "' is not of the form postgres://user:password@host/database");
        String user = m.group(1), password = m.group(2), host = m.group(3), database = m.group(4);
        if (database != null && !database.isEmpty() && !database.equals("materialize")) {
            throw new Untranslatable("connection URL names the database '" + database + "'; harness statements run in the phase's database");
        }
        if (host.equals(INTERNAL)) {
            if ("mz_system".equals(user)) return new System();
            throw new Untranslatable("role '" + user + "' on the internal SQL address; the harness reaches it only as mz_system (as: system)");
        }
        String listener = LISTENERS.get(host);
        if (listener != null) {
            if (listener.equals("sql") && (user == null || user.equals("materialize"))) return new Plain();
            if (user == null) throw new Untranslatable("connection URL without a user on " + host);
            return new Role(user, password == null ? null : VariableRefs.rewrite(password), listener);
        }
        if (host.contains("${")) throw new Untranslatable("host " + host + " of the connection URL has no harness service");
        Matcher service = SERVICE.matcher(host);
        if (!service.matches() || service.group(1).equals("localhost")) {
            throw new Untranslatable("host '" + host + "' is not a service name the scenario could declare");
        }
        return new Service(service.group(1));
    }
}
