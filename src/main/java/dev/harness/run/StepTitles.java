package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import java.util.Locale;

/** The one-line names of plan actions used on the console, in harness.log and in the reports. */
final class StepTitles {
    private StepTitles() {}

    static String title(Action a, String phaseLabel) {
        if (a instanceof Action.Start s) {
            String extra = s.readOnly() || s.generation() != null
                    ? " (" + (s.readOnly() ? "read-only" : "") + (s.readOnly() && s.generation() != null ? ", " : "")
                      + (s.generation() != null ? "generation " + s.generation() : "") + ")"
                    : "";
            return "start " + s.service() + " " + s.version() + extra;
        }
        if (a instanceof Action.Kill k) return "kill " + k.service();
        if (a instanceof Action.Stop s) return "stop " + s.service();
        if (a instanceof Action.AwaitReady r) return "await-ready " + r.service();
        if (a instanceof Action.Promote p) return "promote " + p.service();
        if (a instanceof Action.Configure c) return "configure " + c.service();
        if (a instanceof Action.AssertVersion v) return "assert-version " + v.service() + " " + v.version();
        if (a instanceof Action.RunPhase p) return phaseLabel + (p.service() == null ? "" : " on " + p.service());
        if (a instanceof Action.Sleep s) return "sleep " + seconds(s.millis());
        Action.Sql q = (Action.Sql) a;
        return "sql" + (q.service() == null ? "" : " on " + q.service()) + (q.asSystem() ? " as system" : "")
                + " (" + q.statements().size() + (q.statements().size() == 1 ? " statement)" : " statements)");
    }

    /** Per action index: "initialize", "manipulate 1", and "validate #N" when a plan validates more than once; null for other actions. */
    static String[] phaseLabels(Plan plan) {
        int validates = (int) plan.actions().stream().filter(a -> a instanceof Action.RunPhase p && p.phase() == Phase.VALIDATE).count();
        String[] out = new String[plan.actions().size()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (plan.actions().get(i) instanceof Action.RunPhase p) {
                out[i] = p.phase() == Phase.VALIDATE && validates > 1 ? "validate #" + (++n) : p.phase().label();
            }
        }
        return out;
    }

    /** {@code 500ms}, {@code 600.0s}: a sleep's length as the console and reports show it. */
    private static String seconds(long millis) {
        return millis < 1000 ? millis + "ms" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
