package dev.harness.runtime;

import dev.harness.runtime.process.ProcessRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A harness stand-in run in its own JVM: starts a process, says so, then waits to be interrupted. */
public final class ShutdownHookProbe {
    public static void main(String[] args) throws Exception {
        ProcessRuntime runtime = new ProcessRuntime(Path.of(args[0]), false);
        runtime.start(new ServiceSpec("svc", null, List.of("/bin/sh", "-c", "sleep 600 & exec sleep 600"), Map.of(), List.of(),
                Map.of("data", "/d"), "no", null));
        System.out.println("ready");
        System.out.println(runtime.volumesRoot());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
