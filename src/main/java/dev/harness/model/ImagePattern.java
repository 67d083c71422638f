package dev.harness.model;

import java.util.regex.Pattern;

/**
 * Docker image names from harness.yaml and {@code --set}: {@code image} patterns such as
 * {@code harness/postgres:{version}} and the fixed {@code current-image}. Checked when the configuration is read,
 * so a name Docker refuses is an input error with its position, not a failed start minutes into a run.
 */
public final class ImagePattern {
    public static final String PLACEHOLDER = "{version}";
    /** Docker's reference grammar: [registry[:port]/]path[:tag][@digest], path components lower case. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                    + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");
    private static final int MAX_LENGTH = 255;

    private ImagePattern() {}

    /**
     * Why {@code value} cannot name images, or null when it can.
     *
     * @param pattern true for a pattern that must contain {@code {version}} (each version its own image)
     */
    public static String problem(String value, boolean pattern) {
        if (value == null) return "missing";
        if (pattern && !value.contains(PLACEHOLDER)) {
            return "the image pattern has no " + PLACEHOLDER + ", so every version would start the same image";
        }
        // a sample version stands in for the placeholder: versions are tags like 15.19 or v0.78.0-dev
        String sample = value.replace(PLACEHOLDER, "1.0");
        if (sample.length() > MAX_LENGTH || !REFERENCE.matcher(sample).matches()) {
            return "not a Docker image name" + (pattern ? " pattern" : "")
                    + " (lower-case name with optional registry/ and :tag, e.g. harness/postgres:" + (pattern ? PLACEHOLDER : "15.19") + ")";
        }
        return null;
    }

    /** {@code value} when it can name images, else an {@link IllegalArgumentException} saying why. */
    public static String require(String value, boolean pattern) {
        String problem = problem(value, pattern);
        if (problem != null) throw new IllegalArgumentException(problem);
        return value;
    }

    /** An image policy: never, missing or always. */
    public static String requirePolicy(String value) {
        if (!java.util.List.of("never", "missing", "always").contains(value)) {
            throw new IllegalArgumentException("expected never, missing or always");
        }
        return value;
    }
}
