package dev.harness.report.html;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time a server log line starts with: PostgreSQL's {@code 2026-03-01 12:00:03.123 UTC [42] LOG: …}
 * and Materialize's {@code 2026-03-01T12:00:03.123456Z INFO …}. Lines without a time (continuations such as
 * {@code STATEMENT:} or stack traces) return null and inherit the previous line's time.
 */
public final class LogTimestamps {
    private static final Pattern STAMP = Pattern.compile(
            "^\\W{0,3}(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?)\\s?(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");

    private final ZoneId defaultZone;

    /** @param defaultZone zone of stamps that name none (or name an abbreviation other than UTC/GMT) */
    public LogTimestamps(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    public Instant parse(String line) {
        Matcher m = STAMP.matcher(line);
        if (!m.find()) return null;
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2).replace(',', '.'));
            String zone = m.group(3);
            if (zone == null) return local.atZone(defaultZone).toInstant();
            if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) return local.toInstant(ZoneOffset.UTC);
            String offset = zone.length() == 3 ? zone + ":00" : zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
            return local.toInstant(ZoneOffset.of(offset));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
