package dev.harness.run;

import dev.harness.model.Poll;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The real clock. Alarms are timed by one scheduler thread but run on their own threads: an alarm's action
 * (cancelling a statement) talks to a server that may be slow, and must not delay the next alarm.
 */
final class SystemTicker extends Poll.SystemClock implements Ticker {
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final ExecutorService ACTIONS = Executors.newCachedThreadPool(daemon("harness-alarm"));

    @Override
    public Alarm alarm(long nanos, Runnable action) {
        ScheduledFuture<?> pending = TIMER.schedule(() -> ACTIONS.execute(action), Math.max(0, nanos), TimeUnit.NANOSECONDS);
        return () -> pending.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("harness-timer"));
        t.setRemoveOnCancelPolicy(true); // most alarms are closed before they fire: do not keep them queued
        return t;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
