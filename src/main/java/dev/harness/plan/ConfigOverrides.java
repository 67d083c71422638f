package dev.harness.plan;

import dev.harness.model.Durations;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.ImagePattern;
import dev.harness.model.Version;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --set key=value}: overrides harness.yaml keys by their YAML path, e.g.
 * {@code timeouts.statement=60s}, {@code postgres.current=15.18}, {@code materialize.system-parameters.x=1}.
 */
public final class ConfigOverrides {
    public static final List<String> KEYS = List.of(
            "system", "runtime", "versions", "current",
            "timeouts.statement", "timeouts.start", "timeouts.promote",
            "materialize.versions", "materialize.current", "materialize.image", "materialize.current-image",
            "materialize.image-policy", "materialize.system-parameters.<name>",
            "postgres.versions", "postgres.current", "postgres.image", "postgres.image-policy", "postgres.binaries.<version>");

    private ConfigOverrides() {}

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
            apply(new HarnessConfig(null, null, List.of(), null, null, null, null, null), key, value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static HarnessConfig apply(HarnessConfig c, String key, String value) {
        // Sections a hand-built config may lack start empty, so a --set can still fill them.
        HarnessConfig.Timeouts t = c.timeouts() != null ? c.timeouts() : new HarnessConfig.Timeouts(null, null, null);
        HarnessConfig.Materialize m = c.materialize() != null ? c.materialize()
                : new HarnessConfig.Materialize(List.of(), null, null, null, null, Map.of());
        HarnessConfig.Postgres p = c.postgres() != null ? c.postgres()
                : new HarnessConfig.Postgres(List.of(), null, Map.of(), null, null);
        if (key.startsWith("materialize.system-parameters.")) {
            Map<String, String> params = new LinkedHashMap<>(m.systemParameters() == null ? Map.of() : m.systemParameters());
            params.put(key.substring("materialize.system-parameters.".length()), value);
            return withMaterialize(c, new HarnessConfig.Materialize(m.versions(), m.current(), m.image(), m.currentImage(), m.imagePolicy(), params));
        }
        if (key.startsWith("postgres.binaries.")) {
            Map<String, String> bins = new LinkedHashMap<>(p.binaries() == null ? Map.of() : p.binaries());
            bins.put(version(key.substring("postgres.binaries.".length())).text(), value);
            return withPostgres(c, new HarnessConfig.Postgres(p.versions(), p.current(), bins, p.image(), p.imagePolicy()));
        }
        return switch (key) {
            case "system" -> new HarnessConfig(value, c.runtime(), c.versions(), c.current(), t, m, p, c.source());
            case "runtime" -> new HarnessConfig(c.system(), value, c.versions(), c.current(), t, m, p, c.source());
            case "versions" -> new HarnessConfig(c.system(), c.runtime(), versions(value), c.current(), t, m, p, c.source());
            case "current" -> new HarnessConfig(c.system(), c.runtime(), c.versions(), version(value), t, m, p, c.source());
            case "timeouts.statement" -> withTimeouts(c, new HarnessConfig.Timeouts(Durations.parsePositive(value), t.start(), t.promote()));
            case "timeouts.start" -> withTimeouts(c, new HarnessConfig.Timeouts(t.statement(), Durations.parsePositive(value), t.promote()));
            case "timeouts.promote" -> withTimeouts(c, new HarnessConfig.Timeouts(t.statement(), t.start(), Durations.parsePositive(value)));
            case "materialize.versions" -> withMaterialize(c, new HarnessConfig.Materialize(versions(value), m.current(), m.image(), m.currentImage(), m.imagePolicy(), m.systemParameters()));
            case "materialize.current" -> withMaterialize(c, new HarnessConfig.Materialize(m.versions(), version(value), m.image(), m.currentImage(), m.imagePolicy(), m.systemParameters()));
            case "materialize.image" -> withMaterialize(c, new HarnessConfig.Materialize(m.versions(), m.current(), image(value, true), m.currentImage(), m.imagePolicy(), m.systemParameters()));
            case "materialize.current-image" -> withMaterialize(c, new HarnessConfig.Materialize(m.versions(), m.current(), m.image(), image(value, false), m.imagePolicy(), m.systemParameters()));
            case "materialize.image-policy" -> withMaterialize(c, new HarnessConfig.Materialize(m.versions(), m.current(), m.image(), m.currentImage(), policy(value), m.systemParameters()));
            case "postgres.versions" -> withPostgres(c, new HarnessConfig.Postgres(versions(value), p.current(), p.binaries(), p.image(), p.imagePolicy()));
            case "postgres.current" -> withPostgres(c, new HarnessConfig.Postgres(p.versions(), version(value), p.binaries(), p.image(), p.imagePolicy()));
            case "postgres.image" -> withPostgres(c, new HarnessConfig.Postgres(p.versions(), p.current(), p.binaries(), image(value, true), p.imagePolicy()));
            case "postgres.image-policy" -> withPostgres(c, new HarnessConfig.Postgres(p.versions(), p.current(), p.binaries(), p.image(), policy(value)));
            default -> throw new IllegalArgumentException("unknown key '" + key + "': expected one of " + String.join(", ", KEYS));
        };
    }

    /** As harness.yaml's lists: oldest first, each once. */
    private static List<Version> versions(String csv) {
        List<Version> out = Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(ConfigOverrides::version).toList();
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i - 1).compareTo(out.get(i)) >= 0) {
                throw new IllegalArgumentException("versions must be oldest first without repeats: " + out.get(i) + " comes after " + out.get(i - 1));
            }
        }
        return out;
    }

    private static Version version(String text) {
        return new Version(text);
    }

    private static String image(String value, boolean pattern) {
        String problem = ImagePattern.problem(value, pattern);
        if (problem != null) throw new IllegalArgumentException(problem);
        return value;
    }

    private static String policy(String value) {
        if (!List.of("never", "missing", "always").contains(value)) {
            throw new IllegalArgumentException("expected never, missing or always");
        }
        return value;
    }

    private static HarnessConfig withTimeouts(HarnessConfig c, HarnessConfig.Timeouts t) {
        return new HarnessConfig(c.system(), c.runtime(), c.versions(), c.current(), t, c.materialize(), c.postgres(), c.source());
    }

    private static HarnessConfig withMaterialize(HarnessConfig c, HarnessConfig.Materialize m) {
        return new HarnessConfig(c.system(), c.runtime(), c.versions(), c.current(), c.timeouts(), m, c.postgres(), c.source());
    }

    private static HarnessConfig withPostgres(HarnessConfig c, HarnessConfig.Postgres p) {
        return new HarnessConfig(c.system(), c.runtime(), c.versions(), c.current(), c.timeouts(), c.materialize(), p, c.source());
    }

}
