package dev.harness.model;

import java.time.Duration;
import java.util.List;

/**
 * The one-line title of each step of a plan, e.g. {@code start db_2 15.19 (read-only, generation 1)},
 * {@code validate #2 on db_2}, {@code sleep 5s}. The only place titles are made: {@code harness plan}, the
 * console and harness.log of {@code harness run}, junit.xml and report.html all print these words.
 */
public final class ActionTitle implements Action.Visitor<String, RuntimeException> {
    private static final int SQL_PREVIEW = 60;

    /** The phase label of the action being titled ({@code validate #2}); only phases have one. */
    private final String phaseLabel;

    private ActionTitle(String phaseLabel) {
        this.phaseLabel = phaseLabel;
    }

    /** The titles of all of the plan's actions, by action index. */
    public static List<String> of(Plan plan) {
        String[] labels = phaseLabels(plan);
        String[] titles = new String[labels.length];
        for (int i = 0; i < titles.length; i++) titles[i] = of(plan.actions().get(i), labels[i]);
        return List.of(titles);
    }

    /** @param phaseLabel the label {@link #phaseLabels} gives the action (null for other actions) */
    public static String of(Action action, String phaseLabel) {
        return action.accept(new ActionTitle(phaseLabel));
    }

    /**
     * Per action index: {@code initialize}, {@code manipulate 1}, and {@code validate #N} when a plan validates
     * more than once (the report's matrix needs the columns apart); null for actions that are not phases.
     */
    public static String[] phaseLabels(Plan plan) {
        long validates = plan.actions().stream().filter(a -> a instanceof Action.RunPhase p && p.phase() == Phase.VALIDATE).count();
        String[] out = new String[plan.actions().size()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (plan.actions().get(i) instanceof Action.RunPhase p) {
                out[i] = p.phase() == Phase.VALIDATE && validates > 1 ? "validate #" + (++n) : p.phase().label();
            }
        }
        return out;
    }

    @Override
    public String start(Action.Start s) {
        String extra = s.readOnly()
                ? " (read-only" + (s.generation() == null ? "" : ", generation " + s.generation()) + ")"
                : s.generation() == null ? "" : " (generation " + s.generation() + ")";
        return "start " + s.service() + " " + s.version() + extra;
    }

    @Override
    public String kill(Action.Kill a) {
        return "kill " + a.service();
    }

    @Override
    public String stop(Action.Stop a) {
        return "stop " + a.service();
    }

    @Override
    public String awaitReady(Action.AwaitReady a) {
        return "await-ready " + a.service();
    }

    @Override
    public String promote(Action.Promote a) {
        return "promote " + a.service();
    }

    @Override
    public String configure(Action.Configure a) {
        return "configure " + a.service();
    }

    @Override
    public String assertVersion(Action.AssertVersion a) {
        return "assert-version " + a.service() + " " + a.version();
    }

    @Override
    public String runPhase(Action.RunPhase a) {
        return (phaseLabel == null ? a.phase().label() : phaseLabel) + on(a.service());
    }

    /** The YAML form the scenario writes ({@code 5s}, {@code 500ms}, {@code 10m}). */
    @Override
    public String sleep(Action.Sleep a) {
        return "sleep " + Durations.format(Duration.ofMillis(a.millis()));
    }

    /** The first statement on one line, shortened, and how many follow it. */
    @Override
    public String sql(Action.Sql q) {
        String first = q.statements().isEmpty() ? "" : q.statements().get(0).replaceAll("\\s+", " ").trim();
        if (first.length() > SQL_PREVIEW) first = first.substring(0, SQL_PREVIEW - 1) + "…";
        String more = q.statements().size() > 1 ? " (+" + (q.statements().size() - 1) + " more)" : "";
        return "sql" + on(q.service()) + (q.asSystem() ? " as system" : "") + ": " + first + more;
    }

    private static String on(String service) {
        return service == null ? "" : " on " + service;
    }
}
