package dev.harness.run;

import dev.harness.model.Poll;

/**
 * Monotonic time, sleeping and alarms, injected so retry rules are tested without waiting. An alarm fires on
 * the ticker's own clock: a virtual ticker fires it only when its time is advanced past it.
 */
public interface Ticker extends Poll.Clock {
    /** Runs {@code action} on another thread once {@code nanos} have passed, unless the alarm is closed first. */
    Alarm alarm(long nanos, Runnable action);

    /** A pending action; closing it before it fires cancels it, closing it after does nothing. */
    interface Alarm extends AutoCloseable {
        @Override
        void close();
    }

    Ticker SYSTEM = new SystemTicker();
}
