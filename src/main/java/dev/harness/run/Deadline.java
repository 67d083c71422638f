package dev.harness.run;

import java.time.Duration;

/**
 * A moment on a {@link Ticker}'s clock that a statement or a comparison must not run past (waits that look again
 * and again are {@link dev.harness.model.Poll}'s). Arithmetic saturates, so a huge budget means "never".
 */
record Deadline(Ticker ticker, long atNanos) {
    /** Thrown from inside a long computation (a comparison) when its deadline has passed. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("deadline passed", null, false, false);
        }
    }

    static Deadline after(Ticker ticker, Duration budget) {
        long now = ticker.nanoTime();
        long nanos = nanos(budget);
        return new Deadline(ticker, now > 0 && nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos);
    }

    /** The budget in nanoseconds, {@code Long.MAX_VALUE} when it does not fit, zero when negative. */
    static long nanos(Duration budget) {
        if (budget.isNegative()) return 0;
        try {
            return budget.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    long remainingNanos() {
        long now = ticker.nanoTime();
        if (now >= atNanos) return 0;
        return now < 0 && atNanos > Long.MAX_VALUE + now ? Long.MAX_VALUE : atNanos - now;
    }

    long remainingMillis() {
        long nanos = remainingNanos();
        return nanos / 1_000_000L + (nanos % 1_000_000L == 0 ? 0 : 1);
    }

    boolean passed() {
        return remainingNanos() == 0;
    }

    /** @throws Exceeded when the deadline has passed */
    void check() {
        if (passed()) throw new Exceeded();
    }
}
