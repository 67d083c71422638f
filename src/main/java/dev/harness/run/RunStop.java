package dev.harness.run;

import dev.harness.model.Poll;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run being stopped (Ctrl-C, SIGTERM), as every worker sees it, and the statements in flight that a stop
 * cancels: a JDBC read does not notice a thread interrupt, so a long statement would hold the stop up.
 */
final class RunStop {
    /**
     * A terminal's Ctrl-C signals the whole process group: local servers get it too and shut down, possibly
     * before the harness's own handler has run. A server lost this moment is given this long to turn out to be
     * part of a stop rather than a server error.
     */
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration PAUSE = Duration.ofMillis(20);

    /** A statement being tracked; closing ends the tracking. */
    interface Tracked extends AutoCloseable {
        @Override
        void close();
    }

    private final Ticker ticker;
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private volatile boolean requested;

    RunStop(Ticker ticker) {
        this.ticker = ticker;
    }

    /** Marks the run as stopping and cancels what runs now (on another thread: a server may be slow to answer). */
    void request() {
        requested = true;
        List<Statement> now = List.copyOf(running);
        if (now.isEmpty()) return;
        Thread t = new Thread(() -> now.forEach(RunStop::cancelQuietly), "harness-stop");
        t.setDaemon(true);
        t.start();
    }

    boolean requested() {
        return requested;
    }

    /** Tracks a statement while it runs, so that a stop cancels it; one started after the stop is cancelled at once. */
    Tracked track(Statement st) {
        running.add(st);
        if (requested) cancelQuietly(st);
        return () -> running.remove(st);
    }

    /** @return whether the run is being stopped, waiting up to {@link #GRACE} for a stop to arrive */
    boolean stopFollows() {
        if (requested) return true;
        try {
            return Poll.every(PAUSE, GRACE).on(ticker).tryUntil(() -> requested ? Poll.Look.done(true) : Poll.Look.pending("no stop")).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the walk's own interrupt: that is the stop
            return true;
        }
    }

    static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the statement ended or its connection is gone: nothing left to cancel
        }
    }
}
