package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.SourceRef;
import dev.harness.model.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every check's phase results as the walk produces them, and their roll-up into one {@link CheckResult} per
 * check, then the {@link ConsistencyResults consistency steps'} one. Every check gets a result for every phase of the plan, run or not, so the reports can show why a
 * phase did not run. Used from the walking thread only.
 */
final class PhaseResults {
    private final Plan plan;
    private final String[] phaseLabels;
    private final Map<String, List<PhaseResult>> byCheck = new LinkedHashMap<>();
    private final Map<String, String> failedIn = new HashMap<>();
    private final ConsistencyResults consistency;

    PhaseResults(Plan plan, String[] phaseLabels) {
        this.plan = plan;
        this.phaseLabels = phaseLabels;
        this.consistency = new ConsistencyResults(plan, phaseLabels);
        for (PlannedCheck c : plan.checks()) byCheck.put(c.name(), new ArrayList<>());
    }

    /** The results of the plan's consistency steps, rolled up with the checks' as one more. */
    ConsistencyResults consistency() {
        return consistency;
    }

    /** Why a check sits out the next phase (skipped by the plan, disabled, or failed before); null = it runs. */
    String sitsOut(PlannedCheck pc) {
        if (skipReason(pc) != null) return skipReason(pc);
        if (failedIn.containsKey(pc.name())) return "failed in " + failedIn.get(pc.name());
        return null;
    }

    void skip(PlannedCheck pc, CheckPhaseRunner.PhaseTarget t, String reason) {
        byCheck.get(pc.name()).add(skipped(t, reason));
    }

    /** @param results one per check of {@code participating}, in the same order */
    void record(List<PlannedCheck> participating, List<PhaseResult> results) {
        for (int i = 0; i < results.size(); i++) {
            PlannedCheck pc = participating.get(i);
            PhaseResult r = results.get(i);
            byCheck.get(pc.name()).add(r);
            if (r.status() == Status.FAILED) failedIn.put(pc.name(), r.label());
        }
    }

    /** Marks every phase that could not run from action {@code from} on (a phase already recorded is kept). */
    void notRun(int from, String reason) {
        consistency.notRun(from, reason);
        for (int i = from; i < plan.actions().size(); i++) {
            if (!(plan.actions().get(i) instanceof Action.RunPhase a)) continue;
            // names the phase only: nothing runs on it, so it has no version, variables or budget
            var target = new CheckPhaseRunner.PhaseTarget(i, phaseLabels[i], a.phase(), a.service(), null, plan.base(), Map.of(), null);
            for (PlannedCheck pc : plan.checks()) {
                List<PhaseResult> done = byCheck.get(pc.name());
                final int idx = i;
                if (done.stream().anyMatch(r -> r.actionIndex() == idx)) continue;
                String sitsOut = sitsOut(pc);
                done.add(sitsOut != null ? skipped(target, sitsOut) : error(target, "not run: " + reason));
            }
        }
    }

    /** A phase that errored without a statement to blame; thread-safe, as parallel checks report errors too. */
    PhaseResult error(CheckPhaseRunner.PhaseTarget t, String message) {
        SourceRef src = plan.actions().get(t.actionIndex()).source();
        Failure f = new Failure(message, null, src, null, null, "", 0);
        return new PhaseResult(t.actionIndex(), t.label(), t.phase(), t.service(), Status.ERROR, null, 0, f, null, List.of());
    }

    List<CheckResult> rollUp() {
        List<CheckResult> out = new ArrayList<>();
        for (PlannedCheck pc : plan.checks()) {
            List<PhaseResult> phases = byCheck.get(pc.name());
            String skip = skipReason(pc);
            Status status;
            if (skip != null) {
                status = Status.SKIPPED;
            } else {
                status = phases.isEmpty() ? Status.PASSED : Status.SKIPPED;
                for (PhaseResult r : phases) status = status.worst(r.status());
            }
            long ms = phases.stream().mapToLong(PhaseResult::durationMillis).sum();
            out.add(new CheckResult(pc.name(), pc.check().description(), pc.check().source(), status, skip, ms, List.copyOf(phases)));
        }
        out.addAll(consistency.rollUp());
        return out;
    }

    private static PhaseResult skipped(CheckPhaseRunner.PhaseTarget t, String reason) {
        return new PhaseResult(t.actionIndex(), t.label(), t.phase(), t.service(), Status.SKIPPED, null, 0, null, reason, List.of());
    }

    private static String skipReason(PlannedCheck pc) {
        if (pc.skipReason() != null) return pc.skipReason();
        return pc.check().disabled() != null ? "disabled: " + pc.check().disabled() : null;
    }
}
