package dev.harness.model;

import java.util.List;

/**
 * The titles of a plan's steps, e.g. {@code start db_2 15.19 (read-only, generation 1)}, {@code validate #2 on db_2},
 * {@code sleep 5s}: each action says its own ({@link Action#title()}), and this adds what only the whole plan knows,
 * the numbering of repeated validates. {@code harness plan}, the console and harness.log of {@code harness run},
 * junit.xml and report.html all print these words.
 */
public final class ActionTitle {
    private static final int SQL_PREVIEW = 60;

    private ActionTitle() {}

    /** The titles of all of the plan's actions, by action index. */
    public static List<String> of(Plan plan) {
        String[] labels = phaseLabels(plan);
        String[] titles = new String[labels.length];
        for (int i = 0; i < titles.length; i++) titles[i] = of(plan.actions().get(i), labels[i]);
        return List.of(titles);
    }

    /** @param phaseLabel the label {@link #phaseLabels} gives the action (null for other actions) */
    public static String of(Action action, String phaseLabel) {
        return action.title(phaseLabel);
    }

    /**
     * Per action index: {@code initialize}, {@code manipulate 1}, and {@code validate #N} when a plan validates
     * more than once (the report's matrix needs the columns apart); for a consistency step, the step it follows
     * ({@link #followed}); null for other actions.
     */
    public static String[] phaseLabels(Plan plan) {
        List<Action> actions = plan.actions();
        long validates = actions.stream().filter(a -> a instanceof Action.RunPhase p && p.phase() == Phase.VALIDATE).count();
        String[] out = new String[actions.size()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (actions.get(i) instanceof Action.RunPhase p) {
                out[i] = p.phase() == Phase.VALIDATE && validates > 1 ? "validate #" + (++n) : p.phase().label();
            } else if (actions.get(i) instanceof Action.Consistency) {
                int followed = followed(actions, i);
                out[i] = followed < 0 ? null : out[followed] != null ? out[followed] : actions.get(followed).title();
            }
        }
        return out;
    }

    /**
     * The index of the step a consistency step at {@code index} checks the outcome of: the phase right before it, else
     * the nearest step before it that the scenario wrote (not an implicit configure or assert-version); -1 when none.
     */
    public static int followed(List<Action> actions, int index) {
        if (index > 0 && actions.get(index - 1) instanceof Action.RunPhase) return index - 1;
        for (int i = index - 1; i >= 0; i--) {
            if (!actions.get(i).implicit()) return i;
        }
        return -1;
    }

    /** The first statement on one line, shortened, and how many follow it. */
    static String preview(List<String> statements) {
        String first = statements.isEmpty() ? "" : statements.get(0).replaceAll("\\s+", " ").trim();
        if (first.length() > SQL_PREVIEW) first = first.substring(0, SQL_PREVIEW - 1) + "…";
        return first + (statements.size() > 1 ? " (+" + (statements.size() - 1) + " more)" : "");
    }

    static String on(String service) {
        return service == null ? "" : " on " + service;
    }
}
