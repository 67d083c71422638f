package dev.harness.cli;

import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.plan.CheckShard;
import dev.harness.report.Counted;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --check NAME} and {@code --shard I/N} of {@code run}, over loaded checks or a replayed plan's; and the
 * rule that a run must have a check to run: a run of zero checks passes while testing nothing, so it is refused
 * with the reason (no check files, the filter or shard left none, every check is gated away).
 *
 * @param only  the {@code --check} names; empty = all
 * @param shard the {@code --shard} option (resolved, also from {@code auto}), or null
 */
record CheckSelection(List<String> only, CheckShard shard) {
    boolean selectsAll() {
        return only.isEmpty() && shard == null;
    }

    /** The selected items, in their order; an unknown --check name is an error. */
    <T> List<T> apply(List<T> all, Function<T, String> name) {
        List<T> kept = all;
        if (!only.isEmpty()) {
            Set<String> known = all.stream().map(name).collect(Collectors.toCollection(LinkedHashSet::new));
            for (String n : only) {
                if (!known.contains(n)) throw new HarnessException.InvalidInput("--check " + n + ": no such check (known: " + String.join(", ", known) + ")");
            }
            kept = all.stream().filter(c -> only.contains(name.apply(c))).toList();
        }
        return shard == null ? kept : shard.select(kept, name);
    }

    /**
     * Refuses a plan in which no check runs.
     *
     * @param available how many checks there were before --check and --shard
     * @param noneFound why there were none at all (where the harness looked)
     */
    void requireSomeToRun(Plan plan, int available, String noneFound) {
        if (plan.checks().stream().anyMatch(PlannedCheck::runs)) return;
        String why;
        if (available == 0) {
            why = noneFound;
        } else if (plan.checks().isEmpty()) {
            why = "--shard " + shard + " leaves none of the " + Counted.of(only.isEmpty() ? available : only.size(), "check");
        } else {
            why = "every check is skipped in " + plan.scenario() + " on " + plan.system() + ": " + plan.checks().stream().limit(5)
                    .map(c -> c.name() + " (" + c.skipReason() + ")").collect(Collectors.joining(", "))
                    + (plan.checks().size() > 5 ? ", … " + (plan.checks().size() - 5) + " more" : "");
        }
        throw new HarnessException.InvalidInput("no checks selected: " + why);
    }
}
