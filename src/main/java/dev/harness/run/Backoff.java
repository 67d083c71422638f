package dev.harness.run;

/** Waits between attempts: 50 ms, then ×1.5 each time, capped at 1 s (testdrive's default factor). */
final class Backoff {
    static final long FIRST_MILLIS = 50;
    static final double FACTOR = 1.5;
    static final long CAP_MILLIS = 1000;

    private double next = FIRST_MILLIS;

    long nextMillis() {
        long now = Math.round(next);
        next = Math.min(CAP_MILLIS, next * FACTOR);
        return Math.min(now, CAP_MILLIS);
    }
}
