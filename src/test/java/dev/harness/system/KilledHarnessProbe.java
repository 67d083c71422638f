package dev.harness.system;

import dev.harness.runtime.RunId;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.postgres.PostgresDriver;
import java.nio.file.Path;

/**
 * A harness stand-in in its own JVM for {@link KilledHarnessTest}: starts a real PostgreSQL server through a
 * {@link ProcessRuntime}, says where and which, then waits to be killed.
 *
 * @param args run folder, scratch parent
 */
public final class KilledHarnessProbe {
    public static void main(String[] args) throws Exception {
        ProcessRuntime runtime = new ProcessRuntime(Path.of(args[0]), RunId.next("killed").value(), false, Path.of(args[1]));
        RunningService server = new PostgresDriver(runtime).start("db_1", "15.19", false);
        System.out.println("scratch " + runtime.scratchFolder());
        System.out.println("server " + server.id());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
