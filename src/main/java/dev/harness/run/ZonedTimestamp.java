package dev.harness.run;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp with a zone, as text, read as the instant it names: how PostgreSQL prints {@code timestamptz}
 * ({@code 2010-10-10 10:10:10.5+05:30}, offsets to the second for old zones) and how testdrive prints it (chrono's
 * {@code DateTime<Utc>}: {@code 2010-10-10 10:10:10.500 UTC}), so that the two compare as the same instant.
 */
final class ZonedTimestamp {
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4,6})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))? ?(UTC|Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)");

    private ZonedTimestamp() {}

    /** The instant, or null when the text is not a timestamp with a zone (a plain timestamp, BC, infinity, anything else). */
    static Instant parse(String text) {
        // Every actual text value is asked (rows are bucketed by key): most are not timestamps, so answer those cheaply.
        String t = text == null ? "" : text.trim();
        if (t.length() < 19 || t.length() > 40 || !Character.isDigit(t.charAt(0))) return null;
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) return null;
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), nanos);
            return local.toInstant(offset(m.group(8)));
        } catch (DateTimeException e) {
            return null; // month 13, offset beyond 18 hours: not a timestamp
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equals("UTC") || zone.equals("Z")) return ZoneOffset.UTC;
        String digits = zone.substring(1).replace(":", "");
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }
}
