package dev.harness.runtime;

import java.nio.file.Path;

class ProcessRuntimeContractTest extends RuntimeContract {
    @Override
    Runtime open(Path dir) {
        return new ProcessRuntime(dir, false);
    }

    @Override
    String shellImage() {
        return null;
    }
}
