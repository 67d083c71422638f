package dev.harness.plan;

import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.Scenario;
import java.util.List;

/**
 * Scenario + checks + config -> Plan: resolves version names, expands macros, inserts the implicit
 * configure/assert-version steps, runs the static checks, gates and orders the checks by seed.
 * Throws {@link dev.harness.model.HarnessException.InvalidInput} with file:line:column problems.
 */
public final class Compiler {
    private Compiler() {}

    /**
     * @param system  "postgres" | "materialize" (already resolved from CLI/config)
     * @param runtime "process" | "docker"
     * @param seed    check order and random upgrade paths
     */
    public static Plan compile(Scenario scenario, List<Check> checks, HarnessConfig config, String system, String runtime, long seed) {
        throw new UnsupportedOperationException("compiler not implemented yet");
    }
}
