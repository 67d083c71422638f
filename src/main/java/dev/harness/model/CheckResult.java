package dev.harness.model;

import java.util.List;

/** A check across the whole scenario; {@code status} is the roll-up of its phases. */
public record CheckResult(
        String name,
        String description,
        SourceRef source,
        Status status,
        String skipReason,
        long durationMillis,
        List<PhaseResult> phases) {}
