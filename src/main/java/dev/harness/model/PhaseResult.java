package dev.harness.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One check in one phase step of the plan.
 *
 * @param actionIndex index of the phase action in the plan (0-based)
 * @param label       e.g. "initialize", "manipulate 1", "validate #2"
 * @param failure     null unless FAILED or ERROR
 * @param log         the statements run and their outcomes, one line each (goes to JUnit system-out)
 * @param captured    the values its {@code capture:} statements bound in this phase, by name, in order
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
        List<String> log,
        Map<String, String> captured) {

    public PhaseResult {
        captured = captured == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(captured));
    }

    /** A phase result that captured nothing. */
    public PhaseResult(int actionIndex, String label, Phase phase, String service, Status status, Instant started, long durationMillis,
            Failure failure, String skipReason, List<String> log) {
        this(actionIndex, label, phase, service, status, started, durationMillis, failure, skipReason, log, Map.of());
    }
}
