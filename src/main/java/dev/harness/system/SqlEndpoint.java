package dev.harness.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How to open a JDBC connection to a service, and the one owner of the connection options: timeouts, keep-alive
 * and the application name that {@code pg_stat_activity} shows. pgjdbc lets a URL parameter win over a property,
 * so a system's URL must not carry them (refused here); callers pass theirs to {@link #properties(Duration, Duration, String)}.
 *
 * @param connectTimeout bounds the TCP connect
 * @param socketTimeout  bounds every read (the login included) of connections for the harness's own bookkeeping
 */
public record SqlEndpoint(String jdbcUrl, String user, String password, Duration connectTimeout, Duration socketTimeout) {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    public static final String APPLICATION_NAME = "harness";
    /** pg_stat_activity keeps 63 bytes of it. */
    private static final int MAX_APPLICATION_NAME = 60;
    private static final List<String> OWNED = List.of("connecttimeout", "sockettimeout", "applicationname", "tcpkeepalive", "logintimeout");

    public SqlEndpoint {
        int query = jdbcUrl.indexOf('?');
        if (query >= 0) {
            for (String pair : jdbcUrl.substring(query + 1).split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (OWNED.contains(key.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("the JDBC URL must not set " + key + ": SqlEndpoint owns it (" + jdbcUrl + ")");
                }
            }
        }
    }

    public SqlEndpoint(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, CONNECT_TIMEOUT, SOCKET_TIMEOUT);
    }

    /** For the harness's own bookkeeping: this endpoint's timeouts, application name {@code harness}. */
    public Properties properties() {
        return properties(connectTimeout, socketTimeout, APPLICATION_NAME);
    }

    /** For a connection with its own budget and name (a check's, the liveness probe's). */
    public Properties properties(Duration connect, Duration socket, String applicationName) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        p.setProperty("connectTimeout", Long.toString(Math.max(1, connect.toSeconds())));
        p.setProperty("socketTimeout", Long.toString(Math.max(1, socket.toSeconds())));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", applicationName.length() > MAX_APPLICATION_NAME
                ? applicationName.substring(0, MAX_APPLICATION_NAME) : applicationName);
        return p;
    }
}
