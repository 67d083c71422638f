package dev.harness.system.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.Version;
import dev.harness.runtime.ServiceSpec;
import dev.harness.system.TestSystemContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The specs PostgresSystem hands to a runtime, and how it reads versions: no server needed. */
class PostgresSpecTest {
    final PostgresSystem system = new PostgresSystem(TestSystemContext.testConfig());

    static Action.Start start(String service, String version) {
        return new Action.Start(service, Version.parse(version), false, null, null, null);
    }

    @Test
    void dockerSpecFollowsTheImageContract() {
        var ctx = new TestSystemContext(TestSystemContext.testConfig(), null, "docker");
        ServiceSpec spec = system.serviceSpec(start("db_1", "15.19"), ctx);
        assertEquals("harness/postgres:15.19", spec.image());
        assertEquals(List.of(5432), spec.ports());
        assertEquals(Map.of("db_1-data", "/var/lib/postgresql/data"), spec.volumes());
        assertEquals("postgres", spec.user());
        assertEquals("/bin/sh", spec.command().get(0));
        // data folder, binaries, port, listen address: arguments of the start script, not part of it
        assertEquals(List.of("${volume:db_1-data}", "/opt/postgresql/bin", "${port:5432}", "0.0.0.0"), spec.command().subList(4, 8));
        String script = spec.command().get(2);
        assertTrue(script.contains("\"$bin/initdb\" -D \"$data\" -U postgres -A trust -E UTF8 --no-locale"), script);
        assertTrue(script.contains("exec \"$bin/postgres\" -D \"$data\" -p \"$port\" -h \"$listen\""), script);
        assertTrue(script.contains("host replication all all trust"), "standbys in other containers may connect");
        assertTrue(spec.command().contains("cluster_name=${start-id}"), "each start carries its own id: " + spec.command());
    }

    @Test
    void processSpecForAPlanOnlyPointsAtTheCacheWithoutFetching() {
        var ctx = new TestSystemContext(TestSystemContext.testConfig(), null, "process");
        ServiceSpec spec = system.serviceSpec(start("db_1", "15.10"), ctx);
        assertEquals(system.binaries().folder(Version.parse("15.10")).toString(), spec.image());
        String script = spec.command().get(2);
        assertEquals("127.0.0.1", spec.command().get(7));
        assertTrue(script.contains("-k ''"), script);
        int setting = spec.command().indexOf("wal_level=logical");
        assertEquals("-c", spec.command().get(setting - 1), spec.command().toString());
        // what checks.d/postgres needs of every server: two-phase commit (a standby needs its leader's value) and pg_stat_statements
        assertTrue(spec.command().contains("max_prepared_transactions=10"), spec.command().toString());
        assertTrue(spec.command().contains("shared_preload_libraries=pg_stat_statements"), spec.command().toString());
        assertFalse(script.contains("host all all all trust"), "a local server accepts loopback only");
    }

    /** The start's mode, not a signal file an earlier start left, decides whether the server boots as a standby. */
    @Test
    void theStartScriptGetsTheStartsModeAndOwnsTheStandbySignal() {
        var ctx = new TestSystemContext(TestSystemContext.testConfig(), null, "docker");
        Action.Start readOnly = new Action.Start("db_1", Version.parse("15.19"), true, 1, null, null);
        assertEquals("read-only", system.serviceSpec(readOnly, ctx).command().get(8));
        ServiceSpec writable = system.serviceSpec(start("db_1", "15.19"), ctx);
        assertEquals("writable", writable.command().get(8));
        String script = writable.command().get(2);
        assertTrue(script.contains("if [ \"$mode\" = read-only ]; then : > \"$data/standby.signal\"; else rm -f \"$data/standby.signal\"; fi"), script);
        assertTrue(script.indexOf("holds no cluster") < script.indexOf("initdb"), "a read-only start never makes a fresh cluster: " + script);
    }

    @Test
    void aStartsSettingsReplaceTheHarnesssOfTheSameNameAndEachIsOneArgument() {
        var ctx = new TestSystemContext(TestSystemContext.testConfig(), null, "docker");
        var settings = new dev.harness.model.StartSettings.Postgres(new java.util.LinkedHashMap<>(Map.of(
                "WAL_LEVEL", "logical", "work_mem", "64MB", "application_name", "x'; $(touch /tmp/pwned) #")));
        List<String> command = system.serviceSpec(new Action.Start("db_1", Version.parse("15.19"), false, null, settings, null, null), ctx).command();
        assertEquals(1, command.stream().filter(a -> a.toLowerCase(java.util.Locale.ROOT).startsWith("wal_level=")).count(), command.toString());
        assertTrue(command.contains("WAL_LEVEL=logical"), command.toString());
        assertEquals("-c", command.get(command.indexOf("work_mem=64MB") - 1));
        assertTrue(command.contains("application_name=x'; $(touch /tmp/pwned) #"), "one argv element, never shell text");
        assertTrue(command.contains("fsync=off"), "the harness's other settings stay");
        assertEquals("cluster_name=${start-id}", command.get(command.size() - 1), "the identity comes last, so nothing replaces it");
    }

    @Test
    void parsesServerVersions() {
        assertEquals("15.19", system.parseVersion("15.19").text());
        assertEquals("15.10", system.parseVersion("15.10").text());
        assertEquals("15.19", system.parseVersion("15.19 (Debian 15.19-1.pgdg120+1)").text());
        assertEquals("16", system.parseVersion("16beta1").text());
        assertEquals("SHOW server_version", system.versionQuery());
    }

    @Test
    void configureIsIdempotentSql() {
        List<String> statements = system.configureStatements();
        assertTrue(statements.get(0).startsWith("DO $$"), "CREATE ROLE guarded so a second configure succeeds");
        assertTrue(statements.stream().noneMatch(s -> s.startsWith("CREATE ") && !s.contains(" IF NOT EXISTS ")), statements.toString());
    }
}
