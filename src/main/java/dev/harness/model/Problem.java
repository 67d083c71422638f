package dev.harness.model;

import java.util.Comparator;

/** One problem found in an input file: printed as {@code file:line:column: message}. */
public record Problem(SourceRef where, String message) {
    /** File, then line, then column, then message: problems read top to bottom, whoever found them first. */
    public static final Comparator<Problem> BY_POSITION = Comparator
            .comparing((Problem p) -> p.where().file())
            .thenComparingInt(p -> p.where().line())
            .thenComparingInt(p -> p.where().column())
            .thenComparing(Problem::message);

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
