package dev.harness.model;

import java.util.List;

/**
 * What the harness knows about a database system before it runs one: its name (also its harness.yaml section),
 * the runtimes it can run in, the runtime it gets when none that it supports is chosen, its section with the
 * built-in defaults (the type of that section is the config section type), and the systems it runs beside it
 * (Materialize's metadata store is a PostgreSQL server), whose sections its plans record too. The factory that makes the running
 * system lives in {@code dev.harness.system}; this description is all {@code plan} and {@code load} need.
 */
public record SystemKind(String name, List<String> runtimes, String defaultRuntime, SystemSection defaults, List<String> supportSystems) {
    public SystemKind {
        runtimes = List.copyOf(runtimes);
        supportSystems = List.copyOf(supportSystems);
        if (!runtimes.contains(defaultRuntime)) throw new IllegalArgumentException(name + ": default runtime " + defaultRuntime + " is not supported");
    }

    public boolean supports(String runtime) {
        return runtimes.contains(runtime);
    }

    /** The type of this system's harness.yaml section. */
    public Class<? extends SystemSection> sectionType() {
        return defaults.getClass();
    }
}
