package dev.harness.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one start of a service sets beyond its version, in the terms of the plan's system: PostgreSQL server
 * settings, or the knobs of Materialize's container (the platform checks' {@code StartMz} parameters). A start action
 * carries the record of its plan's system only; the compiler refuses a key of another system at its position.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "system")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StartSettings.Postgres.class, name = "postgres"),
    @JsonSubTypes.Type(value = StartSettings.Materialize.class, name = "materialize")
})
public sealed interface StartSettings {
    /** The {@code start:} keys each system accepts, by system name. */
    Map<String, List<String>> KEYS = java.util.Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "postgres", List.of("settings"),
            "materialize", List.of("system-parameters", "env", "args", "force-migrations", "soft-assertions",
                    "builtin-replication-factor", "restart", "healthcheck", "system-parameter-version"))));
    Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    Pattern PARAMETER_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,127}");
    int MAX_REPLICATION_FACTOR = 16;

    /** {@code key: value} lines for {@code plan --details}, in YAML key order. */
    List<String> describe();

    /**
     * What a macro's start (an upgrade hop) takes over from the start of the leader it replaces: the server's own
     * settings, not how it is started (restart policy, healthcheck depend on read-only or writable).
     */
    StartSettings inherited();

    /**
     * Each problem of these settings as YAML path ({@code settings.port}) -> message; empty when they can be used.
     * The compiler points each at its position, a replayed plan names the field.
     */
    Map<String, String> problems();

    /** The system whose {@code start:} accepts {@code key}, or null when none does. */
    static String systemOf(String key) {
        for (Map.Entry<String, List<String>> e : KEYS.entrySet()) {
            if (e.getValue().contains(key)) return e.getKey();
        }
        return null;
    }

    /** @param settings server settings, each passed as {@code -c name=value} */
    record Postgres(Map<String, String> settings) implements StartSettings {
        /** Settings the harness sets itself: the port and listen address it chooses, the identity it reads back. */
        public static final Set<String> RESERVED = Set.of("port", "listen_addresses", "unix_socket_directories",
                "cluster_name", "data_directory", "config_file", "hba_file", "ident_file");
        /** A GUC name, also a custom one ({@code auto_explain.log_min_duration}). */
        /** Why a reserved setting is refused, after its name. */
        public static final String RESERVED_REASON = " is set by the harness (port, listen address, identity and files are its own)";
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}(\\.[A-Za-z_][A-Za-z0-9_$]{0,62})?");

        public Postgres {
            settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        /** Whether {@code name} is a setting name a server accepts on its command line. */
        public static boolean isName(String name) {
            return name != null && NAME.matcher(name).matches();
        }

        /** Whether the harness sets {@code name} itself, so no start or service may. */
        public static boolean isReserved(String name) {
            return RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public List<String> describe() {
            return settings.isEmpty() ? List.of() : List.of("settings: " + pairs(settings, " "));
        }

        @Override
        public StartSettings inherited() {
            return this;
        }

        @Override
        public Map<String, String> problems() {
            Map<String, String> out = new LinkedHashMap<>();
            settings.forEach((name, value) -> {
                String path = "settings." + name;
                if (!isName(name)) {
                    out.put(path, "'" + Printable.line(String.valueOf(name)) + "' is not a PostgreSQL setting name");
                } else if (isReserved(name)) {
                    out.put(path, name + RESERVED_REASON);
                } else if (value == null) {
                    out.put(path, "missing value");
                }
            });
            return out;
        }
    }

    /**
     * @param systemParameters       merged over the defaults into MZ_SYSTEM_PARAMETER_DEFAULT
     * @param env                    extra environment variables, set last
     * @param args                   extra environmentd arguments, appended
     * @param forceMigrations        {@code --unsafe-force-builtin-schema-migration} mode (current image only); null = none
     * @param softAssertions         MZ_SOFT_ASSERTIONS; null = on
     * @param builtinReplicationFactor replicas of the mz_system and mz_probe clusters; null = 1
     * @param restart                in-container restart of environmentd; null = on-failure for a read-only start, else no
     * @param healthcheck            what a start waits for; null = leader-status for a read-only start, else sql
     * @param systemParameterVersion whose defaults to use; null = the oldest version the plan starts
     */
    record Materialize(Map<String, String> systemParameters, Map<String, String> env, List<String> args, String forceMigrations,
            Boolean softAssertions, Integer builtinReplicationFactor, Restart restart, Healthcheck healthcheck,
            Version systemParameterVersion) implements StartSettings {
        public static final List<String> MIGRATION_MODES = List.of("evolution", "replacement");

        public Materialize {
            systemParameters = systemParameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(systemParameters));
            env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
            args = args == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(args));
        }

        public Materialize withSystemParameterVersion(Version version) {
            return new Materialize(systemParameters, env, args, forceMigrations, softAssertions, builtinReplicationFactor, restart,
                    healthcheck, version);
        }

        @Override
        public List<String> describe() {
            List<String> out = new ArrayList<>();
            if (!systemParameters.isEmpty()) out.add("system-parameters: " + pairs(systemParameters, ";"));
            if (!env.isEmpty()) out.add("env: " + pairs(env, " "));
            if (!args.isEmpty()) out.add("args: " + String.join(" ", args));
            if (forceMigrations != null) out.add("force-migrations: " + forceMigrations);
            if (softAssertions != null) out.add("soft-assertions: " + softAssertions);
            if (builtinReplicationFactor != null) out.add("builtin-replication-factor: " + builtinReplicationFactor);
            if (restart != null) out.add("restart: " + restart.text());
            if (healthcheck != null) out.add("healthcheck: " + healthcheck.text());
            if (systemParameterVersion != null) out.add("system-parameter-version: " + systemParameterVersion);
            return out;
        }

        @Override
        public StartSettings inherited() {
            return new Materialize(systemParameters, env, args, forceMigrations, softAssertions, builtinReplicationFactor, null, null,
                    systemParameterVersion);
        }

        @Override
        public Map<String, String> problems() {
            Map<String, String> out = new LinkedHashMap<>();
            systemParameters.forEach((name, value) -> {
                if (name == null || !PARAMETER_NAME.matcher(name).matches()) {
                    out.put("system-parameters." + name, "'" + Printable.line(String.valueOf(name)) + "' is not a system parameter name (lower-case letters, digits, _)");
                } else if (value == null || value.contains(";")) {
                    out.put("system-parameters." + name, "a value must be given and cannot contain ';' (it separates the parameters)");
                }
            });
            env.forEach((name, value) -> {
                if (name == null || !ENV_NAME.matcher(name).matches()) {
                    out.put("env." + name, "'" + Printable.line(String.valueOf(name)) + "' is not an environment variable name");
                } else if (value == null) {
                    out.put("env." + name, "missing value");
                }
            });
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) == null || args.get(i).isEmpty()) out.put("args[" + i + "]", "an argument cannot be empty");
            }
            if (forceMigrations != null && !MIGRATION_MODES.contains(forceMigrations)) {
                out.put("force-migrations", "'" + Printable.line(forceMigrations) + "' is not one of " + String.join(", ", MIGRATION_MODES));
            }
            if (builtinReplicationFactor != null && (builtinReplicationFactor < 0 || builtinReplicationFactor > MAX_REPLICATION_FACTOR)) {
                out.put("builtin-replication-factor", builtinReplicationFactor + " is not from 0 to " + MAX_REPLICATION_FACTOR);
            }
            if (restart != null && restart.problem() != null) out.put("restart", restart.problem());
            return out;
        }
    }

    /**
     * {@code no} or {@code on-failure[:N]}: whether the container's entrypoint restarts environmentd when it exits
     * with an error (MZ_RESTART_ON_FAILURE), at most N times (MZ_RESTART_LIMIT).
     */
    record Restart(boolean onFailure, Integer limit) {
        public static final int MAX_LIMIT = 9999;
        private static final Pattern TEXT = Pattern.compile("no|on-failure(?::([0-9]{1,4}))?");

        public static Restart parse(String text) {
            var m = TEXT.matcher(text == null ? "" : text);
            if (!m.matches()) throw new IllegalArgumentException("'" + Printable.line(String.valueOf(text)) + "' is not no or on-failure[:N]");
            Restart r = text.equals("no") ? new Restart(false, null) : new Restart(true, m.group(1) == null ? null : Integer.valueOf(m.group(1)));
            if (r.problem() != null) throw new IllegalArgumentException(r.problem());
            return r;
        }

        public String text() {
            return !onFailure ? "no" : limit == null ? "on-failure" : "on-failure:" + limit;
        }

        String problem() {
            if (limit == null) return null;
            if (!onFailure) return "a restart limit needs on-failure";
            return limit < 1 || limit > MAX_LIMIT ? "the restart limit " + limit + " is not from 1 to " + MAX_LIMIT : null;
        }
    }

    /** What a start waits for: SQL answering, the readiness endpoint, or the leader API answering at all. */
    enum Healthcheck {
        @JsonProperty("sql") SQL("sql"),
        @JsonProperty("readyz") READYZ("readyz"),
        @JsonProperty("leader-status") LEADER_STATUS("leader-status");

        private final String text;

        Healthcheck(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public static Healthcheck parse(String text) {
            for (Healthcheck h : values()) {
                if (h.text.equals(text)) return h;
            }
            throw new IllegalArgumentException("'" + Printable.line(String.valueOf(text)) + "' is not sql, readyz or leader-status");
        }
    }

    private static String pairs(Map<String, String> map, String separator) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(map).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : separator).append(k).append('=').append(v));
        return sb.toString();
    }
}
