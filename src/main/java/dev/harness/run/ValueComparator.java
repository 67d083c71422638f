package dev.harness.run;

import dev.harness.model.Cell;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Compares one expected YAML cell with one value as the server rendered it (read with {@code getString},
 * so every type compares through its text form, as testdrive does). The rules, so that a YAML
 * literal means what a reader of the check expects:
 * YAML null = SQL NULL; YAML numbers compare numerically ({@code 1 = 1.0 = 1.00}); YAML booleans match
 * {@code t}/{@code true} resp. {@code f}/{@code false}; strings compare exactly, except two of testdrive's spellings
 * (so that expected values ported from testdrive keep their meaning): a timestamp with a zone equals any text naming
 * the same instant ({@code 2010-10-10 10:10:10 UTC} = {@code 2010-10-10 12:10:10+02}), and testdrive's (Rust's)
 * {@code inf}, {@code -inf} equal the server's {@code Infinity}, {@code -Infinity} ({@code NaN} is spelled alike).
 */
final class ValueComparator {
    private ValueComparator() {}

    static boolean matches(Cell expected, String actual) {
        return switch (expected.type()) {
            case NULL -> actual == null;
            case STRING -> expected.text().equals(actual) || actual != null && (sameInstant(expected.text(), actual)
                    || actual.trim().equals(testdriveFloat(expected.text())));
            case BOOLEAN -> actual != null && booleanOf(actual) != null
                    && booleanOf(actual).equals(Boolean.valueOf(expected.text()));
            case NUMBER -> actual != null && numbersEqual(expected.text(), actual);
        };
    }

    private static boolean numbersEqual(String yaml, String actual) {
        BigDecimal e = decimal(yaml);
        BigDecimal a = decimal(actual);
        if (e != null && a != null) return e.compareTo(a) == 0;
        // Infinity and NaN have no BigDecimal; YAML writes them .inf/.nan, the server Infinity/NaN.
        String special = specialNumber(yaml);
        return special != null && special.equals(actual.trim());
    }

    /**
     * Text as BigDecimal, or null when it is not a plain decimal number ({@code 1_000} is YAML 1.1 only). At most
     * 400 characters, so a value holds at most 400 digits: comparing two of them costs at most that much whatever
     * their exponents ({@code compareTo} looks at the exponents before it aligns digits), and nothing here
     * ever expands an exponent into digits.
     */
    static BigDecimal decimal(String text) {
        if (text == null) return null;
        String t = text.trim();
        if (t.isEmpty() || t.length() > 400) return null;
        char c = t.charAt(t.length() - 1);
        if (!Character.isDigit(c) && c != '.') return null;
        try {
            return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** testdrive prints floats with Rust's {@code to_string}: {@code inf}, {@code -inf}; the server's spelling, or null. */
    private static String testdriveFloat(String text) {
        return switch (text) {
            case "inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            default -> null;
        };
    }

    private static boolean sameInstant(String expected, String actual) {
        Instant e = ZonedTimestamp.parse(expected);
        return e != null && e.equals(ZonedTimestamp.parse(actual));
    }

    private static String specialNumber(String yaml) {
        return switch (yaml.trim().toLowerCase(Locale.ROOT)) {
            case ".inf", "+.inf", "infinity", "+infinity" -> "Infinity";
            case "-.inf", "-infinity" -> "-Infinity";
            case ".nan", "nan" -> "NaN";
            default -> null;
        };
    }

    /** The server's boolean renderings; null when the text is not one. Case-insensitive for other servers' TRUE. */
    private static Boolean booleanOf(String actual) {
        return switch (actual.toLowerCase(Locale.ROOT)) {
            case "t", "true" -> Boolean.TRUE;
            case "f", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * A key equal for every pair of values that can match, so rows can be bucketed before the exact
     * (typed) comparison: numbers normalise, booleans fold to t/f, everything else is its text.
     */
    static String looseKey(String actual) {
        if (actual == null) return "\u0000null";
        BigDecimal d = decimal(actual);
        if (d != null) return "\u0000n" + numberKey(d);
        Boolean b = booleanOf(actual);
        if (b != null) return b ? "\u0000t" : "\u0000f";
        String special = specialKey(actual);
        if (special != null) return special;
        Instant instant = ZonedTimestamp.parse(actual);
        return instant != null ? "\u0000i" + instant : actual;
    }

    /** One key for each spelling of infinity and NaN: YAML's, testdrive's and the server's. */
    private static String specialKey(String text) {
        String server = testdriveFloat(text);
        if (server == null) server = specialNumber(text);
        return server == null ? null : "\u0000" + server;
    }

    /**
     * Digits and exponent of the value without trailing zeros: equal for equal values, and as short as the text
     * it came from. Never the plain form: {@code 1e2000000000} has two billion digits.
     */
    private static String numberKey(BigDecimal d) {
        if (d.signum() == 0) return "0";
        // By hand, in a long: stripTrailingZeros throws when the exponent leaves the int range (100e2147483647).
        String digits = d.unscaledValue().abs().toString();
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') end--;
        long exponent = (digits.length() - end) - (long) d.scale();
        return (d.signum() < 0 ? "-" : "") + digits.substring(0, end) + "e" + exponent;
    }

    static String looseKey(Cell expected) {
        return switch (expected.type()) {
            case NULL -> "\u0000null";
            case STRING -> looseKey(expected.text());
            case BOOLEAN -> Boolean.parseBoolean(expected.text()) ? "\u0000t" : "\u0000f";
            case NUMBER -> {
                BigDecimal d = decimal(expected.text());
                String special = specialKey(expected.text());
                yield d != null ? looseKey(expected.text()) : special != null ? special : expected.text();
            }
        };
    }
}
