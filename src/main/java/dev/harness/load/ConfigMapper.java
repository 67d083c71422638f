package dev.harness.load;

import dev.harness.model.Durations;
import dev.harness.model.HarnessConfig;
import dev.harness.model.ImagePattern;
import dev.harness.model.Problem;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.model.SystemSection;
import dev.harness.model.Version;
import dev.harness.model.VariableText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A schema-valid harness.yaml -> {@link HarnessConfig}. Keys the file leaves out come from {@code defaults}
 * (the built-in configuration), key by key, so a harness.yaml may set just one thing.
 */
final class ConfigMapper {
    /** Last-resort values, for keys missing from the built-in defaults file itself. */
    static final HarnessConfig FALLBACK = new HarnessConfig(
            "postgres", "process", List.of(), null,
            HarnessConfig.Timeouts.DEFAULTS,
            defaultSections(), null);

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

        Map<String, SystemSection> sections = new LinkedHashMap<>();
        for (SystemKind kind : SystemKinds.ALL) {
            SystemSection fallback = defaults.section(kind.name());
            if (fallback == null) fallback = kind.defaults();
            YamlMap section = root.map(kind.name());
            sections.put(kind.name(), section == null ? fallback : section(section, fallback));
        }
        return new HarnessConfig(root.text("system", defaults.system()), root.text("runtime", defaults.runtime()),
                versions(root, defaults.versions()), version(root, "current", defaults.current()),
                timeouts, sections, root.where(), root.has("services") ? new ServicesMapper(file, problems).map(root.map("services"))
                        : defaults.services(), root.has("vars") ? vars(root) : defaults.vars(),
                root.has("consistency") ? "on".equals(root.text("consistency")) : defaults.consistency(),
                report(root.map("report"), defaults.report()));
    }

    /** {@code vars:}, the run-level variables; a built-in's name is refused at its key (the schema checks the shape). */
    private Map<String, String> vars(YamlMap root) {
        root.keyPositions("vars").forEach((key, where) -> {
            String problem = VariableText.runNameProblem(key.substring("vars.".length()));
            if (problem != null) problems.add(new Problem(where, "vars: " + problem));
        });
        return root.scalars("vars");
    }

    private static HarnessConfig.Report report(YamlMap map, HarnessConfig.Report fallback) {
        return map == null ? fallback : new HarnessConfig.Report(map.text("junit", fallback.junit()));
    }

    private static Map<String, SystemSection> defaultSections() {
        Map<String, SystemSection> out = new LinkedHashMap<>();
        SystemKinds.ALL.forEach(k -> out.put(k.name(), k.defaults()));
        return out;
    }

    /**
     * A system's section over its fallback, key by key; a mapping below a key (binaries, system-parameters)
     * replaces the fallback's whole mapping. The keys themselves are the schema's business.
     */
    private SystemSection section(YamlMap map, SystemSection fallback) {
        if (fallback instanceof HarnessConfig.Materialize dm) {
            return new HarnessConfig.Materialize(
                    versions(map, dm.versions()), version(map, "current", dm.current()), image(map, "image", true, dm.image()),
                    image(map, "current-image", false, dm.currentImage()), map.text("image-policy", dm.imagePolicy()),
                    map.has("system-parameters") ? YamlMap.scalars(map.get("system-parameters")) : dm.systemParameters(),
                    map.has("replication-factor") ? Integer.valueOf(map.text("replication-factor")) : dm.replicationFactor(),
                    map.text("system-parameters-mode", dm.parametersMode()));
        }
        if (fallback instanceof HarnessConfig.Postgres dp) {
            return new HarnessConfig.Postgres(
                    versions(map, dp.versions()), version(map, "current", dp.current()),
                    map.has("binaries") ? YamlMap.scalars(map.get("binaries")) : dp.binaries(),
                    image(map, "image", true, dp.image()), map.text("image-policy", dp.imagePolicy()));
        }
        throw new IllegalStateException("no mapping for the harness.yaml section " + fallback.getClass().getSimpleName());
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
}
