package dev.harness.plan;

import dev.harness.model.Durations;
import dev.harness.model.HarnessConfig;
import dev.harness.model.SystemSection;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective configuration a run needs, flattened into sorted string pairs for the plan: a saved plan
 * must replay with the timeouts and images it was compiled with, not with whatever harness.yaml says later.
 * The keys are {@code --set} keys, so {@link ConfigOverrides} reads them back.
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
        SystemSection section = config.section(system);
        if (section != null) section.runSettings().forEach((k, v) -> out.put(system + "." + k, v));
        return out;
    }

    private static void put(Map<String, String> out, String key, Duration value) {
        if (value != null) out.put(key, Durations.format(value));
    }
}
