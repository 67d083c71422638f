package dev.harness.run;

import dev.harness.model.HarnessException;
import dev.harness.model.Poll;
import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Whether a server still serves, asked of the server and not only of its process: a killed process stays
 * "running" until its exit is reaped, and a server that is shutting down still has a process. A fresh connection
 * as the system user (it may use the reserved slots) runs {@code SELECT 1}; a server that does not answer in time
 * is asked again until {@code patience} is spent, as a busy machine can delay an answer.
 */
final class Liveness {
    static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final int ASK_SECONDS = 5;
    private static final Duration PAUSE = Duration.ofMillis(200);

    private final Predicate<String> running;
    private final BiFunction<String, Boolean, SqlEndpoint> endpoints;
    private final Ticker ticker;
    private final Duration patience;

    /**
     * @param running   the runtime's view: false is final, true must be confirmed by the server
     * @param endpoints where a service is reached, as its user or the system user
     */
    Liveness(Predicate<String> running, BiFunction<String, Boolean, SqlEndpoint> endpoints, Ticker ticker, Duration patience) {
        this.running = running;
        this.endpoints = endpoints;
        this.ticker = ticker;
        this.patience = patience;
    }

    /** @return null when the server answers, else why it is considered gone */
    String whyDown(String service) throws InterruptedException {
        String[] silence = {null};
        String verdict = Poll.every(PAUSE, patience).on(ticker).tryUntil(() -> {
            Answer a = ask(service);
            if (a == Answer.SERVES) return Poll.Look.done("");
            if (a.kind == ServerErrors.Kind.SILENT || a.kind == ServerErrors.Kind.CONNECTION) {
                silence[0] = a.reason;
                return Poll.Look.<String>pending(a.reason);
            }
            return Poll.Look.done(a.reason);
        }).orElse(null);
        if (verdict == null) return "server did not answer a fresh connection within " + patience.toSeconds() + " s (" + silence[0] + ")";
        return verdict.isEmpty() ? null : verdict;
    }

    /** One question to the server: a reason when it does not serve; only GOING_AWAY is final, silence is asked again. */
    private record Answer(ServerErrors.Kind kind, String reason) {
        static final Answer SERVES = new Answer(null, null);
    }

    private Answer ask(String service) {
        if (!running.test(service)) return new Answer(ServerErrors.Kind.GOING_AWAY, "server process is not running");
        SqlEndpoint endpoint;
        try {
            endpoint = endpoints.apply(service, true);
        } catch (HarnessException e) {
            return new Answer(ServerErrors.Kind.GOING_AWAY, e.getMessage());
        }
        Properties p = endpoint.properties(Duration.ofSeconds(ASK_SECONDS), Duration.ofSeconds(ASK_SECONDS), "harness liveness");
        // Bounds the whole login: pgjdbc tries again without SSL and GSS after a read timeout, each try as long.
        p.setProperty("loginTimeout", Integer.toString(ASK_SECONDS));
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), p);
             var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
            return Answer.SERVES;
        } catch (SQLException e) {
            ServerErrors.Kind kind = ServerErrors.classify(e);
            // Any other answer (too many clients, a refused login) comes from a server that serves.
            if (kind == ServerErrors.Kind.STATEMENT) return Answer.SERVES;
            return new Answer(kind, "a fresh connection failed: " + StatementRunner.errorText(e));
        }
    }
}
