package dev.harness.plan;

import dev.harness.model.Durations;
import dev.harness.model.Action;
import java.time.Duration;

/**
 * The one-line title of an action, e.g. {@code start db_2 15.19 (read-only, generation 1)}: used by
 * {@code harness plan}, the console of {@code harness run} and the reports, so they all say the same.
 */
public final class ActionTitle {
    private static final int SQL_PREVIEW = 60;

    private ActionTitle() {}

    public static String of(Action action) {
        if (action instanceof Action.Start s) {
            String extra = s.readOnly()
                    ? " (read-only" + (s.generation() == null ? "" : ", generation " + s.generation()) + ")"
                    : s.generation() == null ? "" : " (generation " + s.generation() + ")";
            return "start " + s.service() + " " + s.version() + extra;
        } else if (action instanceof Action.Kill k) {
            return "kill " + k.service();
        } else if (action instanceof Action.Stop s) {
            return "stop " + s.service();
        } else if (action instanceof Action.AwaitReady a) {
            return "await-ready " + a.service();
        } else if (action instanceof Action.Promote p) {
            return "promote " + p.service();
        } else if (action instanceof Action.Configure c) {
            return "configure " + c.service();
        } else if (action instanceof Action.AssertVersion v) {
            return "assert-version " + v.service() + " " + v.version();
        } else if (action instanceof Action.RunPhase r) {
            return r.phase().label() + " on " + r.service();
        } else if (action instanceof Action.Sleep s) {
            return "sleep " + Durations.format(Duration.ofMillis(s.millis()));
        } else if (action instanceof Action.Sql q) {
            String first = q.statements().isEmpty() ? "" : q.statements().get(0).replaceAll("\\s+", " ").trim();
            if (first.length() > SQL_PREVIEW) first = first.substring(0, SQL_PREVIEW - 1) + "…";
            String more = q.statements().size() > 1 ? " (+" + (q.statements().size() - 1) + " more)" : "";
            return "sql on " + q.service() + (q.asSystem() ? " as system" : "") + ": " + first + more;
        }
        throw new IllegalStateException("unhandled action " + action);
    }
}
