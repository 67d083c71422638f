package dev.harness.model;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Waits for a condition by looking again and again: until a look says it is done, or the timeout passes. The
 * pause between looks starts at {@code firstPause}, grows by {@code factor} up to {@code maxPause}, and never runs
 * past the deadline; there is always at least one look, and one more at the deadline. What the last look saw goes
 * into the timeout message, so a wait that failed says where it got stuck.
 *
 * @param timeout    how long to keep looking
 * @param firstPause the pause after the first look
 * @param factor     how much each pause grows (1 = a fixed pause)
 * @param maxPause   the longest pause
 * @param clock      monotonic time and sleeping, replaced in tests
 */
public record Poll(Duration timeout, Duration firstPause, double factor, Duration maxPause, Clock clock) {
    /** Monotonic time and sleeping. */
    public interface Clock {
        long nanoTime();

        void sleep(long millis) throws InterruptedException;

        Clock SYSTEM = new SystemClock();
    }

    /** The machine's monotonic clock; open for extension by clocks that add to it (the executor's ticker). */
    public static class SystemClock implements Clock {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }

    /** One look: the awaited value when {@code done}, else what was seen instead. */
    public record Look<T>(boolean done, T value, String seen) {
        public static <T> Look<T> done(T value) {
            return new Look<>(true, value, null);
        }

        public static <T> Look<T> pending(String seen) {
            return new Look<>(false, null, seen);
        }
    }

    /** Takes one look; may throw to end the wait at once (the thing waited for can no longer happen). */
    @FunctionalInterface
    public interface Probe<T> {
        Look<T> look() throws InterruptedException;
    }

    /** A wait that ran out: how long it waited, how often it looked and what it saw last. */
    public record Expired(Duration timeout, int looks, String lastSeen) {
        /** "within 5s (last seen: ...)": the tail of a timeout message. */
        public String within() {
            return "within " + timeout.toSeconds() + "s (last seen: " + lastSeen + ")";
        }
    }

    public Poll {
        if (timeout.isNegative() || firstPause.isNegative() || maxPause.compareTo(firstPause) < 0 || factor < 1) {
            throw new IllegalArgumentException("poll timeout " + timeout + ", pauses " + firstPause + ".." + maxPause + ", factor " + factor);
        }
    }

    /** Looks every {@code pause} for up to {@code timeout}. */
    public static Poll every(Duration pause, Duration timeout) {
        return new Poll(timeout, pause, 1, pause, Clock.SYSTEM);
    }

    /** The same wait with pauses that grow by {@code growth} up to {@code longest}. */
    public Poll backingOff(double growth, Duration longest) {
        return new Poll(timeout, firstPause, growth, longest, clock);
    }

    public Poll on(Clock other) {
        return new Poll(timeout, firstPause, factor, maxPause, other);
    }

    /**
     * @param expired builds the exception thrown when the timeout passes without a done look
     * @return the value of the first done look
     */
    public <T> T until(Probe<T> probe, Function<Expired, ? extends RuntimeException> expired) throws InterruptedException {
        int[] looks = {0};
        Look<T> last = lastLook(probe, looks);
        if (last.done()) return last.value();
        throw expired.apply(new Expired(timeout, looks[0], last.seen()));
    }

    /** For waits whose running out is an answer, not an error: empty when the timeout passed without a done look. */
    public <T> Optional<T> tryUntil(Probe<T> probe) throws InterruptedException {
        Look<T> last = lastLook(probe, new int[1]);
        return last.done() ? Optional.ofNullable(last.value()) : Optional.empty();
    }

    /** Looks until a done look or the deadline; returns the last look and counts them into {@code looks[0]}. */
    private <T> Look<T> lastLook(Probe<T> probe, int[] looks) throws InterruptedException {
        long start = clock.nanoTime();
        long budget = nanos(timeout);
        double pause = firstPause.toMillis();
        while (true) {
            Look<T> look = probe.look();
            looks[0]++;
            long leftNanos = budget - (clock.nanoTime() - start);
            if (look.done() || leftNanos <= 0) return look;
            long leftMillis = leftNanos / 1_000_000 + (leftNanos % 1_000_000 == 0 ? 0 : 1);
            clock.sleep(Math.min(Math.round(pause), leftMillis));
            pause = Math.min(maxPause.toMillis(), pause * factor);
        }
    }

    /**
     * {@link #until} for waits on a service: an interrupt (the run being stopped) ends the wait as an
     * infrastructure error of {@code service}, with the thread's interrupt flag kept for the caller's caller.
     */
    public <T> T await(String service, Probe<T> probe, Function<Expired, ? extends RuntimeException> expired) {
        try {
            return until(probe, expired);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException.Infrastructure(service, "interrupted", e);
        }
    }

    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
