package dev.harness.run;

import dev.harness.model.RunListener;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * How the executor runs a plan.
 *
 * @param parallel         checks run concurrently within a phase (1 = sequential)
 * @param clock            wall time for the result model (timestamps, durations)
 * @param ticker           monotonic time and sleeps of retries and {@code sleep} steps
 * @param listener         console progress (called from the executor thread only)
 * @param log              harness.log lines; must be thread-safe (parallel phases log from worker threads)
 */
public record ExecutorOptions(int parallel, Clock clock, Ticker ticker, RunListener listener, Consumer<String> log) {
    public static ExecutorOptions defaults() {
        return new ExecutorOptions(1, Clock.systemUTC(), Ticker.SYSTEM, RunListener.NONE, s -> {});
    }

    public ExecutorOptions withParallel(int n) {
        return new ExecutorOptions(n, clock, ticker, listener, log);
    }

    public ExecutorOptions withListener(RunListener l) {
        return new ExecutorOptions(parallel, clock, ticker, l, log);
    }

    public ExecutorOptions withLog(Consumer<String> l) {
        return new ExecutorOptions(parallel, clock, ticker, listener, l);
    }
}
