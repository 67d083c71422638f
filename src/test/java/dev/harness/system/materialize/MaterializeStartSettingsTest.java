package dev.harness.system.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.SourceRef;
import dev.harness.model.StartSettings;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.system.DescribingContext;
import dev.harness.system.TestSystemContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A start's own settings shape its container (environment, command line, restart) and what its start waits for. */
class MaterializeStartSettingsTest {
    final MaterializeSystem system = new MaterializeSystem(Duration.ofSeconds(2), Duration.ofMillis(20));
    final MaterializeLeaderApiStub stub = new MaterializeLeaderApiStub();

    @AfterEach
    void close() {
        stub.close();
    }

    private static Action.Start start(boolean readOnly, StartSettings settings) {
        return new Action.Start("mz_1", MaterializeFixtures.v("v26.6.0"), readOnly, readOnly ? 1 : null, settings,
                SourceRef.of("s.yaml", 3, 5), null);
    }

    private static StartSettings.Materialize settings(Map<String, String> params, Map<String, String> env, List<String> args,
            String forceMigrations, Boolean softAssertions, Integer builtinFactor, StartSettings.Restart restart,
            StartSettings.Healthcheck healthcheck, String parameterVersion) {
        return new StartSettings.Materialize(params, env, args, forceMigrations, softAssertions, builtinFactor, restart, healthcheck,
                parameterVersion == null ? null : MaterializeFixtures.v(parameterVersion));
    }

    private ServiceSpec spec(Action.Start start, HarnessConfig config) {
        Plan plan = MaterializeFixtures.zeroDowntimePlan();
        return system.serviceSpec(start, new DescribingContext(plan, config, MaterializeFixtures.RUN_ID));
    }

    private static Map<String, String> parameters(ServiceSpec spec) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String pair : spec.env().get("MZ_SYSTEM_PARAMETER_DEFAULT").split(";")) out.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        return out;
    }

    @Test
    void everySettingReachesTheContainer() {
        ServiceSpec spec = spec(start(false, settings(Map.of("max_connections", "7", "enable_rbac_checks", "false"), Map.of("MZ_LOG_FILTER", "debug"),
                List.of("--log-filter=info"), "replacement", false, 3, StartSettings.Restart.parse("on-failure:4"), null, null)),
                MaterializeFixtures.config());
        assertEquals("debug", spec.env().get("MZ_LOG_FILTER"));
        assertEquals("0", spec.env().get("MZ_SOFT_ASSERTIONS"));
        assertEquals("3", spec.env().get("MZ_BOOTSTRAP_BUILTIN_SYSTEM_CLUSTER_REPLICATION_FACTOR"));
        assertEquals("3", spec.env().get("MZ_BOOTSTRAP_BUILTIN_PROBE_CLUSTER_REPLICATION_FACTOR"));
        assertEquals("1", spec.env().get("MZ_RESTART_ON_FAILURE"));
        assertEquals("4", spec.env().get("MZ_RESTART_LIMIT"));
        assertEquals("on-failure", spec.restart());
        List<String> command = spec.command();
        assertTrue(command.contains("--unsafe-force-builtin-schema-migration=replacement"), command.toString());
        assertEquals("--log-filter=info", command.get(command.size() - 1), "extra arguments come last");
        Map<String, String> params = parameters(spec);
        assertEquals("7", params.get("max_connections"), "the start's parameter wins over harness.yaml's 5000");
        assertEquals("false", params.get("enable_rbac_checks"), "the start's parameter wins over the minimal set's true");
    }

    @Test
    void withoutSettingsTheDefaultsOfThePlatformChecksApply() {
        ServiceSpec writable = spec(start(false, null), MaterializeFixtures.config());
        assertEquals("1", writable.env().get("MZ_SOFT_ASSERTIONS"));
        assertEquals("1", writable.env().get("MZ_BOOTSTRAP_BUILTIN_SYSTEM_CLUSTER_REPLICATION_FACTOR"));
        assertFalse(writable.env().containsKey("MZ_RESTART_ON_FAILURE"));
        assertFalse(writable.env().containsKey("MZ_RESTART_LIMIT"));
        assertFalse(writable.command().stream().anyMatch(a -> a.startsWith("--unsafe-force-builtin-schema-migration")));
        ServiceSpec candidate = spec(start(true, null), MaterializeFixtures.config());
        assertEquals("1", candidate.env().get("MZ_RESTART_ON_FAILURE"));
        assertEquals("on-failure", candidate.restart());
        ServiceSpec noRestart = spec(start(true, settings(null, null, null, null, null, null, StartSettings.Restart.parse("no"), null, null)),
                MaterializeFixtures.config());
        assertFalse(noRestart.env().containsKey("MZ_RESTART_ON_FAILURE"), "restart: no overrides the candidate's default");
    }

    @Test
    void theEnvironmentOfAStartIsSetLastSoItCanReplaceTheHarnesss() {
        ServiceSpec spec = spec(start(false, settings(null, Map.of("MZ_DEPLOY_GENERATION", "1", "MZ_SOFT_ASSERTIONS", "0"), null, null, null,
                null, null, null, null)), MaterializeFixtures.config());
        assertEquals("1", spec.env().get("MZ_DEPLOY_GENERATION"));
        assertEquals("0", spec.env().get("MZ_SOFT_ASSERTIONS"));
    }

    @Test
    void replicationFactorAndModeComeFromTheConfiguration() {
        HarnessConfig config = MaterializeFixtures.config();
        config = config.withSection("materialize", config.materialize().with("replication-factor", "2").with("system-parameters-mode", "minimal"));
        ServiceSpec spec = spec(start(false, null), config);
        assertEquals("2", spec.env().get("MZ_BOOTSTRAP_DEFAULT_CLUSTER_REPLICATION_FACTOR"));
        Map<String, String> params = parameters(spec);
        assertEquals("2", params.get("default_cluster_replication_factor"));
        assertFalse(params.containsKey("persist_fast_path_limit"), "minimal adds none of the varied parameters");
        assertEquals("true", params.get("enable_rbac_checks"));
    }

    @Test
    void systemParameterVersionChoosesWhoseDefaultsAStartGets() {
        // The plan's oldest start is v26.4.0 (enable_frontend_subscribes false before v26.18); asking for v26.40.0 turns it on.
        assertEquals("false", parameters(spec(start(false, null), MaterializeFixtures.config())).get("enable_frontend_subscribes"));
        assertEquals("true", parameters(spec(start(false, settings(null, null, null, null, null, null, null, null, "v26.40.0")),
                MaterializeFixtures.config())).get("enable_frontend_subscribes"));
    }

    @Test
    void aReadyzHealthcheckWaitsForReadyzNotSql() {
        TestSystemContext ctx = new TestSystemContext(withStartTimeout(Duration.ofSeconds(1)), null, "materialize", "docker");
        RunningService service = new RunningService("mz_1", "127.0.0.1", Map.of(MaterializeSpecs.INTERNAL_HTTP_PORT, stub.port(),
                MaterializeSpecs.SQL_PORT, 1), "id", "start");
        Action.Start readyz = start(false, settings(null, null, null, null, null, null, null, StartSettings.Healthcheck.READYZ, null));
        var e = assertThrows(HarnessException.Infrastructure.class, () -> system.awaitStarted(readyz, service, ctx));
        assertTrue(e.getMessage().contains("/api/readyz on 6878 to answer 200"), e.getMessage());
        stub.ready = true;
        system.awaitStarted(readyz, service, ctx); // no SQL listens on port 1: only readyz can have passed it
        var sql = assertThrows(HarnessException.Infrastructure.class, () -> system.awaitStarted(start(false, null), service, ctx));
        assertTrue(sql.getMessage().contains("SQL on 6875 to answer"), sql.getMessage());
    }

    @Test
    void aLeaderStatusHealthcheckMakesAWritableStartWaitForTheLeaderApiOnly() {
        TestSystemContext ctx = new TestSystemContext(withStartTimeout(Duration.ofSeconds(1)), null, "materialize", "docker");
        RunningService service = new RunningService("mz_1", "127.0.0.1", Map.of(MaterializeSpecs.INTERNAL_HTTP_PORT, stub.port(),
                MaterializeSpecs.SQL_PORT, 1), "id", "start");
        system.awaitStarted(start(false, settings(null, null, null, null, null, null, null, StartSettings.Healthcheck.LEADER_STATUS, null)),
                service, ctx);
    }

    private static HarnessConfig withStartTimeout(Duration start) {
        HarnessConfig c = MaterializeFixtures.config();
        return c.withTimeouts(new HarnessConfig.Timeouts(Duration.ofSeconds(30), start, Duration.ofSeconds(30)));
    }
}
