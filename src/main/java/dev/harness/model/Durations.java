package dev.harness.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in YAML: a whole number and a unit, {@code 500ms}, {@code 30s}, {@code 2m},
 * {@code 1h}. One syntax everywhere: the loader reads it, the planner writes plan settings with {@link #format}
 * and the executor reads them back with {@link #parse}, so it lives in the model, below all three.
 */
public final class Durations {
    private static final Pattern SHAPE = Pattern.compile("([0-9]+)(ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String text) {
        Matcher m = text == null ? null : SHAPE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("expected a duration like 30s, 500ms, 2m or 1h, found '" + text + "'");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("duration out of range: '" + text + "'");
        }
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** The shortest YAML form of a duration, the inverse of {@link #parse}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
