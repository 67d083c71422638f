package dev.harness.system.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.SourceRef;
import dev.harness.model.StartSettings;
import dev.harness.report.Golden;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The system-parameter defaults as data: gated on the oldest version of the path, in the configured mode. */
class MaterializeSystemParametersTest {
    private static final StartSettings.Materialize NONE = new StartSettings.Materialize(null, null, null, null, null, null, null, null, null);

    /** A plan whose oldest start is {@code oldest} and whose seed is {@code seed}. */
    private static Plan plan(String oldest, long seed) {
        Plan p = MaterializeFixtures.zeroDowntimePlan();
        List<Action> actions = List.of(new Action.Start("mz_1", MaterializeFixtures.v(oldest), false, null, SourceRef.of("s.yaml", 3, 5), null));
        return new Plan(p.scenario(), p.description(), p.scenarioFile(), p.system(), p.runtime(), seed, p.base(), p.versions(), p.current(),
                p.checks(), actions, p.settings());
    }

    private static HarnessConfig config(String mode) {
        HarnessConfig c = MaterializeFixtures.config();
        HarnessConfig.Materialize mz = c.materialize();
        HarnessConfig.Materialize plain = new HarnessConfig.Materialize(mz.versions(), mz.current(), mz.image(), mz.currentImage(),
                mz.imagePolicy(), Map.of(), null, mode);
        return c.withSection("materialize", plain);
    }

    @Test
    void mzSystemParameterDefaultForThreeVersions() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String version : List.of("v0.130.0", "v26.20.0", "v26.40.0")) {
            out.append("# oldest version of the path ").append(version).append(", system-parameters-mode default\n");
            out.append("MZ_SYSTEM_PARAMETER_DEFAULT=").append(MaterializeSpecs.systemParameterDefault(plan(version, 1), config("default"), NONE))
                    .append("\n");
        }
        out.append("# v26.40.0, system-parameters-mode minimal\nMZ_SYSTEM_PARAMETER_DEFAULT=")
                .append(MaterializeSpecs.systemParameterDefault(plan("v26.40.0", 1), config("minimal"), NONE)).append("\n");
        Golden.assertMatches("materialize/system-parameter-defaults.txt", out.toString().replace(";", ";\n  "));
    }

    @Test
    void theVersionGatesFollowTheFacts() {
        Map<String, String> old = MaterializeSystemParameters.defaults(MaterializeFixtures.v("v0.130.0"), MaterializeSystemParameters.Mode.DEFAULT, 1);
        Map<String, String> mid = MaterializeSystemParameters.defaults(MaterializeFixtures.v("v26.30.0"), MaterializeSystemParameters.Mode.DEFAULT, 1);
        Map<String, String> latest = MaterializeSystemParameters.defaults(MaterializeFixtures.v("v26.40.0"), MaterializeSystemParameters.Mode.DEFAULT, 1);
        assertEquals("true", old.get("enable_compute_active_dataflow_cancelation"), "before v0.163.0-dev only");
        assertFalse(latest.containsKey("enable_compute_active_dataflow_cancelation"));
        assertEquals("false", old.get("enable_cluster_controller"));
        assertEquals("true", mid.get("enable_cluster_controller"), "on from v26.29 until its removal in v26.38");
        assertFalse(latest.containsKey("enable_cluster_controller"));
        assertEquals("false", old.get("persist_gc_use_active_gc"), "newer than v0.127.0-dev but not than v0.143.0-dev");
        assertEquals("true", latest.get("persist_gc_use_active_gc"));
        assertEquals("false", latest.get("enable_case_literal_transform"), "a varied parameter's default replaces the minimal value");
        assertEquals("true", MaterializeSystemParameters.minimal(MaterializeFixtures.v("v26.40.0")).get("enable_case_literal_transform"));
        assertEquals("", latest.get("statement_logging_max_data_credit"), "an empty default stays empty, as the original passes it");
        assertEquals("1.0", latest.get("statement_logging_default_sample_rate"), "values are read as text, never as numbers");
    }

    @Test
    void randomModeDrawsFromTheRunsSeedAmongEachParametersValues() {
        HarnessConfig random = config("random");
        String one = MaterializeSpecs.systemParameterDefault(plan("v26.40.0", 1), random, NONE);
        assertEquals(one, MaterializeSpecs.systemParameterDefault(plan("v26.40.0", 1), random, NONE), "the same seed, the same parameters");
        assertNotEquals(one, MaterializeSpecs.systemParameterDefault(plan("v26.40.0", 2), random, NONE), "another seed, other parameters");
        assertNotEquals(one, MaterializeSpecs.systemParameterDefault(plan("v26.40.0", 1), config("default"), NONE));
        for (long seed = 0; seed < 20; seed++) {
            Map<String, String> p = MaterializeSystemParameters.defaults(MaterializeFixtures.v("v26.40.0"), MaterializeSystemParameters.Mode.RANDOM, seed);
            assertEquals("false", p.get("persist_use_critical_since_snapshot"), "a parameter with one value always gets it");
            assertTrue(List.of("1", "2", "8", "16").contains(p.get("persist_source_fetch_concurrency")), p.toString());
        }
    }

    @Test
    void theConfigurationRefusesAModeOrFactorItDoesNotKnow() {
        HarnessConfig.Materialize mz = HarnessConfig.Materialize.DEFAULTS;
        assertEquals("'sometimes' is not default, minimal, random",
                assertThrows(IllegalArgumentException.class, () -> mz.with("system-parameters-mode", "sometimes")).getMessage());
        assertEquals("17 is not from 0 to 16", assertThrows(IllegalArgumentException.class, () -> mz.with("replication-factor", "17")).getMessage());
        assertEquals(1, mz.effectiveReplicationFactor());
        assertEquals("default", mz.effectiveParametersMode());
        assertEquals(Map.of("image", "materialize/materialized:{version}", "current-image", "materialize/materialized:latest",
                "image-policy", "missing", "replication-factor", "2", "system-parameters-mode", "random"),
                mz.with("replication-factor", "2").with("system-parameters-mode", "random").runSettings(), "a plan records both");
    }
}
