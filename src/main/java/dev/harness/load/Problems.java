package dev.harness.load;

import dev.harness.model.Problem;
import java.util.Comparator;

/** Orderings of problems: file, then line, then column, so output reads top to bottom. */
final class Problems {
    static final Comparator<Problem> BY_POSITION = Comparator
            .comparing((Problem p) -> p.where().file())
            .thenComparingInt(p -> p.where().line())
            .thenComparingInt(p -> p.where().column())
            .thenComparing(Problem::message);

    private Problems() {}
}
