package dev.harness.system.materialize;

import dev.harness.model.Version;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system parameters an upgrade test needs, by the version they are given to (platform checks'
 * {@code get_minimal_system_parameters}, the zero-downtime subset). Version-gated because an old binary
 * refuses an unknown parameter ("cannot load unknown system parameter").
 */
public final class MaterializeSystemParameters {
    private static final Version SOURCES_0DT = Version.parse("v0.132.0-dev");

    private MaterializeSystemParameters() {}

    public static Map<String, String> minimal(Version oldest) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("default_cluster_replication_factor", "1");
        p.put("enable_0dt_deployment_panic_after_timeout", "true");
        p.put("with_0dt_deployment_max_wait", "1800s");
        // Always false: zero-downtime deployments are always enabled in these tests.
        p.put("persist_use_critical_since_snapshot", "false");
        p.put("persist_use_critical_since_source", "false");
        if (oldest == null || oldest.compareTo(SOURCES_0DT) >= 0) p.put("enable_0dt_deployment_sources", "true");
        return p;
    }
}
