package dev.harness.system;

import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import java.util.Optional;
import java.util.function.Consumer;

/** What a system may see of the run it is part of. */
public interface SystemContext {
    Plan plan();

    HarnessConfig config();

    /** The runtime, or empty when only describing (plan --details). */
    Optional<ServiceRuntime> runtime();

    /** A started service by name, if running. */
    Optional<RunningService> service(String name);

    /** The service currently taking writes, if any. */
    Optional<String> leader();

    /** Unique id of this run (labels, environment ids, folder names). */
    String runId();

    /** Progress messages for harness.log and verbose console output. */
    Consumer<String> log();
}
