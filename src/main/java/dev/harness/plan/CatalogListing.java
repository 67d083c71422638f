package dev.harness.plan;

import dev.harness.model.Check;
import dev.harness.model.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code harness list}: what checks and scenarios exist, with their gates and descriptions, one per line. */
public final class CatalogListing {
    private CatalogListing() {}

    public static String checks(List<Check> checks) {
        List<Check> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparing(Check::name));
        StringBuilder out = new StringBuilder("checks (" + sorted.size() + ")\n");
        int width = sorted.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Check c : sorted) {
            String gates = gates(c);
            line(out, width, c.name(), c.description(), gates, c.source().fileLine());
        }
        return out.toString();
    }

    public static String scenarios(List<Scenario> scenarios) {
        List<Scenario> sorted = new ArrayList<>(scenarios);
        sorted.sort(Comparator.comparing(Scenario::name));
        StringBuilder out = new StringBuilder("scenarios (" + sorted.size() + ")\n");
        int width = sorted.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (Scenario s : sorted) {
            line(out, width, s.name(), s.description(), gates(s), s.source().file());
        }
        return out.toString();
    }

    /** The gates of a check as written, e.g. {@code systems postgres; since 15.10; disabled: flaky}. */
    static String gates(Check c) {
        List<String> parts = new ArrayList<>();
        if (c.systems() != null && !c.systems().isEmpty()) parts.add("systems " + String.join(", ", c.systems()));
        if (c.since() != null) parts.add("since " + c.since());
        if (c.before() != null) parts.add("before " + c.before());
        if (c.disabled() != null) parts.add("disabled: " + c.disabled());
        if (!c.externallyIdempotent()) parts.add("externally-idempotent: false");
        if (!c.supportsForcedMigrations()) parts.add("supports-forced-migrations: false");
        return String.join("; ", parts);
    }

    /** What a scenario says about where it runs and which checks it takes, e.g. {@code base last; systems materialize}. */
    static String gates(Scenario s) {
        List<String> parts = new ArrayList<>();
        if (s.base() != null) parts.add("base " + s.base());
        if (!s.scope().systems().isEmpty()) parts.add("systems " + String.join(", ", s.scope().systems()));
        if (s.scope().requiresExternalIdempotence()) parts.add("requires external-idempotence");
        if (s.scope().forcedMigrations()) parts.add("forced-migrations");
        return String.join("; ", parts);
    }

    private static void line(StringBuilder out, int width, String name, String description, String gates, String where) {
        out.append("  ").append(String.format("%-" + width + "s", name)).append("  ")
                .append(description == null ? "" : description.replaceAll("\\s+", " ").trim())
                .append(gates.isEmpty() ? "" : "  [" + gates + "]")
                .append("  (").append(where).append(")\n");
    }
}
