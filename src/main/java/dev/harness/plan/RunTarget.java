package dev.harness.plan;

import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Which configuration, system, runtime and seed a plan (and a run) uses: flags over harness.yaml over
 * defaults. One place, so {@code plan} and {@code run} agree on what a command line means.
 *
 * @param config the loaded harness.yaml with the {@code --set} overrides applied
 */
public record RunTarget(HarnessConfig config, String system, String runtime, long seed) {

    /**
     * @param systemFlag  {@code --system}, or null
     * @param runtimeFlag {@code --runtime}, or null
     * @param seedFlag    {@code --seed}, or null for a fresh one
     */
    public static RunTarget resolve(HarnessConfig loaded, Map<String, String> sets, String systemFlag, String runtimeFlag, Long seedFlag) {
        HarnessConfig config = ConfigOverrides.apply(loaded, sets == null ? Map.of() : sets);
        String system = firstNonNull(systemFlag, config.system(), "postgres");
        if (!Compiler.SYSTEMS.contains(system)) {
            throw new HarnessException.InvalidInput("unknown system '" + system + "': expected postgres or materialize");
        }
        // Materialize only runs in Docker, so it must not inherit the PostgreSQL default "process".
        String runtime = runtimeFlag != null ? runtimeFlag
                : "materialize".equals(system) ? "docker" : firstNonNull(config.runtime(), "process");
        if (!Compiler.RUNTIMES.contains(runtime)) {
            throw new HarnessException.InvalidInput("unknown runtime '" + runtime + "': expected process or docker");
        }
        if ("materialize".equals(system) && !"docker".equals(runtime)) {
            throw new HarnessException.InvalidInput("materialize runs in docker only, not with runtime " + runtime);
        }
        return new RunTarget(config, system, runtime, seedFlag != null ? seedFlag : freshSeed());
    }

    /** A new seed, small enough to type back in: printed and recorded so the run can be repeated. */
    public static long freshSeed() {
        return new SecureRandom().nextInt(Integer.MAX_VALUE);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
