package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.SupportService;
import dev.harness.model.Version;
import dev.harness.runtime.ServiceSpec;
import dev.harness.system.DescribingContext;
import dev.harness.system.materialize.MetadataStore;
import dev.harness.system.registry.DatabaseSystems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a plan records is what its run gets back, whatever harness.yaml says by then. */
class PlanSettingsTest {
    @Test
    void theRunConfigComesFromThePlanNotFromTheLiveFile() {
        HarnessConfig compiledWith = ConfigOverrides.apply(Fixtures.config(), Map.of("postgres.binaries.15.18", "/opt/pg-15.18"));
        Plan plan = Compiler.compile(Fixtures.scenario().start("db_1", "current").allPhases().build(), List.of(), compiledWith, "postgres", "process", 1);
        HarnessConfig live = ConfigOverrides.apply(Fixtures.config(), Map.of(
                "timeouts.start", "1s", "timeouts.statement", "2s", "postgres.image", "elsewhere/pg:{version}",
                "postgres.binaries.15.19", "/opt/other", "postgres.current", "15.10", "materialize.image", "mine/mz:{version}"));

        HarnessConfig run = PlanSettings.runConfig(plan, live);

        assertEquals(compiledWith.effectiveTimeouts(), run.effectiveTimeouts());
        assertEquals(compiledWith.postgres().runSettings(), run.postgres().runSettings());
        assertEquals(plan.current(), run.current("postgres"));
        assertEquals(plan.versions(), run.catalog("postgres"));
        assertEquals("mine/mz:{version}", run.materialize().image(), "sections the plan does not record stay live");
    }

    /** Materialize runs beside a PostgreSQL metadata store: its image and version are the plan's too. */
    @Test
    void aMaterializePlanRecordsItsMetadataStoreSoAReplayIgnoresTheLivePostgresSection() {
        Plan plan = Compiler.compile(Fixtures.scenario().start("mz_1", "last").allPhases().build(), List.of(), Fixtures.config(),
                "materialize", "docker", 1);
        assertEquals("harness/postgres:{version}", plan.settings().get("postgres.image"));
        assertEquals("15.19", plan.settings().get("postgres.current"));
        HarnessConfig live = ConfigOverrides.apply(Fixtures.config(), Map.of("postgres.image", "elsewhere/pg:{version}", "postgres.current", "15.10"));

        HarnessConfig run = PlanSettings.runConfig(plan, live);

        SupportService declared = plan.supportService(MetadataStore.SERVICE).orElseThrow();
        assertEquals(new Version("15.19"), declared.version(), "the store runs the PostgreSQL current the plan was compiled with");
        ServiceSpec store = DatabaseSystems.create("postgres", run).declaredServiceSpec(declared, new DescribingContext(plan, run, "replay"));
        assertEquals("harness/postgres:15.19", store.image());
        assertEquals(new Version("15.19"), run.current("postgres"));
    }

    @Test
    void unsetTimeoutsComeFromTheOneSetOfDefaults() {
        HarnessConfig.Timeouts partial = new HarnessConfig.Timeouts(Duration.ofSeconds(5), null, null);
        assertEquals(new HarnessConfig.Timeouts(Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMinutes(10)), partial.orDefaults());
        HarnessConfig none = new HarnessConfig(null, null, List.of(), Version.parse("1.0"), null, Map.of(), null);
        assertEquals(HarnessConfig.Timeouts.DEFAULTS, none.effectiveTimeouts());
    }
}
