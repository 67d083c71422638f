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
 * @param externallyIdempotent     false when its manipulate phases change something outside the server in a way
 *                                 that cannot be repeated; a scenario that requires external idempotence skips it
 * @param supportsForcedMigrations false when it cannot pass under forced builtin schema migrations; a scenario
 *                                 with {@code forced-migrations: true} skips it
 * @param services the declared services it needs ({@code services: [upstream]}): skipped where a scenario lacks one
 * @param tags     the features it exercises ({@code tags: [partitioning, jsonb]}), for {@code harness list --coverage}
 */
public record Check(
        String name,
        String description,
        List<String> systems,
        Version since,
        Version before,
        String disabled,
        boolean externallyIdempotent,
        boolean supportsForcedMigrations,
        List<Statement> initialize,
        List<Statement> manipulate1,
        List<Statement> manipulate2,
        List<Statement> validate,
        SourceRef source,
        List<String> services,
        List<String> tags) {

    public Check {
        services = services == null ? List.of() : List.copyOf(services);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A check without tags (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            boolean externallyIdempotent, boolean supportsForcedMigrations, List<Statement> initialize, List<Statement> manipulate1,
            List<Statement> manipulate2, List<Statement> validate, SourceRef source, List<String> services) {
        this(name, description, systems, since, before, disabled, externallyIdempotent, supportsForcedMigrations, initialize,
                manipulate1, manipulate2, validate, source, services, List.of());
    }

    /** A check with neither flag set (the defaults) that needs no declared service (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            List<Statement> initialize, List<Statement> manipulate1, List<Statement> manipulate2, List<Statement> validate,
            SourceRef source) {
        this(name, description, systems, since, before, disabled, true, true, initialize, manipulate1, manipulate2, validate, source,
                List.of());
    }

    /** A check with its flags that needs no declared service (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            boolean externallyIdempotent, boolean supportsForcedMigrations, List<Statement> initialize, List<Statement> manipulate1,
            List<Statement> manipulate2, List<Statement> validate, SourceRef source) {
        this(name, description, systems, since, before, disabled, externallyIdempotent, supportsForcedMigrations, initialize,
                manipulate1, manipulate2, validate, source, List.of());
    }

    /** A check with neither flag set that needs declared services (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            List<Statement> initialize, List<Statement> manipulate1, List<Statement> manipulate2, List<Statement> validate,
            SourceRef source, List<String> services) {
        this(name, description, systems, since, before, disabled, true, true, initialize, manipulate1, manipulate2, validate, source,
                services);
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
