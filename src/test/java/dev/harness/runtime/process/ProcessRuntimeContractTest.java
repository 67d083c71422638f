package dev.harness.runtime.process;

import dev.harness.runtime.RuntimeContract;
import dev.harness.runtime.ServiceRuntime;
import java.nio.file.Path;

class ProcessRuntimeContractTest extends RuntimeContract {
    @Override
    protected ServiceRuntime open(Path dir) {
        return new ProcessRuntime(dir, false);
    }

    @Override
    protected String shellImage() {
        return null;
    }
}
