package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.postgres.PostgresDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness asks a real server, not its process: serving, killed while its process looks alive, stopped. */
class LivenessTest {
    @TempDir
    Path tmp;

    private Path runDir;
    private ProcessRuntime runtime;
    private PostgresDriver pg;
    private RunningService db;

    @BeforeEach
    void start() {
        runDir = TempDirAccess.openToServerUser(tmp).resolve("run");
        runtime = new ProcessRuntime(runDir, false);
        pg = new PostgresDriver(runtime, Loader.loadConfig(null));
        db = pg.start("db", PlanBuilder.PG.toString(), false);
    }

    @AfterEach
    void stop() throws Exception {
        signal("CONT"); // a stopped server must be able to die
        runtime.close();
        assertEquals(List.of(), RunFolderProcesses.of(runtime, runDir), "server left running");
    }

    private Liveness liveness(java.util.function.Predicate<String> running, Duration patience) {
        return new Liveness(running, (service, asSystem) -> pg.system.endpoint(db, asSystem), Ticker.SYSTEM, patience);
    }

    private void signal(String name) throws Exception {
        // Quiet: after a test that killed the server there is nobody left to continue.
        new ProcessBuilder("kill", "-" + name, db.id()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    @Test
    void aServingServerIsAlive() throws Exception {
        assertNull(liveness(runtime::isRunning, Liveness.PATIENCE).whyDown("db"));
    }

    @Test
    void aServerWhoseProcessIsGoneIsDownWithoutAsking() throws Exception {
        runtime.kill("db");
        assertEquals("server process is not running", liveness(runtime::isRunning, Liveness.PATIENCE).whyDown("db"));
    }

    @Test
    void aKilledServerIsDownEvenWhileTheRuntimeStillSeesItsProcess() throws Exception {
        runtime.kill("db");
        String why = liveness(service -> true, Liveness.PATIENCE).whyDown("db");
        assertTrue(why != null && why.startsWith("a fresh connection failed: "), why);
    }

    @Test
    void aServerThatDoesNotAnswerWithinThePatienceIsDown() throws Exception {
        signal("STOP"); // the kernel still accepts the connection; nobody answers it
        String why = liveness(runtime::isRunning, Duration.ofSeconds(1)).whyDown("db");
        assertTrue(why != null && why.startsWith("server did not answer a fresh connection within 1 s"), why);
    }
}
