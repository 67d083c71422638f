package dev.harness.system;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import java.util.Optional;
import java.util.function.Consumer;

/** A {@link SystemContext} with nothing running, for describing a plan ({@code plan --details}). */
public record DescribingContext(Plan plan, HarnessConfig config, String runId) implements SystemContext {
    @Override
    public Optional<ServiceRuntime> runtime() {
        return Optional.empty();
    }

    @Override
    public Optional<RunningService> service(String name) {
        return Optional.empty();
    }

    @Override
    public Optional<String> leader() {
        return Optional.empty();
    }

    @Override
    public Consumer<String> log() {
        return m -> {};
    }
}
