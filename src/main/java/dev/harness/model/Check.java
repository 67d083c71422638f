package dev.harness.model;

import java.util.List;

/**
 * A check: objects created in {@code initialize}, changed in two {@code manipulate} phases, verified in
 * {@code validate} (which may run several times and must be idempotent).
 *
 * @param systems  systems it applies to; empty = all
 * @param since    runs only when the scenario's base version is >= since (null = no bound)
 * @param before   ... and < before (null = no bound)
 * @param disabled reason it is disabled, or null
 * @param services the declared services it needs ({@code services: [upstream]}): skipped where a scenario lacks one
 */
public record Check(
        String name,
        String description,
        List<String> systems,
        Version since,
        Version before,
        String disabled,
        List<Statement> initialize,
        List<Statement> manipulate1,
        List<Statement> manipulate2,
        List<Statement> validate,
        SourceRef source,
        List<String> services) {

    public Check {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** A check that needs no declared service (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            List<Statement> initialize, List<Statement> manipulate1, List<Statement> manipulate2, List<Statement> validate, SourceRef source) {
        this(name, description, systems, since, before, disabled, initialize, manipulate1, manipulate2, validate, source, List.of());
    }

    public List<Statement> statements(Phase phase) {
        return switch (phase) {
            case INITIALIZE -> initialize;
            case MANIPULATE_1 -> manipulate1;
            case MANIPULATE_2 -> manipulate2;
            case VALIDATE -> validate;
        };
    }
}
