package dev.harness.plan;

import dev.harness.model.Check;
import dev.harness.model.Scenario;
import dev.harness.model.SystemKinds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * {@code harness list --coverage}: per system, each tag with the checks that carry it (a disabled one marked, as
     * it tests nothing), and the checks without tags, so a user sees what the checks exercise and what they do not.
     * A check without {@code systems} applies to every system.
     */
    public static String coverage(List<Check> checks) {
        StringBuilder out = new StringBuilder();
        for (String system : SystemKinds.names()) {
            List<Check> applying = checks.stream().filter(c -> c.systems().isEmpty() || c.systems().contains(system))
                    .sorted(Comparator.comparing(Check::name)).toList();
            Map<String, List<String>> byTag = new TreeMap<>();
            List<String> untagged = new ArrayList<>();
            for (Check c : applying) {
                String shown = c.disabled() == null ? c.name() : c.name() + " (disabled)";
                if (c.tags().isEmpty()) untagged.add(shown);
                for (String tag : c.tags()) byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(shown);
            }
            out.append(system).append(": ").append(byTag.size()).append(byTag.size() == 1 ? " feature" : " features")
                    .append(" tagged in ").append(applying.size() - untagged.size()).append(" of ").append(applying.size())
                    .append(applying.size() == 1 ? " check\n" : " checks\n");
            int width = byTag.keySet().stream().mapToInt(String::length).max().orElse(0);
            byTag.forEach((tag, names) -> out.append("  ").append(String.format("%-" + width + "s", tag)).append("  ")
                    .append(String.join(", ", names)).append('\n'));
            if (!untagged.isEmpty()) out.append("  without tags: ").append(String.join(", ", untagged)).append('\n');
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
