package dev.harness.system.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.docker.DockerRuntime;
import dev.harness.runtime.docker.DockerRuntimeOptions;
import dev.harness.testing.Await;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgresSystem on DockerRuntime with real containers from the locally built harness/postgres images
 * (scripts/build-images.sh 15.18 15.19). The servers run as postgres on named volumes; a standby runs in a second
 * container and reaches its leader by service name on the run's network.
 */
@RequiresDocker
class PostgresOnDockerTest {
    @TempDir
    Path logs;

    String runId;
    DockerRuntime runtime;
    DockerProbe probe;
    PostgresDriver pg;

    @BeforeEach
    void setUp() {
        runId = "pgtest-" + UUID.randomUUID().toString().substring(0, 8);
        runtime = new DockerRuntime(DockerRuntimeOptions.of(runId, logs));
        probe = new DockerProbe();
        pg = new PostgresDriver(runtime);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            runtime.close();
            assertEquals(List.of(), probe.labelled(runId), "containers, volumes or network of the run left after close()");
        } finally {
            probe.close();
        }
    }

    @Test
    void rowsSurviveASigkillAndRestartOnTheSameVolume() {
        RunningService s = pg.start("db_1", "15.18", false);
        assertEquals("127.0.0.1", s.host());
        pg.exec(s, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1), (2)");
        pg.kill("db_1");
        assertFalse(runtime.isRunning("db_1"));

        RunningService again = pg.start("db_1", "15.18", false);
        assertNotEquals(s.id(), again.id(), "a new container on the kept volume");
        assertNotEquals(s.startId(), again.startId(), "every start has its own id");
        assertEquals(again.startId(), pg.querySystem(again, "SHOW cluster_name"), "the server carries its start's id");
        assertEquals("2", pg.query(again, "SELECT count(*) FROM t"));
        assertEquals("postgres", probe.docker.inspectContainerCmd(again.id()).exec().getConfig().getUser(),
                "PostgreSQL refuses root: the container runs as the image's postgres user");
        // The container's output reaches the log through a follower thread: wait for it rather than race it.
        Await.until("the restart's recovery lines reach the kept log", () -> DockerProbe.read(runtime.logFile("db_1"))
                .split("database system is ready to accept connections", -1).length - 1 == 2);
        String log = DockerProbe.read(runtime.logFile("db_1"));
        assertTrue(log.contains("database system was interrupted"), "crash recovery after the kill is in the kept log:\n" + log);
    }

    @Test
    void aMinorUpgradeRunsTheNewImageOnTheSameVolume() {
        RunningService s = pg.start("db_1", "15.18", false);
        assertEquals(Version.parse("15.18"), pg.serverVersion(s));
        pg.exec(s, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)");
        pg.kill("db_1");
        s = pg.start("db_1", "15.19", false);
        assertEquals(Version.parse("15.19"), pg.serverVersion(s));
        assertEquals("1", pg.query(s, "SELECT count(*) FROM t"));
    }

    @Test
    void aStandbyInASecondContainerCatchesUpAndIsPromotedWhileTheOldLeaderIsFenced() {
        RunningService leader = pg.start("db_1", "15.18", false);
        pg.exec(leader, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)");
        RunningService standby = pg.start("db_2", "15.19", true);
        assertEquals("t", pg.query(standby, "SELECT pg_is_in_recovery()"));
        assertTrue(pg.querySystem(standby, "SHOW primary_conninfo").contains("host=db_1 port=5432"),
                "the standby reaches the leader by its service name");
        pg.exec(leader, false, "INSERT INTO t SELECT generate_series(2, 1000)"); // written after the base backup

        pg.awaitReadyToPromote("db_2");
        assertEquals("1000", pg.query(standby, "SELECT count(*) FROM t"));
        var readOnly = assertThrows(AssertionError.class, () -> pg.exec(standby, false, "INSERT INTO t VALUES (0)"));
        assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());

        pg.promote("db_2");
        assertFalse(runtime.isRunning("db_1"), "old leader fenced");
        assertEquals("f", pg.query(standby, "SELECT pg_is_in_recovery()"));
        pg.exec(standby, false, "INSERT INTO t VALUES (1001)");
        assertEquals(Version.parse("15.19"), pg.serverVersion(standby));
        assertEquals("1001", pg.query(standby, "SELECT count(*) FROM t"));
        assertTrue(DockerProbe.read(runtime.logFile("db_1")).contains("database system is shut down"), "fenced by a clean shutdown");
    }

    /** Materialize's preflight scenarios: current boots read-only on the killed leader's volume; rollback and promotion. */
    @Test
    void aPreflightBootsReadOnlyOnTheKilledLeadersVolumeThenRollsBackAndThenIsPromoted() {
        RunningService old = pg.start("db_1", "15.18", false);
        pg.exec(old, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)");
        pg.kill("db_1");
        RunningService candidate = pg.start("db_1", "15.19", true);
        pg.awaitReadyToPromote("db_1");
        assertEquals("1", pg.query(candidate, "SELECT count(*) FROM t"));
        pg.kill("db_1");

        RunningService rolledBack = pg.start("db_1", "15.18", false);
        assertEquals("f", pg.query(rolledBack, "SELECT pg_is_in_recovery()"), "a writable start boots writable");
        pg.exec(rolledBack, false, "INSERT INTO t VALUES (2)");
        pg.kill("db_1");

        RunningService promoted = pg.start("db_1", "15.19", true);
        pg.awaitReadyToPromote("db_1");
        pg.promote("db_1");
        pg.exec(promoted, false, "INSERT INTO t VALUES (3)");
        assertEquals(Version.parse("15.19"), pg.serverVersion(promoted));
        assertEquals("3", pg.query(promoted, "SELECT count(*) FROM t"));
    }

    @Test
    void aServerThatDiesAtStartIsAnInfrastructureErrorQuotingItsLastWords() {
        pg.start("db_1", "15.18", false);
        pg.kill("db_1");
        runtime.writeFile(PostgresSystem.dataVolume("db_1"), "postgresql.auto.conf", "shared_buffers = 'banana'\n");
        for (int attempt = 1; attempt <= 5; attempt++) { // the container's last lines must be in the log every time
            var e = assertThrows(HarnessException.Infrastructure.class, () -> pg.start("db_1", "15.18", false));
            assertEquals("db_1", e.service());
            // Seen by PostgresSystem while awaiting (exited during start) or by the runtime while reading its ports (exited
            // right after start): either way the message quotes the server's complaint.
            assertTrue(e.getMessage().contains("exited") && e.getMessage().contains("banana"), e.getMessage());
        }
    }

    @Test
    void aServerAnsweringOnAnotherStartsPortIsNotTakenForIt() {
        RunningService ours = pg.start("db_1", "15.19", false);
        RunningService other = pg.start("db_2", "15.19", false);
        RunningService mixedUp = new RunningService("db_1", ours.host(), other.ports(), ours.id(), ours.startId());
        Action.Start start = new Action.Start("db_1", Version.parse("15.19"), false, null, null, null);
        var e = assertThrows(HarnessException.Infrastructure.class, () -> pg.system.awaitStarted(start, mixedUp, pg.ctx));
        assertEquals("db_1", e.service());
        assertTrue(e.getMessage().contains("is not the one the harness started"), e.getMessage());
    }
}
