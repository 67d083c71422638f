package dev.harness.model;

import java.time.Instant;

/**
 * One plan action as it ran.
 *
 * @param title   e.g. "start db_2 15.19 (read-only, generation 1)"
 * @param version version involved, or null
 * @param message error text when the step failed, else null
 */
public record StepResult(
        int index,
        Action action,
        String title,
        String service,
        Version version,
        Status status,
        Instant started,
        long durationMillis,
        String message) {}
