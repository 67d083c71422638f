package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.ActionTitle;
import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.Phase;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.SourceRef;
import dev.harness.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan's consistency steps as one result, the {@value #NAME} testcase of the scenario: one phase result per step,
 * labelled after the step it follows ({@code after manipulate 1}), so the first failing one says after which step the
 * problem appeared. A plan without consistency steps has no such result. Used from the walking thread only.
 */
final class ConsistencyResults {
    static final String NAME = "consistency";

    private final Plan plan;
    private final String[] labels;
    private final Map<Integer, PhaseResult> byAction = new TreeMap<>();

    ConsistencyResults(Plan plan, String[] labels) {
        this.plan = plan;
        this.labels = labels;
    }

    /** @param checked what the system looked at; @param problems what it found, each naming the object */
    PhaseResult record(int index, String service, Instant started, long millis, List<String> checked, List<String> problems) {
        List<String> log = new ArrayList<>(checked);
        problems.forEach(p -> log.add("problem: " + p));
        Failure failure = problems.isEmpty() ? null : new Failure(problems.get(0) + " (found after " + labels[index] + ")", null,
                source(index), "no problems", String.join("\n", problems), "", 1);
        PhaseResult r = new PhaseResult(index, label(index), phase(index), service, problems.isEmpty() ? Status.PASSED : Status.FAILED,
                started, millis, failure, null, List.copyOf(log));
        byAction.put(index, r);
        return r;
    }

    /** Every consistency step from {@code from} on that has no result yet did not run, for {@code reason}. */
    void notRun(int from, String reason) {
        for (int i = from; i < plan.actions().size(); i++) {
            if (!(plan.actions().get(i) instanceof Action.Consistency c) || byAction.containsKey(i)) continue;
            Failure f = new Failure("not run: " + reason, null, source(i), null, null, "", 0);
            byAction.put(i, new PhaseResult(i, label(i), phase(i), c.service(), Status.ERROR, null, 0, f, null, List.of()));
        }
    }

    /** The {@value #NAME} result, or nothing when the plan has no consistency step. */
    List<CheckResult> rollUp() {
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < plan.actions().size(); i++) if (plan.actions().get(i) instanceof Action.Consistency) steps.add(i);
        if (steps.isEmpty()) return List.of();
        List<PhaseResult> phases = List.copyOf(byAction.values());
        Status status = Status.PASSED;
        for (PhaseResult p : phases) status = status.worst(p.status());
        long ms = phases.stream().mapToLong(PhaseResult::durationMillis).sum();
        return List.of(new CheckResult(NAME, "The system's own consistency check after every phase step and after the last step.",
                source(steps.get(0)), status, null, ms, phases));
    }

    private String label(int index) {
        return labels[index] == null ? "consistency" : "after " + labels[index];
    }

    private Phase phase(int index) {
        int followed = ActionTitle.followed(plan.actions(), index);
        return followed >= 0 && plan.actions().get(followed) instanceof Action.RunPhase r ? r.phase() : null;
    }

    private SourceRef source(int index) {
        return plan.actions().get(index).source();
    }
}
