package dev.harness.plan;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects compile problems so that all of them are reported at once, in file/line/column order
 * (discovery order would put the late "unknown service" verdicts after everything else).
 */
final class ProblemList {
    private final List<Problem> problems = new ArrayList<>();

    void add(SourceRef where, String message) {
        problems.add(new Problem(where == null ? SourceRef.NONE : where, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Problem.BY_POSITION);
        return out;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) throw new HarnessException.InvalidInput(sorted());
    }
}
