package dev.harness.run;

import dev.harness.model.Status;

/**
 * What performing one action came to, when it did not stop the walk: passed or failed (a check failed in a
 * run phase), with a note for the step result (null = nothing to say).
 */
record ActionOutcome(Status status, String note) {
    ActionOutcome {
        if (status != Status.PASSED && status != Status.FAILED) throw new IllegalArgumentException("an action passes or fails: " + status);
    }

    static ActionOutcome passed(String note) {
        return new ActionOutcome(Status.PASSED, note);
    }

    static ActionOutcome failed(String note) {
        return new ActionOutcome(Status.FAILED, note);
    }
}
