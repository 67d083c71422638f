package dev.harness.model;

/** Outcome of a step, a check phase or a check: FAILED = an expectation was not met; ERROR = infrastructure. */
public enum Status {
    PASSED(1), SKIPPED(0), FAILED(2), ERROR(3);

    private final int severity;

    Status(int severity) {
        this.severity = severity;
    }

    /** The worse of two outcomes, for rolling phases up into a check (ERROR > FAILED > PASSED > SKIPPED). */
    public Status worst(Status other) {
        return other.severity > severity ? other : this;
    }
}
