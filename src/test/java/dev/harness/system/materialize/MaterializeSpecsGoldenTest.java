package dev.harness.system.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.runtime.ServiceSpec;
import dev.harness.system.DescribingContext;
import dev.harness.system.ServiceSpecRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Materialize containers and SQL the harness would create, compared with reviewed golden files
 * (regenerate with -Dharness.updateGolden=true and review the diff).
 */
class MaterializeSpecsGoldenTest {
    final MaterializeSystem system = new MaterializeSystem();
    final DescribingContext ctx = new DescribingContext(MaterializeFixtures.zeroDowntimePlan(), MaterializeFixtures.config(), MaterializeFixtures.RUN_ID);

    @Test
    void zeroDowntimeContainerSpecs() throws IOException {
        golden("zero-downtime-specs.txt", String.join("\n", allSpecs()) + "\n");
    }

    @Test
    void configureSql() throws IOException {
        golden("configure.sql", String.join(";\n", system.configureStatements()) + ";\n");
    }

    @Test
    void generationsShareEnvironmentIdVolumeAndParametersButOnlyTheCandidateRestarts() {
        ServiceSpec leader = system.serviceSpec(MaterializeFixtures.start("mz_1", "v26.4.0", false, null, 1), ctx);
        ServiceSpec candidate = system.serviceSpec(MaterializeFixtures.start("mz_2", "v26.6.0", true, 1, 2), ctx);
        assertEquals(leader.command().get(1), candidate.command().get(1));
        assertTrue(leader.command().get(1).startsWith("--environment-id=mzcompose-us-east-1-"));
        assertEquals(leader.volumes(), candidate.volumes());
        assertEquals(leader.env().get("MZ_SYSTEM_PARAMETER_DEFAULT"), candidate.env().get("MZ_SYSTEM_PARAMETER_DEFAULT"));
        assertEquals("1", candidate.env().get("MZ_RESTART_ON_FAILURE"));
        assertFalse(leader.env().containsKey("MZ_RESTART_ON_FAILURE"));
        assertTrue(candidate.command().contains("--deploy-generation=1"));
        assertEquals("materialize/materialized:latest", candidate.image(), "current = the locally built image");
        assertEquals("materialize/materialized:v26.4.0", leader.image());
    }

    @Test
    void everyBootstrapReplicaSizeNamesASizeTheEnvironmentOffers() throws Exception {
        ServiceSpec leader = system.serviceSpec(MaterializeFixtures.start("mz_1", "v26.4.0", false, null, 1), ctx);
        var sizes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(leader.env().get("MZ_CLUSTER_REPLICA_SIZES"));
        long bootstrapVars = leader.env().entrySet().stream().filter(e -> e.getKey().matches("MZ_BOOTSTRAP_.*_CLUSTER_REPLICA_SIZE")).peek(e ->
                assertTrue(sizes.has(e.getValue()), e.getKey() + "=" + e.getValue() + " is not in MZ_CLUSTER_REPLICA_SIZES")).count();
        assertEquals(6, bootstrapVars, "default, system, probe, support, catalog server and analytics clusters");
        // DropCreateDefaultReplica and the checks create replicas of these sizes by name.
        for (String used : java.util.List.of("scale=1,workers=1", "scale=2,workers=4", "scale=4,workers=4")) assertTrue(sizes.has(used), used);
        sizes.fields().forEachRemaining(e -> {
            for (String key : java.util.List.of("workers", "scale", "credits_per_hour", "disabled", "is_cc", "memory_limit", "cpu_exclusive")) {
                assertTrue(e.getValue().has(key), e.getKey() + " lacks " + key);
            }
        });
        assertTrue(sizes.get("free").get("disabled").asBoolean());
    }

    @Test
    void parametersComeFromTheOldestVersionOfThePath() {
        assertEquals("false", MaterializeSystemParameters.minimal(MaterializeFixtures.v("v0.130.0")).get("enable_0dt_deployment_sources"));
        assertEquals("true", MaterializeSystemParameters.minimal(MaterializeFixtures.v("v0.132.0")).get("enable_0dt_deployment_sources"));
        var spec = system.serviceSpec(MaterializeFixtures.start("mz_1", "v26.4.0", false, null, 1), ctx);
        assertTrue(spec.env().get("MZ_SYSTEM_PARAMETER_DEFAULT").contains(";enable_cluster_controller=false;"),
                "the plan's oldest version v26.4.0 (not the candidate's v26.6.0) decides: before v26.29 the flag is pinned off");
    }

    @Test
    void versionIsParsedWithoutTheBuildHash() {
        assertEquals("v0.78.0", system.parseVersion("v0.78.0 (abc123)").text());
        assertEquals("SELECT mz_version()", system.versionQuery());
    }

    /** One spec per start action, in plan order (the metadata store is a PostgreSQL service of the plan, not Materialize's spec). */
    private java.util.List<String> allSpecs() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (dev.harness.model.Action a : ctx.plan().actions()) {
            if (!(a instanceof dev.harness.model.Action.Start start)) continue;
            String how = start.readOnly() ? "read-only candidate" : "writable";
            String gen = start.generation() == null ? "" : ", generation " + start.generation();
            out.add("start " + start.service() + " " + start.version() + " (" + how + gen + ") at " + start.source().fileLine() + ":");
            out.addAll(ServiceSpecRenderer.render(system.serviceSpec(start, ctx)));
        }
        return out;
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = Path.of(System.getProperty("harness.projectDir", "."), "src/test/resources/golden/materialize", name);
        if (Boolean.getBoolean("harness.updateGolden") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "golden file " + name + " differs (regenerate with -Dharness.updateGolden=true)");
    }
}
