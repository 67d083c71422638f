package dev.harness.run;

import dev.harness.model.Mask;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The masks in effect for a statement (testdrive's {@code $ set-regex}): the check's, then its phase's, each match of a
 * regex in an actual value or error message replaced before comparison. Replacements arrive with their variables
 * substituted; {@code $1} and {@code \} keep their regex-replacement meaning, a substituted value is taken literally.
 */
final class Masks {
    static final Masks NONE = new Masks(List.of());

    private record Compiled(Pattern regex, String replace, String text) {}

    private final List<Compiled> masks;

    private Masks(List<Compiled> masks) {
        this.masks = masks;
    }

    /** @param replacements the masks' replacements after substitution, index by index */
    static Masks of(List<Mask> masks, List<String> replacements) {
        List<Compiled> out = new ArrayList<>();
        for (int i = 0; i < masks.size(); i++) {
            Mask m = masks.get(i);
            out.add(new Compiled(Pattern.compile(m.regex()), replacements.get(i), "/" + m.regex() + "/ -> '" + m.replace() + "'"));
        }
        return new Masks(List.copyOf(out));
    }

    boolean isEmpty() {
        return masks.isEmpty();
    }

    /** {@code value} with every mask applied in order; null (SQL NULL) stays null. */
    String apply(String value) {
        if (value == null) return null;
        String out = value;
        for (Compiled m : masks) out = m.regex().matcher(out).replaceAll(m.replace());
        return out;
    }

    /** Every value of the result masked; the column names are not values and stay. */
    ResultTable apply(ResultTable result) {
        if (masks.isEmpty() || result == null) return result;
        List<List<String>> rows = new ArrayList<>(result.rows().size());
        for (List<String> row : result.rows()) {
            List<String> masked = new ArrayList<>(row.size());
            for (String v : row) masked.add(apply(v));
            rows.add(masked);
        }
        return new ResultTable(result.columns(), rows);
    }

    /** What a failure adds so a reader knows the actual values shown are not what the server sent. */
    String note() {
        if (masks.isEmpty()) return "";
        return " (actual values masked: " + String.join(", ", masks.stream().map(Compiled::text).toList()) + ")";
    }

    /** A value inserted into a replacement is text: {@code $} and {@code \} in it lose their replacement meaning. */
    static String literal(String value) {
        return Matcher.quoteReplacement(value);
    }
}
