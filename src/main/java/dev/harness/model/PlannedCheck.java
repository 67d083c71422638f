package dev.harness.model;

/**
 * A check as the plan runs it: the full definition (so a saved plan replays exactly) and, when the gates
 * exclude it, the reason it is skipped.
 */
public record PlannedCheck(Check check, String skipReason) {
    public boolean runs() {
        return skipReason == null;
    }

    public String name() {
        return check.name();
    }
}
