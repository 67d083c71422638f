package dev.harness.plan;

import dev.harness.model.Check;
import dev.harness.model.Version;

/**
 * Decides whether a check takes part in a scenario, as Materialize's {@code @disabled}, {@code _can_run}
 * and base-version gates do. A skipped check stays in the plan with its reason, so reports show it.
 */
public final class CheckGate {
    private CheckGate() {}

    /** @return why the check is skipped, or null when it runs */
    public static String skipReason(Check check, String system, Version base) {
        if (check.disabled() != null) return "disabled: " + check.disabled();
        if (check.systems() != null && !check.systems().isEmpty() && !check.systems().contains(system)) {
            return "not for system " + system + " (systems: " + String.join(", ", check.systems()) + ")";
        }
        if (check.since() != null && base.compareTo(check.since()) < 0) {
            return "base version " + base + " is below since " + check.since();
        }
        if (check.before() != null && base.compareTo(check.before()) >= 0) {
            return "base version " + base + " is not below before " + check.before();
        }
        return null;
    }
}
