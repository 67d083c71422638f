package dev.harness.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of database systems: the one list a new system is added to. Everything that asks "which systems
 * are there, which runtimes may they use, where is their configuration" asks here.
 */
public final class SystemKinds {
    /** Materialize's metadata store (consensus, adapter stash, storage, timestamp oracle): the platform checks' name. */
    public static final String METADATA_STORE = "postgres-metadata";

    public static final List<SystemKind> ALL = List.of(
            new SystemKind("postgres", List.of("process", "docker"), "process", HarnessConfig.Postgres.DEFAULTS, List.of()),
            // Materialize only runs in Docker, so it must not inherit the PostgreSQL default "process". Its metadata store
            // is a PostgreSQL server of the current version; every generation of the environment keeps its state there.
            new SystemKind("materialize", List.of("docker"), "docker", HarnessConfig.Materialize.DEFAULTS, List.of(
                    new Scenario.Service(METADATA_STORE, "postgres", null, Map.of("max_connections", "500"), SourceRef.NONE))));

    private SystemKinds() {}

    public static Optional<SystemKind> find(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The system called {@code name}, or invalid input naming the known ones. */
    public static SystemKind require(String name) {
        return find(name).orElseThrow(() -> new HarnessException.InvalidInput(
                "unknown system '" + name + "': expected " + String.join(" or ", names())));
    }

    /** Names in registration order. */
    public static List<String> names() {
        return ALL.stream().map(SystemKind::name).toList();
    }

    /** Every runtime some system supports. */
    public static Set<String> runtimes() {
        Set<String> out = new LinkedHashSet<>();
        ALL.forEach(k -> out.addAll(k.runtimes()));
        return out;
    }

    /** Why {@code runtime} cannot run {@code kind}, or null when it can. */
    public static String runtimeProblem(SystemKind kind, String runtime) {
        if (!runtimes().contains(runtime)) {
            return "unknown runtime '" + runtime + "': expected " + String.join(" or ", runtimes());
        }
        if (!kind.supports(runtime)) {
            return kind.name() + " runs in " + String.join(" or ", kind.runtimes()) + " only, not with runtime " + runtime;
        }
        return null;
    }
}
