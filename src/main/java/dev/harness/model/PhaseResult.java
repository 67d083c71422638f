package dev.harness.model;

import java.time.Instant;
import java.util.List;

/**
 * One check in one phase step of the plan.
 *
 * @param actionIndex index of the phase action in the plan (0-based)
 * @param label       e.g. "initialize", "manipulate 1", "validate #2"
 * @param failure     null unless FAILED or ERROR
 * @param log         the statements run and their outcomes, one line each (goes to JUnit system-out)
 */
public record PhaseResult(
        int actionIndex,
        String label,
        Phase phase,
        String service,
        Status status,
        Instant started,
        long durationMillis,
        Failure failure,
        String skipReason,
        List<String> log) {}
