package dev.harness.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}) and back. */
public final class DurationText {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private DurationText() {}

    /** @throws IllegalArgumentException when the text is not a duration */
    public static Duration parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) throw new IllegalArgumentException("not a duration: '" + text + "' (expected e.g. 500ms, 30s, 2m, 1h)");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** The shortest exact form in the largest unit that divides it: 120s -> "2m", 1500ms -> "1500ms". */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms != 0 && ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
