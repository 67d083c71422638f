package dev.harness.load;

import dev.harness.model.Durations;
import dev.harness.model.HarnessConfig;
import dev.harness.model.ImagePattern;
import dev.harness.model.Problem;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A schema-valid harness.yaml -> {@link HarnessConfig}. Keys the file leaves out come from {@code defaults}
 * (the built-in configuration), key by key, so a harness.yaml may set just one thing.
 */
final class ConfigMapper {
    /** Last-resort values, for keys missing from the built-in defaults file itself. */
    static final HarnessConfig FALLBACK = new HarnessConfig(
            "postgres", "process", List.of(), null,
            new HarnessConfig.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(600)),
            new HarnessConfig.Materialize(List.of(), null, "materialize/materialized:{version}", "materialize/materialized:latest", "missing", Map.of()),
            new HarnessConfig.Postgres(List.of(), null, Map.of(), "harness/postgres:{version}", "never"),
            null);

    private final String file;
    private final List<Problem> problems;

    ConfigMapper(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    HarnessConfig map(YamlMap root, HarnessConfig defaults) {
        HarnessConfig.Timeouts dt = defaults.timeouts();
        YamlMap t = root.map("timeouts");
        HarnessConfig.Timeouts timeouts = t == null ? dt : new HarnessConfig.Timeouts(
                duration(t, "statement", dt.statement()), duration(t, "start", dt.start()), duration(t, "promote", dt.promote()));

        HarnessConfig.Materialize dm = defaults.materialize();
        YamlMap m = root.map("materialize");
        HarnessConfig.Materialize materialize = m == null ? dm : new HarnessConfig.Materialize(
                versions(m, dm.versions()), version(m, "current", dm.current()), image(m, "image", true, dm.image()),
                image(m, "current-image", false, dm.currentImage()), m.text("image-policy", dm.imagePolicy()),
                m.has("system-parameters") ? scalarMap(m.get("system-parameters")) : dm.systemParameters());

        HarnessConfig.Postgres dp = defaults.postgres();
        YamlMap p = root.map("postgres");
        HarnessConfig.Postgres postgres = p == null ? dp : new HarnessConfig.Postgres(
                versions(p, dp.versions()), version(p, "current", dp.current()),
                p.has("binaries") ? scalarMap(p.get("binaries")) : dp.binaries(),
                image(p, "image", true, dp.image()), p.text("image-policy", dp.imagePolicy()));

        return new HarnessConfig(root.text("system", defaults.system()), root.text("runtime", defaults.runtime()),
                versions(root, defaults.versions()), version(root, "current", defaults.current()),
                timeouts, materialize, postgres, root.where());
    }

    private List<Version> versions(YamlMap map, List<Version> fallback) {
        if (!map.has("versions")) return fallback;
        List<Node> nodes = map.list("versions");
        List<Version> out = new ArrayList<>();
        for (Node n : nodes) {
            Version v = map.parsed(n, "'versions'", Version::parse, problems);
            if (v == null) continue;
            if (!out.isEmpty() && out.get(out.size() - 1).compareTo(v) >= 0) {
                problems.add(new Problem(map.at(n), "'versions' must be oldest first without repeats: " + v + " comes after " + out.get(out.size() - 1)));
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    private Version version(YamlMap map, String key, Version fallback) {
        Version v = map.parsed(key, Version::parse, problems);
        return v == null ? fallback : v;
    }

    /** Timeouts: 0s could never be met, so it is refused like a typo. */
    private Duration duration(YamlMap map, String key, Duration fallback) {
        Duration d = map.parsed(key, Durations::parsePositive, problems);
        return d == null ? fallback : d;
    }

    /** An image name or, for {@code pattern}, a pattern with {version}: Docker must accept what it becomes. */
    private String image(YamlMap map, String key, boolean pattern, String fallback) {
        String value = map.text(key);
        if (value == null) return fallback;
        String problem = ImagePattern.problem(value, pattern);
        if (problem != null) problems.add(new Problem(map.whereValue(key), "'" + key + "': " + problem));
        return value;
    }

    /** A mapping of scalars, values as source text, in file order. */
    private static Map<String, String> scalarMap(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : ((org.yaml.snakeyaml.nodes.MappingNode) node).getValue()) {
            out.put(((ScalarNode) t.getKeyNode()).getValue(), YamlMap.text(t.getValueNode()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
