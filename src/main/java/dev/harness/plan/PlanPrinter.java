package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.ActionTitle;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.SupportService;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The human form of a plan ({@code harness plan}): a header, numbered steps with generated ones marked
 * and each step's YAML file:line, then the checks in run order with skip reasons. Pure text, no colour,
 * so it can be diffed (golden files) and grepped.
 */
public final class PlanPrinter {
    private static final int TITLE_WIDTH = 48;

    private final StartDetails details;

    /** @param details extra lines under every start ({@code --details}), or null for none */
    public PlanPrinter(StartDetails details) {
        this.details = details;
    }

    public String print(Plan plan) {
        StringBuilder out = new StringBuilder();
        header(plan, out);
        services(plan, out);
        out.append('\n').append("steps (").append(plan.actions().size()).append(")\n");
        steps(plan, out);
        out.append('\n');
        checks(plan, out);
        return out.toString();
    }

    private static void header(Plan plan, StringBuilder out) {
        row(out, "scenario", plan.scenario() + (plan.description() == null ? "" : ": " + plan.description()));
        row(out, "file", plan.scenarioFile());
        row(out, "system", plan.system() + " (runtime " + plan.runtime() + ")");
        row(out, "seed", Long.toString(plan.seed()));
        row(out, "base", String.valueOf(plan.base()));
        row(out, "current", String.valueOf(plan.current()));
        row(out, "versions", versionPath(plan).stream().map(Version::text).collect(Collectors.joining(" -> ")));
        if (!plan.vars().isEmpty()) {
            row(out, "vars", plan.vars().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }
    }

    /** The services besides the system under test, with their settings: the system's own, then the declared ones. */
    private static void services(Plan plan, StringBuilder out) {
        if (plan.services().isEmpty()) return;
        SystemKind kind = SystemKinds.find(plan.system()).orElse(null);
        out.append('\n').append("services (besides the system under test)\n");
        for (SupportService s : plan.services()) {
            String settings = s.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            String from = kind != null && kind.owns(s.name()) ? "(every " + kind.name() + " plan)" : s.source().fileLine();
            out.append(String.format("  %-20s %s", s.describe(), settings).stripTrailing()).append("  ").append(from).append('\n');
        }
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append(String.format("%-9s %s%n", key, value));
    }

    /** The versions started, in order, without repeating a version that keeps running across restarts. */
    public static List<Version> versionPath(Plan plan) {
        List<Version> path = new ArrayList<>();
        for (Action a : plan.actions()) {
            if (a instanceof Action.Start s && (path.isEmpty() || !Objects.equals(path.get(path.size() - 1), s.version()))) {
                path.add(s.version());
            }
        }
        return path;
    }

    private void steps(Plan plan, StringBuilder out) {
        int total = plan.actions().size();
        int indexWidth = Integer.toString(total).length();
        int markerWidth = plan.actions().stream().mapToInt(a -> marker(a).length()).max().orElse(0);
        List<String> titles = ActionTitle.of(plan);
        for (int i = 0; i < total; i++) {
            Action a = plan.actions().get(i);
            String title = titles.get(i);
            String line = String.format("[%" + indexWidth + "d] %-" + TITLE_WIDTH + "s %-" + markerWidth + "s  %s",
                    i + 1, title, marker(a), a.source().fileLine());
            out.append(line.stripTrailing()).append('\n');
            if (details == null) continue;
            String indent = " ".repeat(indexWidth + 3);
            if (a instanceof Action.Start s) {
                // The start's own settings as written (healthcheck and restart leave no trace in a spec), then the spec.
                for (String setting : s.describeSettings()) out.append(indent).append("  start setting ").append(setting).append('\n');
                for (String d : details.describe(plan, s)) out.append(indent).append(d).append('\n');
            } else if (a instanceof Action.StartService s && plan.supportService(s.service()).isPresent()) {
                for (String d : details.describeService(plan, plan.supportService(s.service()).get())) out.append(indent).append(d).append('\n');
            }
        }
    }

    /** {@code (implicit)} for inserted steps, {@code (upgrade)} / {@code (upgrade-path)} for macro output. */
    static String marker(Action a) {
        if (a.origin() == null) return "";
        if (a.implicit()) return "(implicit)";
        return "(" + a.origin().replace(" macro", "") + ")";
    }

    private static void checks(Plan plan, StringBuilder out) {
        long runs = plan.checks().stream().filter(PlannedCheck::runs).count();
        out.append("checks (").append(plan.checks().size()).append(": ").append(runs).append(" run, ")
                .append(plan.checks().size() - runs).append(" skipped), in seed order\n");
        int nameWidth = plan.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        int indexWidth = Integer.toString(plan.checks().size()).length();
        int i = 0;
        for (PlannedCheck c : plan.checks()) {
            String line = String.format("%" + indexWidth + "d  %-" + nameWidth + "s  %s", ++i, c.name(),
                    c.runs() ? "" : "skipped: " + c.skipReason());
            out.append(line.stripTrailing()).append('\n');
        }
    }
}
