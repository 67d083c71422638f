package dev.harness.run;

import java.time.Duration;
import java.util.Locale;

/** Reads durations from plan settings and config text: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, ISO {@code PT30S}, or plain seconds. */
public final class Durations {
    private Durations() {}

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        double n = Double.parseDouble(t.substring(0, t.length() - 1).trim());
        return switch (unit) {
            case 's' -> Duration.ofMillis(Math.round(n * 1000));
            case 'm' -> Duration.ofMillis(Math.round(n * 60_000));
            case 'h' -> Duration.ofMillis(Math.round(n * 3_600_000));
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }

    public static String format(long millis) {
        return millis < 1000 ? millis + "ms" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
