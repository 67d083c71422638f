package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.ExitCode;
import dev.harness.model.Plan;
import dev.harness.model.StartSettings;
import dev.harness.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --details} and {@code plan --json} show every start setting; a setting of another system exits 2 with its position. */
class StartSettingsPlanTest {
    private static final String EXAMPLE = "docs/examples/start_settings_materialize.yaml";

    @Test
    void detailsShowEachStartsSettingsAndTheirEffectOnTheContainer() {
        CapturedRun r = CapturedRun.of("plan", "--details", "--system", "materialize", EXAMPLE, "--seed", "1");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        String out = r.out();
        int first = out.indexOf("start mz_1 v26.24.0");
        int second = out.indexOf("start mz_2 v26.25.0 (read-only, generation 1)");
        assertTrue(first > 0 && second > first, out);
        String mz1 = out.substring(first, second);
        String mz2 = out.substring(second);
        assertTrue(mz1.contains("start setting system-parameters: enable_rbac_checks=false\n"), mz1);
        assertTrue(mz1.contains("start setting env: MZ_LOG_FILTER=info\n"), mz1);
        assertTrue(mz1.contains("MZ_SOFT_ASSERTIONS=0\n"), mz1);
        assertTrue(mz1.contains("MZ_BOOTSTRAP_BUILTIN_PROBE_CLUSTER_REPLICATION_FACTOR=2\n"), mz1);
        assertTrue(mz1.contains(";enable_rbac_checks=false;"), mz1);
        assertTrue(mz2.contains("start setting healthcheck: leader-status\n"), mz2);
        assertTrue(mz2.contains("start setting system-parameter-version: v26.24.0\n"), mz2);
        assertTrue(mz2.contains("--unsafe-force-builtin-schema-migration=replacement\n"), mz2);
        assertTrue(mz2.contains("MZ_RESTART_LIMIT=5\n"), mz2);
    }

    @Test
    void jsonCarriesTheSettingsTypedOnEachStart() {
        CapturedRun r = CapturedRun.of("plan", "--json", "--system", "materialize", EXAMPLE, "--seed", "1");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        Plan plan = PlanJson.read(r.out());
        Action.Start candidate = plan.actions().stream().filter(a -> a instanceof Action.Start s && s.readOnly()).map(a -> (Action.Start) a)
                .findFirst().orElseThrow();
        StartSettings.Materialize settings = (StartSettings.Materialize) candidate.settings();
        assertEquals(new StartSettings.Restart(true, 5), settings.restart());
        assertEquals(StartSettings.Healthcheck.LEADER_STATUS, settings.healthcheck());
        assertEquals("replacement", settings.forceMigrations());
    }

    @Test
    void aMaterializeSettingOnPostgresExitsTwoNamingItsPosition(@TempDir Path dir) throws IOException {
        // The example says systems: [materialize]; without that line it reaches the start settings' own rule.
        String text = Files.readString(Path.of(EXAMPLE)).replace("systems: [materialize]\n", "");
        Path scenario = Files.writeString(dir.resolve("mz_settings.yaml"), text);
        CapturedRun r = CapturedRun.of("plan", "--system", "postgres", scenario.toString(), "--seed", "1");
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains(scenario + ":9:7: 'system-parameters' is a materialize start setting, but this plan's system is postgres"
                + " (its start accepts settings)"), r.err());
        assertTrue(r.err().contains(scenario + ":19:7: 'restart' is a materialize start setting"), r.err());
    }

    @Test
    void theExampleItselfIsRefusedOnPostgresAtItsSystemsKey() {
        CapturedRun r = CapturedRun.of("plan", "--system", "postgres", EXAMPLE, "--seed", "1");
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains(EXAMPLE + ":4:1: scenario start_settings_materialize runs on materialize only"), r.err());
    }
}
