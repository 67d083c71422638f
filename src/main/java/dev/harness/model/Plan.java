package dev.harness.model;

import java.util.List;
import java.util.Map;

/**
 * A compiled scenario: everything {@code run} needs, serialisable to JSON and back (run --plan replays it).
 *
 * @param scenarioFile the YAML the plan was compiled from
 * @param seed         seed of check order and random paths
 * @param base         version the checks are gated on
 * @param versions     the catalog the names were resolved against, oldest first
 * @param current      what {@code current} meant
 * @param checks       in execution order (seeded), including the skipped ones
 * @param settings     the effective configuration the run needs (timeouts, images, …) as flat key/value pairs
 * @param services     the services the scenario declares besides the system under test (empty in older plans)
 * @param vars         the run-level variables ({@code --var} over harness.yaml {@code vars:}) as resolved for this plan
 */
public record Plan(
        String scenario,
        String description,
        String scenarioFile,
        String system,
        String runtime,
        long seed,
        Version base,
        List<Version> versions,
        Version current,
        List<PlannedCheck> checks,
        List<Action> actions,
        Map<String, String> settings,
        List<SupportService> services,
        Map<String, String> vars) {

    public Plan {
        services = services == null ? List.of() : List.copyOf(services);
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(vars));
    }

    /** A plan without run-level variables. */
    public Plan(String scenario, String description, String scenarioFile, String system, String runtime, long seed, Version base,
            List<Version> versions, Version current, List<PlannedCheck> checks, List<Action> actions, Map<String, String> settings,
            List<SupportService> services) {
        this(scenario, description, scenarioFile, system, runtime, seed, base, versions, current, checks, actions, settings, services, Map.of());
    }

    /** A plan without declared services (built in code). */
    public Plan(String scenario, String description, String scenarioFile, String system, String runtime, long seed, Version base,
            List<Version> versions, Version current, List<PlannedCheck> checks, List<Action> actions, Map<String, String> settings) {
        this(scenario, description, scenarioFile, system, runtime, seed, base, versions, current, checks, actions, settings, List.of());
    }

    /** The declared service called {@code name}, if any. */
    public java.util.Optional<SupportService> supportService(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
