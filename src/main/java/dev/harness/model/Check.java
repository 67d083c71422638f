package dev.harness.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * @param vars     {@code vars:}, the check's constants ({@code ${name}}), in written order
 * @param masks    {@code masks:}, applied in every phase before the phase's own
 * @param retry    {@code retry:}, the default budget of its statements; null = {@code timeouts.statement}
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
        List<PhaseItem> initialize,
        List<PhaseItem> manipulate1,
        List<PhaseItem> manipulate2,
        List<PhaseItem> validate,
        SourceRef source,
        List<String> services,
        Map<String, String> vars,
        List<Mask> masks,
        Duration retry,
        List<String> tags) {

    public Check {
        services = services == null ? List.of() : List.copyOf(services);
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        masks = masks == null ? List.of() : masks; // not copied: a replayed plan's null entries are reported by ReplayedChecks
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A check without variables, masks, a default budget or tags. */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            boolean externallyIdempotent, boolean supportsForcedMigrations, List<? extends PhaseItem> initialize,
            List<? extends PhaseItem> manipulate1, List<? extends PhaseItem> manipulate2, List<? extends PhaseItem> validate,
            SourceRef source, List<String> services) {
        this(name, description, systems, since, before, disabled, externallyIdempotent, supportsForcedMigrations, items(initialize),
                items(manipulate1), items(manipulate2), items(validate), source, services, Map.of(), List.of(), null, List.of());
    }

    /** A check without tags (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            boolean externallyIdempotent, boolean supportsForcedMigrations, List<? extends PhaseItem> initialize,
            List<? extends PhaseItem> manipulate1, List<? extends PhaseItem> manipulate2, List<? extends PhaseItem> validate,
            SourceRef source, List<String> services, Map<String, String> vars, List<Mask> masks, Duration retry) {
        this(name, description, systems, since, before, disabled, externallyIdempotent, supportsForcedMigrations, items(initialize),
                items(manipulate1), items(manipulate2), items(validate), source, services, vars, masks, retry, List.of());
    }

    /** A check with neither flag set (the defaults) that needs no declared service (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            List<? extends PhaseItem> initialize, List<? extends PhaseItem> manipulate1, List<? extends PhaseItem> manipulate2,
            List<? extends PhaseItem> validate, SourceRef source) {
        this(name, description, systems, since, before, disabled, true, true, initialize, manipulate1, manipulate2, validate, source,
                List.of());
    }

    /** A check with its flags that needs no declared service (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            boolean externallyIdempotent, boolean supportsForcedMigrations, List<? extends PhaseItem> initialize,
            List<? extends PhaseItem> manipulate1, List<? extends PhaseItem> manipulate2, List<? extends PhaseItem> validate,
            SourceRef source) {
        this(name, description, systems, since, before, disabled, externallyIdempotent, supportsForcedMigrations, initialize,
                manipulate1, manipulate2, validate, source, List.of());
    }

    /** A check with neither flag set that needs declared services (built in code). */
    public Check(String name, String description, List<String> systems, Version since, Version before, String disabled,
            List<? extends PhaseItem> initialize, List<? extends PhaseItem> manipulate1, List<? extends PhaseItem> manipulate2,
            List<? extends PhaseItem> validate, SourceRef source, List<String> services) {
        this(name, description, systems, since, before, disabled, true, true, initialize, manipulate1, manipulate2, validate, source,
                services);
    }

    private static List<PhaseItem> items(List<? extends PhaseItem> items) {
        return items == null ? null : java.util.Collections.unmodifiableList(items);
    }

    /** The entries of one phase, in order. */
    public List<PhaseItem> items(Phase phase) {
        return switch (phase) {
            case INITIALIZE -> initialize;
            case MANIPULATE_1 -> manipulate1;
            case MANIPULATE_2 -> manipulate2;
            case VALIDATE -> validate;
        };
    }

    /** The SQL statements of one phase, in order, without the directives between them. */
    public List<Statement> statements(Phase phase) {
        return items(phase).stream().filter(Statement.class::isInstance).map(Statement.class::cast).toList();
    }
}
