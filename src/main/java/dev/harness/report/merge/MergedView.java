package dev.harness.report.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.model.Printable;

/**
 * What merged.jte renders: the data, and the data as JSON safe inside {@code <script type="application/json">}
 * ({@code <}, {@code >} and {@code &} occur in JSON only inside strings, where their {@code \}{@code u} escapes
 * read back the same, so no value can close the element).
 */
public record MergedView(MergedData data, String json) {

    static MergedView of(MergedData data) {
        try {
            String json = new ObjectMapper().writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
            return new MergedView(data, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merged data is not serialisable: " + e.getMessage(), e);
        }
    }

    /** Text from the runs as the page shows it: control characters as visible escapes. */
    public static String shown(String text) {
        return text == null ? "" : Printable.line(text);
    }
}
