package dev.harness.plan;

import dev.harness.model.Durations;
import dev.harness.model.HarnessConfig;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective configuration a run needs, flattened into sorted string pairs for the plan: a saved plan
 * must replay with the timeouts and images it was compiled with, not with whatever harness.yaml says later.
 */
final class PlanSettings {
    private PlanSettings() {}

    static Map<String, String> of(HarnessConfig config, String system) {
        Map<String, String> out = new TreeMap<>();
        HarnessConfig.Timeouts t = config.timeouts();
        if (t != null) {
            put(out, "timeouts.statement", t.statement());
            put(out, "timeouts.start", t.start());
            put(out, "timeouts.promote", t.promote());
        }
        if ("materialize".equals(system) && config.materialize() != null) {
            HarnessConfig.Materialize m = config.materialize();
            put(out, "materialize.image", m.image());
            put(out, "materialize.current-image", m.currentImage());
            put(out, "materialize.image-policy", m.imagePolicy());
            if (m.systemParameters() != null) {
                m.systemParameters().forEach((k, v) -> out.put("materialize.system-parameters." + k, v));
            }
        } else if ("postgres".equals(system) && config.postgres() != null) {
            HarnessConfig.Postgres p = config.postgres();
            put(out, "postgres.image", p.image());
            put(out, "postgres.image-policy", p.imagePolicy());
            if (p.binaries() != null) p.binaries().forEach((k, v) -> out.put("postgres.binaries." + k, v));
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, Object value) {
        if (value == null) return;
        out.put(key, value instanceof Duration d ? Durations.format(d) : value.toString());
    }
}
