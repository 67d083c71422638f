package dev.harness.plan;

import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves version names against a system's release catalog: {@code current}, {@code last} (newest below
 * current), {@code previous} (the one before last), {@code last-N} (N before last, so {@code last-1} =
 * {@code previous}), {@code oldest} (first of the catalog), or a literal that is in the catalog or equals
 * current. Literals resolve to the catalog's own spelling, so {@code 0.78.0} and {@code v0.78.0} print alike.
 */
public final class VersionResolver {
    private static final Pattern LAST_N = Pattern.compile("last-(\\d+)");

    private final String system;
    private final List<Version> catalog;
    private final Version current;
    /** Catalog versions strictly below current, ascending: what last/previous/last-N count back through. */
    private final List<Version> belowCurrent;

    public VersionResolver(String system, List<Version> catalog, Version current) {
        this.system = system;
        this.catalog = catalog.stream().sorted().toList();
        this.current = current;
        this.belowCurrent = this.catalog.stream().filter(v -> v.compareTo(current) < 0).toList();
    }

    public Version current() {
        return current;
    }

    /** The catalog, oldest first. */
    public List<Version> catalog() {
        return catalog;
    }

    /** Catalog versions strictly below current, oldest first. */
    public List<Version> belowCurrent() {
        return belowCurrent;
    }

    /** The version a name means, or an error message saying why there is none. */
    public Result resolve(String name) {
        if (name == null) return Result.error("no version given");
        String n = name.trim();
        switch (n) {
            case "current":
                return Result.ok(current);
            case "last":
                return back(n, 0);
            case "previous":
                return back(n, 1);
            case "oldest":
                return catalog.isEmpty() ? Result.ok(current) : Result.ok(catalog.get(0));
            default:
                break;
        }
        Matcher m = LAST_N.matcher(n);
        if (m.matches()) {
            int back;
            try {
                back = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                return Result.error("'" + n + "' reaches back further than any catalog");
            }
            return back(n, back);
        }
        if (!Version.isVersion(n)) {
            return Result.error("unknown version '" + n + "': expected current, last, previous, last-N, oldest or a "
                    + system + " version of the catalog " + render(catalog) + " or current (" + current + ")");
        }
        Version literal = Version.parse(n);
        if (literal.compareTo(current) == 0) return Result.ok(current);
        Optional<Version> inCatalog = catalog.stream().filter(v -> v.compareTo(literal) == 0).findFirst();
        return inCatalog.map(Result::ok).orElseGet(() -> Result.error("unknown version '" + n + "': not in the "
                + system + " catalog " + render(catalog) + " and not current (" + current + ")"));
    }

    private Result back(String name, int stepsBeforeLast) {
        int index = belowCurrent.size() - 1 - stepsBeforeLast;
        if (index < 0) {
            return Result.error("'" + name + "' needs " + (stepsBeforeLast + 1) + " " + system
                    + " version(s) below current (" + current + "), the catalog has " + belowCurrent.size()
                    + " " + render(belowCurrent));
        }
        return Result.ok(belowCurrent.get(index));
    }

    private static String render(List<Version> versions) {
        return versions.stream().map(Version::text).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Either a version or the reason there is none. */
    public record Result(Version version, String error) {
        static Result ok(Version v) {
            return new Result(v, null);
        }

        static Result error(String message) {
            return new Result(null, message);
        }

        public boolean ok() {
            return version != null;
        }
    }

    /** All versions of the catalog strictly between two bounds, ascending. */
    List<Version> between(Version lowExclusive, Version highExclusive) {
        List<Version> out = new ArrayList<>();
        for (Version v : catalog) {
            if ((lowExclusive == null || v.compareTo(lowExclusive) > 0) && v.compareTo(highExclusive) < 0) out.add(v);
        }
        return out;
    }
}
