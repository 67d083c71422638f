package dev.harness.plan;

import dev.harness.model.Check;
import dev.harness.model.Scenario;
import dev.harness.model.Version;

/**
 * Decides whether a check takes part in a scenario, as Materialize's {@code @disabled}, {@code _can_run},
 * base-version gates and the scenario's include filter (external idempotence, forced migrations) do.
 * A skipped check stays in the plan with its reason, so reports show it and a replay skips it alike.
 */
public final class CheckGate {
    private CheckGate() {}

    /** @return why the check is skipped in a scenario that takes every check, or null when it runs */
    public static String skipReason(Check check, String system, Version base) {
        return skipReason(check, system, base, Scenario.Scope.ANY);
    }

    /** @return why the check is skipped in a scenario of this scope, or null when it runs */
    public static String skipReason(Check check, String system, Version base, Scenario.Scope scope) {
        if (check.disabled() != null) return "disabled: " + check.disabled();
        if (check.systems() != null && !check.systems().isEmpty() && !check.systems().contains(system)) {
            return "not for system " + system + " (systems: " + String.join(", ", check.systems()) + ")";
        }
        if (scope.requiresExternalIdempotence() && !check.externallyIdempotent()) {
            return "not externally idempotent (externally-idempotent: false), and the scenario requires external-idempotence";
        }
        if (scope.forcedMigrations() && !check.supportsForcedMigrations()) {
            return "does not support forced migrations (supports-forced-migrations: false), and the scenario forces them"
                    + " (forced-migrations: true)";
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
