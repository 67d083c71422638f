package dev.harness.plan;

import dev.harness.model.Durations;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.model.SystemSection;
import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --set key=value}: overrides harness.yaml keys by their YAML path, e.g.
 * {@code timeouts.statement=60s}, {@code postgres.current=15.18}, {@code materialize.system-parameters.x=1}.
 * A key below a system's name goes to that system's section ({@link SystemSection#with}), one rule for all systems.
 */
public final class ConfigOverrides {
    public static final List<String> KEYS = keys();

    private ConfigOverrides() {}

    private static List<String> keys() {
        List<String> out = new ArrayList<>(List.of("system", "runtime", "versions", "current",
                "timeouts.statement", "timeouts.start", "timeouts.promote"));
        for (SystemKind kind : SystemKinds.ALL) {
            kind.defaults().keys().forEach(k -> out.add(kind.name() + "." + k));
        }
        return List.copyOf(out);
    }

    public static HarnessConfig apply(HarnessConfig config, Map<String, String> overrides) {
        HarnessConfig c = config;
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            try {
                c = apply(c, e.getKey().trim(), e.getValue().trim());
            } catch (IllegalArgumentException ex) {
                throw new HarnessException.InvalidInput("--set " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage());
            }
        }
        return c;
    }

    /** Why {@code key=value} is not an override this harness accepts, or null (for the settings of a replayed plan). */
    public static String problem(String key, String value) {
        if (key == null || value == null) return "missing";
        try {
            apply(new HarnessConfig(null, null, List.of(), null, null, Map.of(), null), key, value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static HarnessConfig apply(HarnessConfig c, String key, String value) {
        int dot = key.indexOf('.');
        SystemKind kind = dot < 0 ? null : SystemKinds.find(key.substring(0, dot)).orElse(null);
        if (kind != null) return applyToSection(c, kind, key.substring(dot + 1), key, value);
        // A hand-built config may lack timeouts; a --set can still fill them.
        HarnessConfig.Timeouts t = c.timeouts() != null ? c.timeouts() : new HarnessConfig.Timeouts(null, null, null);
        return switch (key) {
            case "system" -> new HarnessConfig(value, c.runtime(), c.versions(), c.current(), t, c.sections(), c.source(), c.services(), c.vars(), c.consistency(), c.report());
            case "runtime" -> new HarnessConfig(c.system(), value, c.versions(), c.current(), t, c.sections(), c.source(), c.services(), c.vars(), c.consistency(), c.report());
            case "versions" -> new HarnessConfig(c.system(), c.runtime(), Version.catalog(value), c.current(), t, c.sections(), c.source(), c.services(), c.vars(), c.consistency(), c.report());
            case "current" -> new HarnessConfig(c.system(), c.runtime(), c.versions(), new Version(value), t, c.sections(), c.source(), c.services(), c.vars(), c.consistency(), c.report());
            case "timeouts.statement" -> c.withTimeouts(new HarnessConfig.Timeouts(Durations.parsePositive(value), t.start(), t.promote()));
            case "timeouts.start" -> c.withTimeouts(new HarnessConfig.Timeouts(t.statement(), Durations.parsePositive(value), t.promote()));
            case "timeouts.promote" -> c.withTimeouts(new HarnessConfig.Timeouts(t.statement(), t.start(), Durations.parsePositive(value)));
            default -> throw unknown(key);
        };
    }

    private static HarnessConfig applyToSection(HarnessConfig c, SystemKind kind, String field, String key, String value) {
        SystemSection section = c.section(kind.name());
        // A section the configuration lacks starts from the system's defaults.
        if (section == null) section = kind.defaults();
        if (!section.accepts(field)) throw unknown(key);
        return c.withSection(kind.name(), section.with(field, value));
    }

    private static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("unknown key '" + key + "': expected one of " + String.join(", ", KEYS));
    }
}
