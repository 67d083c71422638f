package dev.harness.load;

import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import dev.harness.model.StartSettings;
import dev.harness.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings keys of a {@code start:} mapping -> {@link Step.StartKeys}: both systems' keys as written, each with
 * its position, so the compiler (which knows the plan's system) can refuse the other system's at the key.
 */
final class StartKeysMapper {
    private StartKeysMapper() {}

    static Step.StartKeys map(YamlMap start, List<Problem> problems) {
        Map<String, SourceRef> where = new LinkedHashMap<>();
        for (List<String> keys : StartSettings.KEYS.values()) {
            for (String key : keys) {
                if (!start.has(key)) continue;
                where.put(key, start.whereKey(key));
                where.putAll(start.keyPositions(key));
            }
        }
        if (where.isEmpty()) return Step.StartKeys.NONE;
        StartSettings.Postgres postgres = start.has("settings") ? new StartSettings.Postgres(start.scalars("settings")) : null;
        return new Step.StartKeys(postgres, materialize(start, problems), start.text("system-parameter-version"), where);
    }

    private static StartSettings.Materialize materialize(YamlMap m, List<Problem> problems) {
        boolean any = StartSettings.KEYS.get("materialize").stream().anyMatch(m::has);
        if (!any) return null;
        String factor = m.text("builtin-replication-factor");
        List<String> args = m.has("args") ? m.texts("args") : List.of();
        return new StartSettings.Materialize(m.scalars("system-parameters"), m.scalars("env"), args, m.text("force-migrations"),
                m.has("soft-assertions") ? m.bool("soft-assertions", true) : null,
                factor == null ? null : Integer.valueOf(factor),
                m.parsed("restart", StartSettings.Restart::parse, problems),
                m.parsed("healthcheck", StartSettings.Healthcheck::parse, problems),
                null);
    }
}
