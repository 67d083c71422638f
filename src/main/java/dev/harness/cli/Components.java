package dev.harness.cli;

import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.report.Reporter;
import dev.harness.run.RunSession;
import dev.harness.system.DatabaseSystem;
import java.util.List;

/**
 * Picks the implementations behind the names given by {@code --system}/{@code --runtime}/config.
 * The one place to register a new system, runtime or report.
 */
final class Components {
    private Components() {}

    static DatabaseSystem system(String name, HarnessConfig config) {
        // Connect here: "postgres" -> PostgresSystem (pgruntime branch), "materialize" -> MaterializeSystem (docker branch).
        throw new HarnessException.InvalidInput("system '" + name + "' is not available in this build");
    }

    /** @param keep leave servers and volumes behind ({@code --keep}) */
    static RunSession.RuntimeFactory runtime(String name, HarnessConfig config, boolean keep, String runId) {
        // Connect here: "process" -> ProcessRuntime (pgruntime branch), "docker" -> DockerRuntime (docker branch),
        // each given the logs folder the factory receives.
        throw new HarnessException.InvalidInput("runtime '" + name + "' is not available in this build");
    }

    /** junit.xml and report.html: connect JUnitXmlReporter and HtmlReporter here once the report branch lands. */
    static List<Reporter> reporters() {
        return List.of();
    }
}
