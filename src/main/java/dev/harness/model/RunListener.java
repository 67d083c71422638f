package dev.harness.model;

/**
 * Progress events of a run, for the console. Steps are reported from the executor thread; {@link #waiting}
 * comes from a timer thread while a step runs, so implementations must be thread-safe.
 */
public interface RunListener {
    /** A plan action begins; {@code index} is 0-based, {@code total} the plan length. */
    default void stepStarted(int index, int total, String title) {}

    /** A plan action ended. */
    default void stepFinished(StepResult result, int total) {}

    /** A long wait is in progress (start, await-ready, promote): for a live elapsed counter on a terminal. */
    default void waiting(String what, long elapsedMillis) {}

    /** A free-form progress note (verbose output). */
    default void note(String message) {}

    RunListener NONE = new RunListener() {};
}
