package dev.harness.runtime.docker;

import dev.harness.runtime.ServiceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A harness-like child process for the cleanup tests: opens a DockerRuntime for run {@code args[0]}, starts a
 * container with a volume, prints READY and waits to be interrupted (Ctrl-C) or killed.
 */
public final class RuntimeChildMain {
    public static void main(String[] args) throws InterruptedException {
        DockerRuntime runtime = new DockerRuntime(DockerRuntimeOptions.of(args[0], Path.of(args[1])));
        runtime.start(new ServiceSpec("child", DockerRuntimeTest.BASE, List.of("sleep", "infinity"), Map.of(), List.of(7000),
                Map.of("state", "/state"), "no", null));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
