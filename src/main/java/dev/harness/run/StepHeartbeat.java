package dev.harness.run;

import dev.harness.model.RunListener;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * While a step runs, tells the listener how long it has been running and what it waits for (the latest
 * {@link dev.harness.model.WaitNote} of the step, or {@link #RUNNING}), so a terminal can show a live counter and a
 * CI log a heartbeat line during long waits (a start, await-ready, promote). Ticks start after the first second:
 * short steps print nothing extra. No tick reaches the listener after the step was ended.
 */
final class StepHeartbeat implements AutoCloseable {
    static final long FIRST_TICK_MILLIS = 1000;
    static final long TICK_MILLIS = 500;
    /** What a tick says when the step has said nothing about its wait. */
    static final String RUNNING = "running";

    private final RunListener listener;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private ScheduledFuture<?> current;
    private long activeStep = -1;
    private long steps;
    private volatile String note;

    StepHeartbeat(RunListener listener) {
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "harness-step-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts ticking for a step; what it waits for comes from {@link #note} until {@link #end}. */
    void begin() {
        synchronized (lock) {
            end();
            note = null;
            long step = ++steps;
            activeStep = step;
            long started = System.nanoTime();
            current = timer.scheduleAtFixedRate(() -> {
                synchronized (lock) {
                    if (activeStep != step) return;
                    String what = note;
                    listener.waiting(what == null ? RUNNING : what, (System.nanoTime() - started) / 1_000_000L);
                }
            }, FIRST_TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** What the current step waits for now; the next tick says it. */
    void note(String what) {
        note = what;
    }

    /** Stops ticking; after it returns no tick of the ended step reaches the listener. */
    void end() {
        synchronized (lock) {
            activeStep = -1;
            if (current != null) current.cancel(false);
            current = null;
        }
    }

    @Override
    public void close() {
        end();
        timer.shutdownNow();
    }
}
