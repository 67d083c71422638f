package dev.harness.runtime.docker;

import dev.harness.model.HarnessConfig;
import dev.harness.model.SystemSection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a {@link dev.harness.runtime.DockerRuntime} is set up.
 *
 * @param runId       labels and names every resource of the run
 * @param logDir      where {@code <service>.log} files go
 * @param keep        leave containers, volumes and the network in place at close (--keep)
 * @param imagePolicy image -> when to pull it
 * @param pullTimeout bound on a pull; short, because no registry may be reachable
 * @param dockerHost  engine address, or null for DOCKER_HOST / the default unix socket
 * @param log         progress messages (harness.log)
 */
public record DockerRuntimeOptions(
        String runId,
        Path logDir,
        boolean keep,
        Function<String, ImagePolicy> imagePolicy,
        Duration pullTimeout,
        String dockerHost,
        Consumer<String> log) {

    public static DockerRuntimeOptions of(String runId, Path logDir) {
        return new DockerRuntimeOptions(runId, logDir, false, image -> ImagePolicy.MISSING, Duration.ofSeconds(15), null, m -> {});
    }

    public DockerRuntimeOptions withKeep(boolean k) {
        return new DockerRuntimeOptions(runId, logDir, k, imagePolicy, pullTimeout, dockerHost, log);
    }

    public DockerRuntimeOptions withImagePolicy(Function<String, ImagePolicy> p) {
        return new DockerRuntimeOptions(runId, logDir, keep, p, pullTimeout, dockerHost, log);
    }

    public DockerRuntimeOptions withDockerHost(String host) {
        return new DockerRuntimeOptions(runId, logDir, keep, imagePolicy, pullTimeout, host, log);
    }

    public DockerRuntimeOptions withLog(Consumer<String> l) {
        return new DockerRuntimeOptions(runId, logDir, keep, imagePolicy, pullTimeout, dockerHost, l);
    }

    /**
     * The image policies of harness.yaml: a system's images (its pattern, or a fixed image such as Materialize's
     * current image) follow its section's {@code image-policy}; the locally built helper
     * base image is never pulled; anything else is pulled when missing.
     */
    public static Function<String, ImagePolicy> policiesFrom(HarnessConfig config) {
        return image -> {
            if (image.equals(VolumeHelper.HELPER_IMAGE)) return ImagePolicy.NEVER;
            for (SystemSection section : config.sections().values()) {
                for (String pattern : section.images()) {
                    if (matches(image, pattern)) return ImagePolicy.parse(section.imagePolicy());
                }
            }
            return ImagePolicy.MISSING;
        };
    }

    private static boolean matches(String image, String pattern) {
        if (pattern == null) return false;
        int at = pattern.indexOf("{version}");
        if (at < 0) return image.equals(pattern);
        return image.startsWith(pattern.substring(0, at)) && image.endsWith(pattern.substring(at + "{version}".length()));
    }
}
