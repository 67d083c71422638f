package dev.harness.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in YAML: a whole number and a unit, {@code 500ms}, {@code 30s}, {@code 2m},
 * {@code 1h}. One syntax everywhere: the loader reads it, the planner writes plan settings with {@link #format}
 * and the executor reads them back with {@link #parse}, so it lives in the model, below all three.
 * Every duration is at most {@link #MAX}: a longer one is a typo, and the executor adds durations to clocks.
 */
public final class Durations {
    /** A week: far above any timeout, sleep or retry a test needs, far below any overflow. */
    public static final Duration MAX = Duration.ofDays(7);
    private static final Pattern SHAPE = Pattern.compile("([0-9]+)(ms|s|m|h)");
    private static final String RANGE = "at most " + MAX.toHours() + "h";

    private Durations() {}

    /** A duration from zero to {@link #MAX}; throws IllegalArgumentException with a message for the user. */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : SHAPE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("expected a duration like 30s, 500ms, 2m or 1h, found '" + text + "'");
        }
        String digits = m.group(1).replaceFirst("^0+(?=.)", "");
        long millisPerUnit = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        // 12 digits of hours would already overflow long milliseconds; the length test comes before any parsing
        if (digits.length() > 12 || Long.parseLong(digits) > MAX.toMillis() / millisPerUnit) {
            throw new IllegalArgumentException("duration out of range: '" + text.trim() + "' (" + RANGE + ")");
        }
        return Duration.ofMillis(Long.parseLong(digits) * millisPerUnit);
    }

    /** As {@link #parse}, but zero is refused too: a timeout of 0s can never be met. */
    public static Duration parsePositive(String text) {
        Duration d = parse(text);
        if (d.isZero()) throw new IllegalArgumentException("must be more than 0, found '" + text.trim() + "'");
        return d;
    }

    /** Null when {@code d} is a duration {@link #parse} could have made, else why not (for replayed plans). */
    public static String problem(Duration d) {
        if (d == null) return "missing";
        if (d.isNegative()) return "negative duration " + d.toMillis() + " ms";
        if (d.compareTo(MAX) > 0) return "duration out of range: " + d.toMillis() + " ms (" + RANGE + ")";
        return null;
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
