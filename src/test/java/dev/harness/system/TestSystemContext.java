package dev.harness.system;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The little an executor keeps that a system needs: running services and who leads. */
public final class TestSystemContext implements SystemContext {
    public final HarnessConfig config;
    public final ServiceRuntime runtime;
    public final Plan plan;
    public final Map<String, RunningService> services = new ConcurrentHashMap<>();
    public final List<String> messages = new ArrayList<>();
    public String leader;

    public TestSystemContext(HarnessConfig config, ServiceRuntime runtime, String runtimeName) {
        this(config, runtime, "postgres", runtimeName);
    }

    public TestSystemContext(HarnessConfig config, ServiceRuntime runtime, String system, String runtimeName) {
        this.config = config;
        this.runtime = runtime;
        this.plan = new Plan("test", null, null, system, runtimeName, 0, null, List.of(), null, List.of(), List.of(), Map.of());
    }

    /** The test catalog with other timeouts (e.g. a short promote timeout). */
    public static HarnessConfig withTimeouts(HarnessConfig.Timeouts timeouts) {
        HarnessConfig c = testConfig();
        return new HarnessConfig(c.system(), c.runtime(), c.versions(), c.current(), timeouts, c.materialize(), c.postgres(), c.source());
    }

    public static HarnessConfig testConfig() {
        List<Version> catalog = List.of(Version.parse("15.17"), Version.parse("15.18"), Version.parse("15.19"));
        return new HarnessConfig("postgres", "process", catalog, Version.parse("15.19"),
                new HarnessConfig.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)), null,
                new HarnessConfig.Postgres(List.of(), null, Map.of(), "harness/postgres:{version}", "missing"), null);
    }

    @Override
    public Plan plan() {
        return plan;
    }

    @Override
    public HarnessConfig config() {
        return config;
    }

    @Override
    public Optional<ServiceRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }

    @Override
    public Optional<RunningService> service(String name) {
        return Optional.ofNullable(services.get(name)).filter(s -> runtime == null || runtime.isRunning(name));
    }

    @Override
    public Optional<String> leader() {
        return Optional.ofNullable(leader);
    }

    @Override
    public String runId() {
        return "test";
    }

    @Override
    public Consumer<String> log() {
        return m -> {
            synchronized (messages) {
                messages.add(m);
            }
        };
    }
}
