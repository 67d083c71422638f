package dev.harness.cli;

import static dev.harness.cli.ValidateAndSchemaCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.cli.ValidateAndSchemaCommandTest.Run;
import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import dev.harness.model.Plan;
import dev.harness.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness plan}, {@code validate} and {@code run --plan} on a scenario that declares an upstream service. */
@ExtendWith(InProcessCli.class)
class DeclaredServicesCommandTest {
    private static final String SCENARIO = "src/test/resources/services/scenarios/upstream_restart.yaml";
    private static final String CHECKS = "src/test/resources/services/checks";

    @TempDir
    Path dir;

    @Test
    void planDetailsShowTheDeclaredServiceItsSettingsAndWhatItsStartsRun() {
        Run r = run("plan", SCENARIO, "--checks", CHECKS, "--seed", "1", "--details", "--runtime", "docker");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("\nservices (besides the system under test)\n  upstream postgres 15.19 wal_level=logical work_mem=7MB  " + SCENARIO + ":5\n"), out);
        assertTrue(out.matches("(?s).*\\n\\[ 1] start upstream 15\\.19 \\(service, postgres\\) +\\(implicit\\)  " + SCENARIO + ":5\\n"
                + "       service:     upstream \\(hostname and network alias\\)\\n       image:       harness/postgres:15\\.19\\n.*"), out);
        int db1 = out.indexOf("[ 2] start db_1 15.18");
        int kill = out.indexOf("] kill upstream");
        int restart = out.indexOf("] start upstream 15.19 (service, postgres)", kill);
        assertTrue(db1 > 0 && kill > db1 && restart > kill, out);
        assertTrue(out.indexOf("wal_level=logical", out.indexOf("[ 1]")) < db1, "the first start runs with the settings:\n" + out);
        // every PostgreSQL server runs with wal_level=logical (PostgresCommand); work_mem is the service's own
        assertTrue(!out.substring(db1, out.indexOf("[ 3]")).contains("work_mem=7MB"), "only the service gets its settings:\n" + out);
        assertTrue(out.indexOf("wal_level=logical", restart) > restart, "the restart runs with the settings too:\n" + out);
    }

    @Test
    void thePlanJsonCarriesTheServicesForAReplay() {
        Run r = run("plan", SCENARIO, "--checks", CHECKS, "--seed", "1", "--json");
        assertEquals(0, r.exit(), r.err());
        Plan plan = PlanJson.read(r.out());
        assertEquals("upstream postgres 15.19", plan.services().get(0).describe());
        assertEquals("logical", plan.services().get(0).settings().get("wal_level"));
    }

    @Test
    void validateRefusesACheckThatNamesAnUndeclaredServiceWithItsPosition() throws IOException {
        Path check = dir.resolve("c.yaml");
        Files.writeString(check, "check: c\ninitialize:\n  - sql: SELECT 1\n    on: upstream\nmanipulate: {1: [], 2: []}\nvalidate: []\n");
        Run r = run("plan", "scenarios.d/no_restart.yaml", "--checks", check.toString(), "--seed", "1");
        assertEquals(2, r.exit(), r.out());
        assertEquals(check + ":3:5: on: unknown service 'upstream': the scenario declares no services under 'services:'", r.err().strip());
    }

    @Test
    void materializePlanDetailsShowAPostgresUpstreamBesideTheMetadataStore() throws IOException {
        Path scenario = dir.resolve("mz.yaml");
        Files.writeString(scenario, "scenario: mz\nservices:\n  upstream: {system: postgres, settings: {wal_level: logical}}\nsteps:\n"
                + "  - start: {service: mz_1, version: last}\n  - kill: upstream\n  - start: upstream\n");
        Run r = run("plan", scenario.toString(), "--checks", CHECKS, "--system", "materialize", "--seed", "1", "--details");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("\nservices (besides the system under test)\n  postgres-metadata postgres 15.19 max_connections=500  (every materialize plan)\n"
                + "  upstream postgres 15.19 wal_level=logical  " + scenario + ":3\n"), out);
        int store = out.indexOf("[1] start postgres-metadata 15.19 (service, postgres)");
        int first = out.indexOf("[2] start upstream 15.19 (service, postgres)");
        assertTrue(store > 0 && first > store && out.indexOf("image:       harness/postgres:15.19", first) < out.indexOf("[3] start mz_1"), out);
        assertTrue(out.indexOf("wal_level=logical", first) < out.indexOf("[3] start mz_1"), out);
    }

    /** Materialize's metadata store is in plan.json like any declared service; a replayed Materialize plan without it is refused. */
    @Test
    void aMaterializePlanJsonCarriesItsMetadataStoreAndAReplayWithoutItIsRefused() throws IOException {
        Run r = run("plan", "scenarios.d/materialize/restart_metadata_store.yaml", "--system", "materialize", "--seed", "1", "--json");
        assertEquals(0, r.exit(), r.err());
        Plan plan = PlanJson.read(r.out());
        assertEquals("postgres-metadata postgres 15.19", plan.services().get(0).describe());
        assertEquals("start postgres-metadata 15.19 (service, postgres)", plan.actions().get(0).title());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        json.putArray("services");
        Path saved = Files.writeString(dir.resolve("plan.json"), json.toString());
        Run replay = run("run", "--plan", saved.toString(), "--out", dir.resolve("reports").toString(), "--no-color");
        assertEquals(ExitCode.INVALID_INPUT, replay.exit(), replay.out());
        assertTrue(replay.err().contains("services: a materialize plan declares its service postgres-metadata, this one does not"), replay.err());
    }

    /** The plan is the run's only input: a replay starts the services plan.json declares, whatever harness.yaml says now. */
    @Test
    void aReplayedPlanStartsItsDeclaredServices() throws IOException {
        Run planned = run("plan", SCENARIO, "--checks", CHECKS, "--seed", "1", "--json");
        assertEquals(0, planned.exit(), planned.err());
        Path saved = Files.writeString(dir.resolve("plan.json"), planned.out());
        // A live harness.yaml that declares upstream otherwise: without wal_level=logical the subscriptions would fail.
        Path config = Files.writeString(dir.resolve("harness.yaml"), "services:\n  upstream: {system: postgres, version: \"15.10\"}\n");
        Path out = Files.createDirectories(TempDirAccess.openToServerUser(dir).resolve("reports"));
        TempDirAccess.openToServerUser(out);
        int exit = Main.commandLine().execute("run", "--plan", saved.toString(), "--out", out.toString(), "--no-color", "--config", config.toString());
        assertEquals(ExitCode.OK, exit);
        try (var reports = Files.list(out)) {
            Path report = reports.filter(Files::isDirectory).findFirst().orElseThrow();
            String log = Files.readString(report.resolve("logs/upstream.log"));
            assertTrue(log.contains("database system was interrupted"), "the upstream was killed and restarted:\n" + log);
        }
    }
}
