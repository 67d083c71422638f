package dev.harness.cli;

import dev.harness.load.Loader;
import dev.harness.runtime.ServiceRuntime;
import java.nio.file.Path;

/**
 * A run killed mid-way, for {@link RerunAfterKillTest}: makes the Docker runtime the CLI would for run name
 * {@code args[1]}, leaves a file in its data volume, prints its run id and READY, then waits to be killed.
 */
public final class KilledRunChildMain {
    public static void main(String[] args) throws InterruptedException {
        ServiceRuntime runtime = Components.runtime("docker", Loader.loadConfig(null), false, args[1]).apply(Path.of(args[0]));
        runtime.writeFile("db_1-data", "marker", "written by the killed run");
        System.out.println("RUN " + runtime.runId());
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
