package dev.harness.convert.testdrive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an imported phase holds, in order: entries of the YAML phase, and comments (notes and untranslated commands). */
sealed interface OutItem {
    /**
     * One phase entry: its keys in written order. Values are a {@link String}, a {@link Scalar} written as it is
     * (a number, a boolean, a duration), a list of values, a list of rows, or a map of them.
     *
     * @param from {@code F:LINE} of the testdrive command it comes from
     */
    record Entry(String from, Map<String, Object> fields) implements OutItem {
        Entry(String from) {
            this(from, new LinkedHashMap<>());
        }

        Entry put(String key, Object value) {
            fields.put(key, value);
            return this;
        }
    }

    /** A comment line ({@code $ set} went to {@code vars:}, a testdrive comment, …). */
    record Note(String text) implements OutItem {}

    /** A command kept as a {@code # TODO} comment: where, why, and its original lines. */
    record Todo(String from, String reason, List<String> original) implements OutItem {}

    /** A YAML value written without quotes: {@code null}, {@code true}, {@code 42}, {@code 30s}. */
    record Scalar(String text) {}
}
