package dev.harness.runtime;

import dev.harness.runtime.docker.DockerRuntimeOptions;
import dev.harness.runtime.docker.VolumeHelper;
import dev.harness.testing.RequiresDocker;
import java.nio.file.Path;
import java.util.UUID;

@RequiresDocker
class DockerRuntimeContractTest extends RuntimeContract {
    @Override
    Runtime open(Path dir) {
        return new DockerRuntime(DockerRuntimeOptions.of("contract-" + UUID.randomUUID().toString().substring(0, 8), dir));
    }

    @Override
    String shellImage() {
        return VolumeHelper.HELPER_IMAGE;
    }
}
