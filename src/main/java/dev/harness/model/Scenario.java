package dev.harness.model;

import java.util.List;
import java.util.Map;

/**
 * A scenario as written: a script of platform events and check phases.
 *
 * @param base     version name the checks are gated on; null = the version of the first start
 * @param services the services it declares besides the system under test, in the order written
 */
public record Scenario(String name, String description, String base, List<Step> steps, SourceRef source, List<Service> services) {
    public Scenario {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** A scenario without services (built in code). */
    public Scenario(String name, String description, String base, List<Step> steps, SourceRef source) {
        this(name, description, base, steps, source, List.of());
    }

    /**
     * A declared service as written: its version is still a name ({@code current}, a literal), resolved against
     * the catalog of its own system.
     *
     * @param version null = that system's current
     */
    public record Service(String name, String system, String version, Map<String, String> settings, SourceRef source) {}
}
