package dev.harness.plan;

import dev.harness.model.Durations;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.model.SystemSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective configuration a run needs, flattened into sorted string pairs for the plan: a saved plan
 * must replay with the timeouts and images it was compiled with, not with whatever harness.yaml says later.
 * The keys are {@code --set} keys, so {@link ConfigOverrides} reads them back.
 */
public final class PlanSettings {
    private PlanSettings() {}

    static Map<String, String> of(HarnessConfig config, String system) {
        Map<String, String> out = new TreeMap<>();
        HarnessConfig.Timeouts t = config.timeouts();
        if (t != null) {
            put(out, "timeouts.statement", t.statement());
            put(out, "timeouts.start", t.start());
            put(out, "timeouts.promote", t.promote());
        }
        SystemKind kind = SystemKinds.require(system);
        SystemSection own = config.section(system);
        if (own != null) own.runSettings().forEach((k, v) -> out.put(system + "." + k, v));
        for (String support : kind.supportSystems()) {
            SystemSection section = config.section(support);
            if (section == null) continue;
            section.runSettings().forEach((k, v) -> out.put(support + "." + k, v));
            if (section.current() != null) out.put(support + ".current", section.current().text());
        }
        return out;
    }

    /**
     * The configuration a plan runs with: its timeouts, its system's section and catalog, and the sections of the
     * systems it runs beside (Materialize's metadata store) as the plan recorded them, so {@code run --plan} replays
     * what was compiled even after harness.yaml changed. Only what the plan does not record (the sections of
     * unrelated systems) comes from {@code live}.
     */
    public static HarnessConfig runConfig(Plan plan, HarnessConfig live) {
        SystemKind kind = SystemKinds.require(plan.system());
        HarnessConfig.Timeouts t = HarnessConfig.Timeouts.DEFAULTS;
        Map<String, String> settings = plan.settings() == null ? Map.of() : plan.settings();
        HarnessConfig timed = ConfigOverrides.apply(new HarnessConfig(null, null, List.of(), null, t, Map.of(), null),
                Map.copyOf(timeouts(settings)));
        HarnessConfig base = live == null ? new HarnessConfig(null, null, List.of(), null, null, Map.of(), null) : live;
        HarnessConfig out = new HarnessConfig(plan.system(), plan.runtime(), plan.versions() == null ? List.of() : plan.versions(), plan.current(),
                timed.timeouts(), base.sections(), base.source());
        List<String> recorded = new ArrayList<>(List.of(kind.name()));
        recorded.addAll(kind.supportSystems());
        for (String system : recorded) out = out.withSection(system, recordedSection(system, settings));
        return out;
    }

    /** The section of {@code system} as the plan recorded it, over the built-in defaults. */
    private static SystemSection recordedSection(String system, Map<String, String> settings) {
        SystemSection section = SystemKinds.require(system).defaults();
        String prefix = system + ".";
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().startsWith(prefix)) section = section.with(e.getKey().substring(prefix.length()), e.getValue());
        }
        return section;
    }

    private static Map<String, String> timeouts(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>(settings);
        out.keySet().removeIf(k -> !k.startsWith("timeouts."));
        return out;
    }

    private static void put(Map<String, String> out, String key, Duration value) {
        if (value != null) out.put(key, Durations.format(value));
    }
}
