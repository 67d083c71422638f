package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.SourceRef;
import dev.harness.model.StartSettings;
import dev.harness.model.Step;
import dev.harness.model.Version;
import java.util.List;
import java.util.Map;

/**
 * The compile rules of a start's settings: keep the plan's system's keys and refuse the others at their position,
 * resolve {@code system-parameter-version}, and refuse what that system cannot start with. The same rules judge a
 * replayed plan's starts ({@link #problems}), so a tampered plan cannot carry what the compiler would refuse.
 */
final class StartRules {
    private final String system;
    private final VersionResolver versions;
    private final ProblemList problems;

    StartRules(String system, VersionResolver versions, ProblemList problems) {
        this.system = system;
        this.versions = versions;
        this.problems = problems;
    }

    /** The settings of {@code s} for the plan's system (null when it sets nothing), starting {@code version}. */
    StartSettings settings(Step.Start s, Version version) {
        Step.StartKeys keys = s.keys() == null ? Step.StartKeys.NONE : s.keys();
        for (String key : keys.written()) {
            String owner = StartSettings.systemOf(key);
            if (!system.equals(owner)) {
                problems.add(keys.where().get(key), "'" + key + "' is a " + owner + " start setting, but this plan's system is "
                        + system + " (its start accepts " + String.join(", ", StartSettings.KEYS.get(system)) + ")");
            }
        }
        StartSettings settings = switch (system) {
            case "postgres" -> keys.postgres();
            case "materialize" -> materialize(keys);
            default -> null;
        };
        if (settings == null) return null;
        problems(settings, s.readOnly(), version, versions.current())
                .forEach((path, message) -> problems.add(where(keys, path, s.source()), "start " + s.service() + ": " + path + ": " + message));
        return settings;
    }

    private StartSettings.Materialize materialize(Step.StartKeys keys) {
        if (keys.materialize() == null || keys.systemParameterVersion() == null) return keys.materialize();
        VersionResolver.Result r = versions.resolve(keys.systemParameterVersion());
        if (!r.ok()) problems.add(keys.where().get("system-parameter-version"), "system-parameter-version: " + r.error());
        return keys.materialize().withSystemParameterVersion(r.version());
    }

    /**
     * Every problem of {@code settings} on a start of {@code version} (read-only or not) in a plan whose current version
     * is {@code current}, as YAML path -> message.
     */
    static Map<String, String> problems(StartSettings settings, boolean readOnly, Version version, Version current) {
        Map<String, String> out = new java.util.LinkedHashMap<>(settings.problems());
        if (settings instanceof StartSettings.Materialize m) {
            if (m.forceMigrations() != null && version != null && current != null && !version.sameAs(current)) {
                out.put("force-migrations", "only the current version (" + current + ", its locally built image) can force migrations, not "
                        + version);
            }
            if (readOnly && m.healthcheck() == StartSettings.Healthcheck.SQL) {
                out.put("healthcheck", "sql cannot tell a read-only candidate started: it takes no SQL until it is promoted");
            }
        }
        return out;
    }

    /** The problems of a replayed plan's start, as {@code field: message}. */
    static List<String> replayed(String field, Action.Start s, String planSystem, Version current) {
        if (s.settings() == null) return List.of();
        String kind = s.settings() instanceof StartSettings.Postgres ? "postgres" : "materialize";
        if (!kind.equals(planSystem)) return List.of(field + ".settings: " + kind + " settings in a " + planSystem + " plan");
        return problems(s.settings(), s.readOnly(), s.version(), current).entrySet().stream()
                .map(e -> field + ".settings." + e.getKey() + ": " + e.getValue()).toList();
    }

    /** The position of the key a problem is about: the name itself, else its mapping, else the step. */
    private static SourceRef where(Step.StartKeys keys, String path, SourceRef step) {
        if (keys.where().containsKey(path)) return keys.where().get(path);
        String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return keys.where().getOrDefault(top, step);
    }
}
