package dev.harness.cli;

import dev.harness.model.HarnessConfig;
import dev.harness.report.Reporter;
import dev.harness.report.annotations.AnnotationsReporter;
import dev.harness.report.html.HtmlReporter;
import dev.harness.report.junit.JUnitOptions;
import dev.harness.report.junit.JUnitXmlReporter;
import dev.harness.run.ResultWriter;
import dev.harness.run.RunSession;
import dev.harness.runtime.RunId;
import dev.harness.runtime.docker.DockerRuntime;
import dev.harness.runtime.docker.DockerRuntimeOptions;
import dev.harness.runtime.process.ProcessRuntime;
import java.util.List;

/**
 * Picks the runtime and the reports of a run (systems: {@link Systems}). The one place to register a new
 * runtime or report format.
 */
final class Components {
    private Components() {}

    /**
     * @param keep    leave servers and volumes behind ({@code --keep})
     * @param runName what the run is ({@code <scenario>-<seed>}); every runtime the factory makes gets its own
     *                {@link RunId} from it, so runs of the same plan at the same time, or a rerun after a killed run,
     *                never share a container, volume or folder
     * @return a factory given the run's {@code logs/} folder
     */
    static RunSession.RuntimeFactory runtime(String name, HarnessConfig config, boolean keep, String runName) {
        return switch (name) {
            // The process runtime keeps logs/ under the folder it is given (the report folder), data in scratch.
            case "process" -> logs -> new ProcessRuntime(logs.getParent(), RunId.next(runName).value(), keep,
                    ProcessRuntime.defaultScratchParent());
            case "docker" -> logs -> new DockerRuntime(DockerRuntimeOptions.of(RunId.next(runName).value(), logs).withKeep(keep)
                    .withImagePolicy(DockerRuntimeOptions.policiesFrom(config)));
            default -> throw new IllegalArgumentException("unknown runtime " + name);
        };
    }

    static List<ResultWriter> reporters(JUnitOptions junit) {
        List<Reporter> reporters = List.of(new JUnitXmlReporter(junit), new HtmlReporter(), new AnnotationsReporter(junit.paths()));
        return reporters.stream().<ResultWriter>map(r -> r::write).toList();
    }
}
