package dev.harness.report;

import dev.harness.model.Action;
import dev.harness.model.Plan;
import java.util.ArrayList;
import java.util.List;

/** The versions a scenario goes through, in plan order: what "15.17 → 15.18 → 15.19" in the reports means. */
public final class VersionPath {
    private VersionPath() {}

    public static List<String> of(Plan plan) {
        List<String> path = new ArrayList<>();
        if (plan == null || plan.actions() == null) return path;
        for (Action a : plan.actions()) {
            if (a instanceof Action.Start s && s.version() != null) {
                String v = s.version().text();
                if (path.isEmpty() || !path.get(path.size() - 1).equals(v)) path.add(v);
            }
        }
        return path;
    }

    public static String text(Plan plan) {
        return String.join(" → ", of(plan));
    }
}
