package dev.harness.model;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Names that come from input (scenario, check and service names, from YAML, file names or a replayed plan) are
 * data. Before one becomes part of a file name, a folder, a container or a volume it must have passed
 * {@link #requireEntity}/{@link #requireService}, and the path built from it is checked by {@link #inside}.
 */
public final class Names {
    /** Scenario and check names: no leading dot, so neither {@code .} nor {@code ..} nor a hidden file. */
    public static final Pattern ENTITY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    /** Service names: they become host names, container names and file names. */
    public static final Pattern SERVICE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

    /** Feature tags of checks ({@code partitioning}, {@code btree-gist}): lower case, shown by {@code list --coverage}. */
    public static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private Names() {}

    /** @param field what the value is, for the message (e.g. {@code plan.json: scenario}) */
    public static String requireEntity(String field, String value) {
        return require(ENTITY, "letters, digits, '_', '.' and '-', starting with a letter, digit or '_', at most 100 characters", field, value);
    }

    public static String requireService(String field, String value) {
        return require(SERVICE, "a letter, then letters, digits, '_' and '-', at most 63 characters", field, value);
    }

    /**
     * {@code parent/child}, refused unless it stays inside {@code parent}: the last line of defence after the
     * name checks above.
     */
    public static Path inside(Path parent, String child) {
        Path base = parent.toAbsolutePath().normalize();
        Path resolved = base.resolve(child).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new HarnessException.InvalidInput("'" + visible(child) + "' would leave " + parent + ": names are data, not paths");
        }
        return resolved;
    }

    private static String require(Pattern pattern, String rule, String field, String value) {
        if (value == null) throw new HarnessException.InvalidInput(field + ": missing");
        if (!pattern.matcher(value).matches()) {
            throw new HarnessException.InvalidInput(field + ": '" + visible(value) + "' is not a valid name (" + rule + ")");
        }
        return value;
    }

    /** Control characters shown as escapes, long values cut: the message goes to a terminal. */
    private static String visible(String value) {
        String cut = value.length() > 120 ? value.substring(0, 120) + "…" : value;
        return Printable.line(cut);
    }
}
