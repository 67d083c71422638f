package dev.harness.model;

import java.util.List;

/**
 * What the harness knows about a database system before it runs one: its name (also its harness.yaml section),
 * the runtimes it can run in, the runtime it gets when none that it supports is chosen, its section with the
 * built-in defaults (the type of that section is the config section type), and the services every plan of it declares
 * (Materialize's metadata store, a PostgreSQL server), whose systems' sections its plans record too. The factory that
 * makes the running system lives in {@code dev.harness.system}; this description is all {@code plan} and {@code load} need.
 *
 * @param ownServices declared like a scenario's {@code services:} entries (version null: that system's current), started
 *                    before the first step of every plan of this system and addressable by name like them
 */
public record SystemKind(String name, List<String> runtimes, String defaultRuntime, SystemSection defaults, List<Scenario.Service> ownServices) {
    public SystemKind {
        runtimes = List.copyOf(runtimes);
        ownServices = List.copyOf(ownServices);
        if (!runtimes.contains(defaultRuntime)) throw new IllegalArgumentException(name + ": default runtime " + defaultRuntime + " is not supported");
    }

    public boolean supports(String runtime) {
        return runtimes.contains(runtime);
    }

    /** The systems its own services run (their sections are recorded in its plans). */
    public List<String> supportSystems() {
        return ownServices.stream().map(Scenario.Service::system).distinct().toList();
    }

    /** Whether {@code service} is one of the services every plan of this system declares. */
    public boolean owns(String service) {
        return ownServices.stream().anyMatch(s -> s.name().equals(service));
    }

    /** The type of this system's harness.yaml section. */
    public Class<? extends SystemSection> sectionType() {
        return defaults.getClass();
    }
}
