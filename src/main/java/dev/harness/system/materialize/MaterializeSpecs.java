package dev.harness.system.materialize;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.StartSettings;
import dev.harness.model.Version;
import dev.harness.runtime.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The container of one Materialize generation, after the platform checks' {@code Materialized} service: a shared
 * metadata store (consensus, timestamp oracle, adapter stash), a shared blob location on the shared
 * {@code mzdata} volume and one environment id for every generation of the run, so that a new generation
 * opens the catalog the previous one wrote.
 */
public final class MaterializeSpecs {
    public static final int SQL_PORT = 6875;
    public static final int HTTP_PORT = 6876;
    public static final int INTERNAL_SQL_PORT = 6877;
    public static final int INTERNAL_HTTP_PORT = 6878;
    /** The SQL listener with password authentication ({@code as: {listener: password}}). */
    public static final int PASSWORD_SQL_PORT = 6880;
    /** The SQL listener with SASL (SCRAM) authentication, v0.158 on ({@code as: {listener: sasl}}). */
    public static final int SASL_SQL_PORT = 6881;
    public static final List<Integer> PORTS = List.of(SQL_PORT, HTTP_PORT, INTERNAL_SQL_PORT, INTERNAL_HTTP_PORT, PASSWORD_SQL_PORT, SASL_SQL_PORT);
    public static final String MZDATA_VOLUME = "mzdata";
    public static final String MZDATA_PATH = "/mzdata";

    private MaterializeSpecs() {}

    /** The image of a version: {@code current} is the locally built image, others follow the image pattern. */
    public static String image(Version version, HarnessConfig config) {
        HarnessConfig.Materialize mz = config.materialize();
        Version current = config.current("materialize");
        if (current != null && version.sameAs(current) && mz.currentImage() != null) return mz.currentImage();
        return mz.image().replace("{version}", version.text());
    }

    /**
     * One id per run, shared by all generations (Materialize refuses a catalog of another environment). The uuid
     * is derived from the run id so a saved plan replays with the same id.
     */
    public static String environmentId(String runId) {
        UUID uuid = UUID.nameUUIDFromBytes(runId.getBytes(StandardCharsets.UTF_8));
        return "mzcompose-us-east-1-" + uuid + "-0";
    }

    public static ServiceSpec server(Action.Start start, Plan plan, HarnessConfig config, String runId) {
        StartSettings.Materialize settings = settings(start);
        List<String> command = new ArrayList<>(List.of(
                "--unsafe-mode",
                "--environment-id=" + environmentId(runId),
                "--persist-blob-url=file://" + MZDATA_PATH + "/persist/blob",
                "--persist-consensus-url=" + MetadataStore.url("consensus"),
                "--orchestrator-process-propagate-crashes",
                "--orchestrator-process-tcp-proxy-listen-addr=0.0.0.0",
                "--orchestrator-process-prometheus-service-discovery-directory=" + MZDATA_PATH + "/prometheus"));
        if (start.generation() != null) command.add("--deploy-generation=" + start.generation());
        // The compiler admits it on the current version only, whose image is the locally built one (as the original).
        if (settings.forceMigrations() != null) command.add("--unsafe-force-builtin-schema-migration=" + settings.forceMigrations());
        command.addAll(settings.args());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("MZ_NO_TELEMETRY", "1");
        env.put("MZ_NO_BUILTIN_CONSOLE", "1");
        env.put("MZ_EAT_MY_DATA", "1");
        env.put("MZ_TEST_ONLY_DUMMY_SEGMENT_CLIENT", "true");
        env.put("MZ_SOFT_ASSERTIONS", Boolean.FALSE.equals(settings.softAssertions()) ? "0" : "1");
        env.put("MZ_BOOTSTRAP_ROLE", "materialize");
        env.put("MZ_CATALOG_STORE", "persist");
        env.put("MZ_TIMESTAMP_ORACLE_URL", MetadataStore.url("tsoracle"));
        // Only read by versions before v0.92.0, harmless after: always set, as the platform checks do.
        env.put("MZ_ADAPTER_STASH_URL", MetadataStore.url("adapter"));
        env.put("MZ_NO_BUILTIN_POSTGRES", "1");
        env.put("MZ_NO_BUILTIN_COCKROACH", "1");
        env.put("MZ_INTERNAL_PERSIST_PUBSUB_LISTEN_ADDR", "0.0.0.0:6879");
        env.put("MZ_PERSIST_PUBSUB_URL", "http://127.0.0.1:6879");
        String builtinFactor = String.valueOf(settings.builtinReplicationFactor() == null ? 1 : settings.builtinReplicationFactor());
        env.put("MZ_BOOTSTRAP_BUILTIN_SYSTEM_CLUSTER_REPLICATION_FACTOR", builtinFactor);
        env.put("MZ_BOOTSTRAP_BUILTIN_PROBE_CLUSTER_REPLICATION_FACTOR", builtinFactor);
        env.put("MZ_BOOTSTRAP_DEFAULT_CLUSTER_REPLICATION_FACTOR", String.valueOf(config.materialize().effectiveReplicationFactor()));
        env.put("MZ_CLUSTER_REPLICA_SIZES", MaterializeReplicaSizes.json());
        for (String cluster : List.of("DEFAULT", "BUILTIN_SYSTEM", "BUILTIN_PROBE", "BUILTIN_SUPPORT", "BUILTIN_CATALOG_SERVER", "BUILTIN_ANALYTICS")) {
            env.put("MZ_BOOTSTRAP_" + cluster + "_CLUSTER_REPLICA_SIZE", MaterializeReplicaSizes.BOOTSTRAP);
        }
        env.put("MZ_AWS_CONNECTION_ROLE_ARN", "arn:aws:iam::123456789000:role/MaterializeConnection");
        env.put("MZ_AWS_EXTERNAL_ID_PREFIX", "eb5cb59b-e2fe-41f3-87ca-d2176a495345");
        env.put("MZ_SYSTEM_PARAMETER_DEFAULT", systemParameterDefault(plan, config, settings));
        StartSettings.Restart restart = restart(start, settings);
        if (restart.onFailure()) env.put("MZ_RESTART_ON_FAILURE", "1");
        if (restart.limit() != null) env.put("MZ_RESTART_LIMIT", restart.limit().toString());
        env.putAll(settings.env());

        return new ServiceSpec(start.service(), image(start.version(), config), List.copyOf(command), env, PORTS,
                Map.of(MZDATA_VOLUME, MZDATA_PATH), restart.onFailure() ? "on-failure" : "no", null);
    }

    /** The start's Materialize settings; all defaults when it sets nothing. */
    static StartSettings.Materialize settings(Action.Start start) {
        return start.settings() instanceof StartSettings.Materialize m ? m
                : new StartSettings.Materialize(null, null, null, null, null, null, null, null, null);
    }

    /**
     * A read-only candidate halts (exit 166) to reboot after DDL on the leader and after promotion, so by default the
     * image's entrypoint restarts environmentd in place; a writable start is not restarted unless it says so.
     */
    static StartSettings.Restart restart(Action.Start start, StartSettings.Materialize settings) {
        if (settings.restart() != null) return settings.restart();
        return new StartSettings.Restart(start.readOnly(), null);
    }

    /** What the start waits for: its own choice, else leader-status for a read-only candidate, SQL for a writable start. */
    static StartSettings.Healthcheck healthcheck(Action.Start start) {
        StartSettings.Healthcheck own = settings(start).healthcheck();
        if (own != null) return own;
        return start.readOnly() ? StartSettings.Healthcheck.LEADER_STATUS : StartSettings.Healthcheck.SQL;
    }

    /**
     * {@code k=v;k=v}: the defaults of the start's {@code system-parameter-version}, else of the OLDEST version started
     * in the plan (every generation gets the same set, so a new binary never enables a flag an older one in the path
     * does not know), in the configured mode (random draws from the plan's seed); then the default cluster's
     * replication factor, harness.yaml's {@code materialize.system-parameters} and the start's own on top.
     */
    public static String systemParameterDefault(Plan plan, HarnessConfig config, StartSettings.Materialize settings) {
        HarnessConfig.Materialize mz = config.materialize();
        Version version = settings.systemParameterVersion() != null ? settings.systemParameterVersion() : oldestStarted(plan);
        MaterializeSystemParameters.Mode mode = MaterializeSystemParameters.Mode.parse(mz.effectiveParametersMode());
        Map<String, String> params = new TreeMap<>(MaterializeSystemParameters.defaults(version, mode, plan.seed()));
        params.put("default_cluster_replication_factor", String.valueOf(mz.effectiveReplicationFactor()));
        if (mz.systemParameters() != null) params.putAll(mz.systemParameters());
        params.putAll(settings.systemParameters());
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    static Version oldestStarted(Plan plan) {
        Version oldest = null;
        for (Action a : plan.actions()) {
            if (a instanceof Action.Start s && (oldest == null || s.version().compareTo(oldest) < 0)) oldest = s.version();
        }
        return oldest != null ? oldest : plan.base();
    }
}
