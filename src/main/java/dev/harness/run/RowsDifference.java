package dev.harness.run;

import java.util.List;

/**
 * The one-line account of a rows mismatch that CI shows where it has room for one line only (a JUnit
 * {@code message}, a GitHub annotation): the first missing and the first unexpected row, and how many
 * differing rows it leaves unnamed — {@code rows differ: missing [2, deux], unexpected [2, two]; 1 more}.
 */
final class RowsDifference {
    /** A row longer than this is cut: the line must stay readable, the diff has the whole row. */
    static final int ROW_CHARS = 200;

    private String firstMissing;
    private String firstUnexpected;
    private int missing;
    private int unexpected;

    /** An expected row (values as the diff shows them, null = SQL NULL) no actual row matched. */
    void missing(List<String> values) {
        if (missing++ == 0) firstMissing = bracketed(values);
    }

    /** An actual row no expected row matched. */
    void unexpected(List<String> values) {
        if (unexpected++ == 0) firstUnexpected = bracketed(values);
    }

    boolean none() {
        return missing == 0 && unexpected == 0;
    }

    /** @param subject what differs, e.g. {@code rows} or {@code ordered rows} */
    String sentence(String subject) {
        StringBuilder sb = new StringBuilder(subject).append(" differ: ");
        if (firstMissing != null) sb.append("missing ").append(firstMissing);
        if (firstMissing != null && firstUnexpected != null) sb.append(", ");
        if (firstUnexpected != null) sb.append("unexpected ").append(firstUnexpected);
        int unnamed = missing + unexpected - (firstMissing != null ? 1 : 0) - (firstUnexpected != null ? 1 : 0);
        if (unnamed > 0) sb.append("; ").append(unnamed).append(" more");
        return sb.toString();
    }

    private static String bracketed(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(v == null ? TableText.NULL : v.isEmpty() ? "''" : v.replace("\n", "\\n"));
        }
        String row = sb.length() > ROW_CHARS ? sb.substring(0, ROW_CHARS) + "…" : sb.toString();
        return "[" + row + "]";
    }
}
