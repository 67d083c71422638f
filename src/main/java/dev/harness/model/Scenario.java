package dev.harness.model;

import java.util.List;
import java.util.Map;

/**
 * A scenario as written: a script of platform events and check phases.
 *
 * @param base     version name the checks are gated on; null = the version of the first start
 * @param scope    the systems it runs on and the checks it cannot take
 * @param services    the services it declares besides the system under test, in the order written
 * @param consistency its {@code consistency: on|off}; null = as harness.yaml says
 */
public record Scenario(String name, String description, String base, List<Step> steps, SourceRef source, Scope scope,
        List<Service> services, Boolean consistency) {
    public Scenario {
        scope = scope == null ? Scope.ANY : scope;
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** A scenario that leaves the consistency steps to harness.yaml. */
    public Scenario(String name, String description, String base, List<Step> steps, SourceRef source, Scope scope,
            List<Service> services) {
        this(name, description, base, steps, source, scope, services, null);
    }

    /** A scenario for every system that takes every check, without services (built in code). */
    public Scenario(String name, String description, String base, List<Step> steps, SourceRef source) {
        this(name, description, base, steps, source, Scope.ANY, List.of());
    }

    /** A scenario without services (built in code). */
    public Scenario(String name, String description, String base, List<Step> steps, SourceRef source, Scope scope) {
        this(name, description, base, steps, source, scope, List.of());
    }

    /** A scenario for every system that takes every check (built in code). */
    public Scenario(String name, String description, String base, List<Step> steps, SourceRef source, List<Service> services) {
        this(name, description, base, steps, source, Scope.ANY, services);
    }

    /**
     * Where a scenario may run and which checks it excludes, as the original's scenario filter
     * ({@code requires_external_idempotence}, {@code does_forced_migrations}).
     *
     * @param systems                     the systems it runs on; empty = all
     * @param systemsSource               where {@code systems} is written (null when it is not)
     * @param requiresExternalIdempotence {@code requires: [external-idempotence]}: it repeats a manipulate phase,
     *                                    so checks with {@code externally-idempotent: false} are skipped
     * @param forcedMigrations            it forces builtin schema migrations, so checks with
     *                                    {@code supports-forced-migrations: false} are skipped
     */
    public record Scope(List<String> systems, SourceRef systemsSource, boolean requiresExternalIdempotence, boolean forcedMigrations) {
        public static final Scope ANY = new Scope(List.of(), null, false, false);

        public boolean allows(String system) {
            return systems.isEmpty() || systems.contains(system);
        }
    }

    /**
     * A declared service as written: its version is still a name ({@code current}, a literal), resolved against
     * the catalog of its own system.
     *
     * @param version null = that system's current
     */
    public record Service(String name, String system, String version, Map<String, String> settings, SourceRef source) {}
}
