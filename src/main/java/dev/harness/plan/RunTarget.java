package dev.harness.plan;

import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
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
        String system = firstNonNull(systemFlag, config.system(), SystemKinds.ALL.get(0).name());
        SystemKind kind = SystemKinds.require(system);
        String runtime = runtimeFlag != null ? runtimeFlag : runtimeFor(kind, config.runtime());
        String problem = SystemKinds.runtimeProblem(kind, runtime);
        if (problem != null) throw new HarnessException.InvalidInput(problem);
        return new RunTarget(config, system, runtime, seedFlag != null ? seedFlag : freshSeed());
    }

    /**
     * harness.yaml's runtime applies to the systems that can use it (a typo stays, to be refused); a system that
     * cannot gets its own default, so {@code runtime: process} does not keep Materialize from running in Docker.
     */
    private static String runtimeFor(SystemKind kind, String configured) {
        if (configured == null) return kind.defaultRuntime();
        return kind.supports(configured) || !SystemKinds.runtimes().contains(configured) ? configured : kind.defaultRuntime();
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
