package dev.harness.runtime.docker;

import dev.harness.runtime.RuntimeContract;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.testing.RequiresDocker;
import java.nio.file.Path;
import java.util.UUID;

@RequiresDocker
class DockerRuntimeContractTest extends RuntimeContract {
    @Override
    protected ServiceRuntime open(Path dir) {
        return new DockerRuntime(DockerRuntimeOptions.of("contract-" + UUID.randomUUID().toString().substring(0, 8), dir));
    }

    @Override
    protected String shellImage() {
        return VolumeHelper.HELPER_IMAGE;
    }
}
