package dev.harness.report;

import java.util.Locale;

/** Human durations for reports and the console; always with a '.' decimal point, whatever the locale. */
public final class Elapsed {
    private Elapsed() {}

    /** {@code 0.4 s}, {@code 12.3 s}, {@code 2 m 05 s}, {@code 1 h 02 m}. */
    public static String human(long millis) {
        if (millis < 0) millis = 0;
        if (millis < 60_000) return String.format(Locale.US, "%.1f s", millis / 1000.0);
        long seconds = millis / 1000;
        if (seconds < 3600) return String.format(Locale.US, "%d m %02d s", seconds / 60, seconds % 60);
        return String.format(Locale.US, "%d h %02d m", seconds / 3600, (seconds % 3600) / 60);
    }

    /** Seconds with three decimals and a '.', as JUnit XML consumers parse them. */
    public static String seconds(long millis) {
        return String.format(Locale.US, "%.3f", Math.max(0, millis) / 1000.0);
    }
}
