package dev.harness.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version, compared as a semantic version: optional {@code v} prefix, numeric components,
 * optional pre-release after {@code -} (which sorts below the release, so {@code v0.78.0-dev < v0.78.0}),
 * anything after a space ignored ({@code v0.78.0 (abc123)} as printed by {@code mz_version()}).
 * The original text is kept, because {@code 15.10} must never become {@code 15.1}.
 */
public record Version(String text) implements Comparable<Version> {
    private static final Pattern SHAPE = Pattern.compile("v?(\\d+(?:\\.\\d+)*)(?:-([0-9A-Za-z.-]+))?");

    public Version {
        Objects.requireNonNull(text, "text");
        String problem = problem(text);
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    public static Version parse(String text) {
        return new Version(text.trim());
    }

    /** A comma-separated catalog as harness.yaml's lists are: oldest first, each once. */
    public static List<Version> catalog(String csv) {
        List<Version> out = java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(Version::new).toList();
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i - 1).compareTo(out.get(i)) >= 0) {
                throw new IllegalArgumentException("versions must be oldest first without repeats: " + out.get(i) + " comes after " + out.get(i - 1));
            }
        }
        return out;
    }

    public static boolean isVersion(String text) {
        return text != null && problem(text.trim()) == null;
    }

    /** Why {@code text} is not a version, or null: the shape, and every number must fit an int (compareTo needs it). */
    private static String problem(String text) {
        Matcher m = SHAPE.matcher(strip(text));
        if (!m.matches()) return "not a version: '" + text + "' (expected e.g. 15.19, v0.78.0 or v0.78.0-dev)";
        for (String part : m.group(1).split("\\.")) {
            if (part.length() > 9) {
                return "not a version: '" + text + "': the number " + part + " is too large (at most 9 digits per part)";
            }
        }
        return null;
    }

    private static String strip(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    /** The numeric components, e.g. [15, 10] for 15.10 or [0, 78, 0] for v0.78.0-dev. */
    public List<Integer> numbers() {
        Matcher m = SHAPE.matcher(strip(text));
        if (!m.matches()) throw new IllegalStateException(text);
        List<Integer> out = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) out.add(Integer.parseInt(part));
        return out;
    }

    /** The pre-release part ({@code dev} for {@code v0.78.0-dev}), or null. */
    public String preRelease() {
        Matcher m = SHAPE.matcher(strip(text));
        if (!m.matches()) throw new IllegalStateException(text);
        return m.group(2);
    }

    /** The version without a leading {@code v} and without a trailing build note. */
    public String bare() {
        String s = strip(text);
        return s.startsWith("v") ? s.substring(1) : s;
    }

    /** Same version regardless of {@code v} prefix, build note or trailing zero components. */
    public boolean sameAs(Version other) {
        return compareTo(other) == 0;
    }

    /**
     * Compares the numbers only, the pre-release ignored, as testdrive's {@code mz_version_num()} does: a
     * {@code v26.16.0-dev} build reports the number of v26.16.0.
     */
    public int compareRelease(Version o) {
        List<Integer> a = numbers();
        List<Integer> b = o.numbers();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) return Integer.compare(x, y);
        }
        return 0;
    }

    @Override
    public int compareTo(Version o) {
        int release = compareRelease(o);
        if (release != 0) return release;
        String pa = preRelease();
        String pb = o.preRelease();
        if (pa == null && pb == null) return 0;
        if (pa == null) return 1;
        if (pb == null) return -1;
        return pa.compareTo(pb);
    }

    @Override
    public String toString() {
        return text;
    }
}
