package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.StartSettings;
import dev.harness.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-start settings: kept for the plan's system, refused for another at their position, carried by macros, replayed checked. */
class StartSettingsTest {
    @TempDir
    Path dir;

    private Plan compile(String system, String steps) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), "scenario: s\nsteps:\n" + steps);
        return Compiler.compile(Loader.loadScenario(file), List.of(), Fixtures.config(), system,
                system.equals("postgres") ? "process" : "docker", 7);
    }

    private List<String> problems(String system, String steps) {
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class, () -> compile(system, steps));
        return e.problems().stream().map(p -> p.where().line() + ":" + p.where().column() + ": " + p.message()).toList();
    }

    private static List<Action.Start> starts(Plan plan) {
        return plan.actions().stream().filter(a -> a instanceof Action.Start).map(a -> (Action.Start) a).toList();
    }

    private static final String PHASES = "  - initialize\n  - manipulate: 1\n  - manipulate: 2\n  - validate\n";

    @Test
    void postgresSettingsReachTheStartAction() throws IOException {
        Plan plan = compile("postgres", "  - start: {service: db, version: current, settings: {work_mem: 64MB, wal_level: logical}}\n" + PHASES);
        assertEquals(new StartSettings.Postgres(Map.of("work_mem", "64MB", "wal_level", "logical")), starts(plan).get(0).settings());
    }

    @Test
    void aStartWithoutSettingsCarriesNone() throws IOException {
        assertNull(starts(compile("postgres", "  - start: {service: db, version: current}\n" + PHASES)).get(0).settings());
    }

    @Test
    void aMaterializeKeyInAPostgresPlanIsRefusedAtTheKey() {
        assertEquals(List.of("3:44: 'env' is a materialize start setting, but this plan's system is postgres (its start accepts settings)"),
                problems("postgres", "  - start: {service: db, version: current, env: {A: b}}\n" + PHASES));
    }

    @Test
    void aPostgresKeyInAMaterializePlanIsRefusedAtTheKey() {
        List<String> p = problems("materialize", "  - start: {service: mz, version: current, settings: {work_mem: 1MB}}\n" + PHASES);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("3:44: 'settings' is a postgres start setting, but this plan's system is materialize (its start accepts system-parameters, env,"), p.get(0));
    }

    @Test
    void aSettingTheHarnessOwnsIsRefusedAtItsName() {
        assertEquals(List.of("6:18: start db: settings.port: port is set by the harness (port, listen address, identity and files are its own)"),
                problems("postgres", "  - start:\n      service: db\n      version: current\n      settings: {port: 1}\n" + PHASES));
        assertEquals(List.of("3:55: start db: settings.cluster_name: cluster_name is set by the harness (port, listen address, identity and"
                        + " files are its own)"),
                problems("postgres", "  - start: {service: db, version: current, settings: {cluster_name: x}}\n" + PHASES));
    }

    @Test
    void schemaMistakesInSettingsAreReportedAtTheirPosition() {
        List<String> p = problems("materialize", "  - start: {service: mz, version: current, restart: sometimes, env: {1BAD: x},"
                + " healthcheck: tcp, builtin-replication-factor: 17}\n" + PHASES);
        assertEquals(List.of("3:53: 'restart' must be no, on-failure or on-failure:N (N from 1 to 9999), found a string 'sometimes'",
                "3:70: key '1BAD' must be an environment variable name like MZ_LOG_FILTER",
                "3:93: 'healthcheck' must be sql, readyz or leader-status, found a string 'tcp'",
                "3:126: 'builtin-replication-factor' must be a whole number from 0 to 16, found the number 17"), p);
    }

    @Test
    void everyMaterializeSettingIsTypedOnTheStart() throws IOException {
        Plan plan = compile("materialize", """
                  - start:
                      service: mz
                      version: current
                      system-parameters: {enable_rbac_checks: false}
                      env: {MZ_LOG_FILTER: debug}
                      args: [--log-filter=info]
                      force-migrations: replacement
                      soft-assertions: false
                      builtin-replication-factor: 2
                      restart: on-failure:3
                      healthcheck: readyz
                      system-parameter-version: last
                """ + PHASES);
        assertEquals(new StartSettings.Materialize(Map.of("enable_rbac_checks", "false"), Map.of("MZ_LOG_FILTER", "debug"),
                List.of("--log-filter=info"), "replacement", false, 2, new StartSettings.Restart(true, 3), StartSettings.Healthcheck.READYZ,
                new Version("v26.3.0")), starts(plan).get(0).settings());
    }

    @Test
    void forcedMigrationsOnlyOnTheCurrentVersion() {
        assertEquals(List.of("3:41: start mz: force-migrations: only the current version (v26.4.0, its locally built image) can force"
                        + " migrations, not v26.3.0"),
                problems("materialize", "  - start: {service: mz, version: last, force-migrations: evolution}\n" + PHASES));
    }

    @Test
    void aReadOnlyCandidateCannotWaitForSql() {
        List<String> p = problems("materialize", "  - start: {service: mz, version: last}\n"
                + "  - start: {service: mz_2, version: current, read-only: true, generation: 1, healthcheck: sql}\n" + PHASES);
        assertEquals(List.of("4:78: start mz_2: healthcheck: sql cannot tell a read-only candidate started: it takes no SQL until it is promoted"), p);
    }

    @Test
    void anUnknownSystemParameterVersionIsRefusedAtTheKey() {
        List<String> p = problems("materialize", "  - start: {service: mz, version: current, system-parameter-version: v9.9.9}\n" + PHASES);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("3:44: system-parameter-version: "), p.get(0));
    }

    @Test
    void upgradeMacrosCarryTheServerSettingsButNotHowTheLeaderWasStarted() throws IOException {
        Plan restart = compile("postgres", "  - start: {service: db, version: last, settings: {wal_level: logical}}\n  - initialize\n"
                + "  - upgrade: {to: current, via: restart}\n  - manipulate: 1\n  - manipulate: 2\n  - validate\n");
        assertEquals(List.of(Map.of("wal_level", "logical"), Map.of("wal_level", "logical")),
                starts(restart).stream().map(s -> ((StartSettings.Postgres) s.settings()).settings()).toList());

        Plan zeroDowntime = compile("materialize", "  - start: {service: mz_1, version: last, env: {A: b}, restart: on-failure:2,"
                + " healthcheck: readyz}\n  - initialize\n  - upgrade: {to: current, via: zero-downtime}\n  - manipulate: 1\n"
                + "  - manipulate: 2\n  - validate\n");
        StartSettings.Materialize candidate = (StartSettings.Materialize) starts(zeroDowntime).get(1).settings();
        assertEquals(Map.of("A", "b"), candidate.env());
        assertNull(candidate.restart(), "a candidate restarts on failure by default; the leader's writable policy is not its");
        assertNull(candidate.healthcheck());
    }

    @Test
    void anExplicitStartSetsOnlyWhatItWrites() throws IOException {
        Plan plan = compile("postgres", "  - start: {service: db, version: last, settings: {wal_level: logical}}\n  - initialize\n"
                + "  - kill: db\n  - start: {service: db, version: current}\n  - manipulate: 1\n  - manipulate: 2\n  - validate\n");
        assertNull(starts(plan).get(1).settings(), "only the macros take over the leader's settings");
    }

    @Test
    void settingsSurviveAPlanJsonRoundTrip() throws IOException {
        Plan pg = compile("postgres", "  - start: {service: db, version: current, settings: {work_mem: 64MB}}\n" + PHASES);
        assertEquals(pg, PlanJson.read(PlanJson.write(pg)));
        Plan mz = compile("materialize", "  - start: {service: mz, version: current, restart: on-failure:3, healthcheck: leader-status,"
                + " soft-assertions: false, args: [--x], system-parameter-version: oldest}\n" + PHASES);
        assertEquals(mz, PlanJson.read(PlanJson.write(mz)));
        assertTrue(PlanJson.write(mz).contains("\"healthcheck\" : \"leader-status\""), PlanJson.write(mz));
    }

    @Test
    void aReplayedPlanRefusesARecordedMaterializeSettingOutOfRange() throws IOException {
        Plan mz = compile("materialize", "  - start: {service: mz, version: current}\n" + PHASES);
        assertEquals("1", mz.settings().get("materialize.replication-factor"), "the plan records the factor it was compiled with");
        assertEquals("default", mz.settings().get("materialize.system-parameters-mode"));
        String json = PlanJson.write(mz);
        assertTrue(message(json.replace("\"materialize.replication-factor\" : \"1\"", "\"materialize.replication-factor\" : \"99\""))
                .contains("settings[\"materialize.replication-factor\"]: "), json);
        assertTrue(message(json.replace("\"materialize.system-parameters-mode\" : \"default\"", "\"materialize.system-parameters-mode\" : \"chaos\""))
                .contains("settings[\"materialize.system-parameters-mode\"]: "), json);
    }

    @Test
    void aTamperedReplayIsRefusedNamingTheField() throws IOException {
        Plan pg = compile("postgres", "  - start: {service: db, version: current, settings: {work_mem: 64MB}}\n" + PHASES);
        String reserved = PlanJson.write(pg).replace("\"work_mem\"", "\"listen_addresses\"");
        assertTrue(message(reserved).contains("actions[0].settings.settings.listen_addresses: listen_addresses is set by the harness"), message(reserved));
        String foreign = PlanJson.write(pg).replace("\"system\" : \"postgres\",\n      \"settings\"", "\"system\" : \"materialize\",\n      \"env\"");
        assertTrue(message(foreign).contains("actions[0].settings: materialize settings in a postgres plan"), message(foreign));

        // actions[0] of a Materialize plan starts its metadata store
        Plan mz = compile("materialize", "  - start: {service: mz, version: current, restart: on-failure:3, force-migrations: evolution}\n" + PHASES);
        String zeroLimit = PlanJson.write(mz).replace("\"limit\" : 3", "\"limit\" : 0");
        assertTrue(message(zeroLimit).contains("actions[1].settings.restart: the restart limit 0 is not from 1 to 9999"), message(zeroLimit));
        String oldVersion = PlanJson.write(mz).replaceFirst("\"version\" : \"v26.4.0\"", "\"version\" : \"v26.3.0\"");
        assertTrue(message(oldVersion).contains("actions[1].settings.force-migrations: only the current version"), message(oldVersion));
        String badMode = PlanJson.write(mz).replace("\"evolution\"", "\"$(rm -rf /)\"");
        assertTrue(message(badMode).contains("actions[1].settings.force-migrations: '$(rm -rf /)' is not one of evolution, replacement"), message(badMode));
    }

    private static String message(String json) {
        return assertThrows(HarnessException.InvalidInput.class, () -> PlanJson.read(json, "plan.json")).getMessage();
    }

    @Test
    void detailsShowTheSettingsAndTheCommandLine() throws IOException {
        Plan plan = compile("postgres", "  - start: {service: db, version: current, settings: {work_mem: 64MB}}\n" + PHASES);
        String printed = new PlanPrinter((p, s) -> new ArrayList<>(List.of("spec of " + s.service()))).print(plan);
        assertTrue(printed.contains("start setting settings: work_mem=64MB\n"), printed);
    }

}
