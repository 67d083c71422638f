package dev.harness.system.materialize;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.SourceRef;
import dev.harness.model.SupportService;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A zero-downtime plan and the checkout's harness.yaml values, for Materialize spec tests. */
final class MaterializeFixtures {
    static final String RUN_ID = "golden-run";

    private MaterializeFixtures() {}

    static HarnessConfig config() {
        List<Version> mz = List.of(v("v26.1.0"), v("v26.2.0"), v("v26.3.0"), v("v26.4.0"), v("v26.5.0"));
        return new HarnessConfig("materialize", "docker", mz, v("v26.6.0"),
                new HarnessConfig.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(600)),
                new HarnessConfig.Materialize(mz, v("v26.6.0"), "materialize/materialized:{version}", "materialize/materialized:latest",
                        "missing", Map.of("max_connections", "5000")),
                new HarnessConfig.Postgres(List.of(v("15.17"), v("15.18"), v("15.19")), v("15.19"), Map.of(), "harness/postgres:{version}", "never"),
                SourceRef.NONE);
    }

    static Action.Start start(String service, String version, boolean readOnly, Integer generation, int line) {
        return new Action.Start(service, v(version), readOnly, generation, SourceRef.of("scenarios.d/zero_downtime.yaml", line, 5), null);
    }

    static Plan zeroDowntimePlan() {
        List<Action> actions = List.of(
                start("mz_1", "v26.4.0", false, null, 4),
                start("mz_2", "v26.6.0", true, 1, 6),
                new Action.Promote("mz_2", SourceRef.of("scenarios.d/zero_downtime.yaml", 8, 5), null));
        return new Plan("zero_downtime", "0dt", "scenarios.d/zero_downtime.yaml", "materialize", "docker", 42, v("v26.4.0"),
                config().materialize().versions(), v("v26.6.0"), List.of(), actions, Map.of(), List.of(metadataStore()));
    }

    /** The metadata store as a Materialize plan declares it: PostgreSQL of the postgres section's current version. */
    static SupportService metadataStore() {
        return new SupportService(MetadataStore.SERVICE, "postgres", v("15.19"), Map.of("max_connections", "500"), SourceRef.NONE);
    }

    static Version v(String text) {
        return Version.parse(text);
    }
}
