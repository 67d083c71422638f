package dev.harness.system.postgres;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Login;
import dev.harness.model.Poll;
import dev.harness.model.StartSettings;
import dev.harness.model.SupportService;
import dev.harness.model.Version;
import dev.harness.model.WaitNote;
import dev.harness.runtime.LogTail;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.ServiceSpec;
import dev.harness.runtime.SpecPlaceholders;
import dev.harness.system.ConsistencyReport;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.SqlEndpoint;
import dev.harness.system.SystemContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL as local processes or in Docker. Each service keeps its cluster in the volume
 * {@code <service>-data}; starting another version on it is a minor upgrade. A read-only candidate is a physical
 * standby of the leader, promoted with {@code pg_promote()}, after which the old leader is stopped (fenced); with no
 * other service leading (a preflight after the leader's kill) it is a standby on its own data.
 */
public final class PostgresSystem implements DatabaseSystem {
    public static final int PORT = 5432;
    public static final String SYSTEM_USER = "postgres";
    public static final String NORMAL_USER = "harness";
    /** Inside the image the Docker runtime builds: binaries under /opt/postgresql, data volume at the usual place. */
    static final String DOCKER_BIN = "/opt/postgresql/bin";
    static final String DOCKER_DATA = "/var/lib/postgresql/data";
    private static final Pattern SERVER_VERSION = Pattern.compile("^(\\d+(?:\\.\\d+)*)");
    private static final long POLL_MILLIS = 100;
    private static final int LOG_LINES = 20;
    private static final long PROBE_SECONDS = 10;
    /** How long a server that lost its port to another process gets to exit and say why. */
    private static final Duration FOREIGN_EXIT_WAIT = Duration.ofSeconds(5);

    private final HarnessConfig config;
    private final PostgresBinaries binaries;

    public PostgresSystem(HarnessConfig config) {
        this(config, new PostgresBinaries(PostgresBinaries.defaultCacheRoot(),
                config.postgres() == null ? Map.of() : config.postgres().binaries()));
    }

    public PostgresSystem(HarnessConfig config, PostgresBinaries binaries) {
        this.config = config;
        this.binaries = binaries;
    }

    @Override
    public String name() {
        return "postgres";
    }

    public PostgresBinaries binaries() {
        return binaries;
    }

    public static String dataVolume(String service) {
        return service + "-data";
    }

    @Override
    public ServiceSpec serviceSpec(Action.Start start, SystemContext ctx) {
        return spec(start.service(), start.version(), start.readOnly(), settings(start), ctx);
    }

    /** A declared service (an upstream server): a server like any other, with its settings as {@code -c} options. */
    @Override
    public ServiceSpec declaredServiceSpec(SupportService service, SystemContext ctx) {
        return spec(service.name(), service.version(), false, service.settings(), ctx);
    }

    /** Inside Docker's network a server reaches another by its service name; as processes, by loopback port. */
    @Override
    public Map<String, String> address(RunningService service, SystemContext ctx) {
        String host = docker(ctx) ? service.service() : service.host();
        String port = Integer.toString(docker(ctx) ? PORT : service.port(PORT));
        return Map.of("host", host, "port", port, "url", "postgresql://" + SYSTEM_USER + "@" + host + ":" + port + "/postgres");
    }

    private ServiceSpec spec(String service, Version version, boolean readOnly, Map<String, String> settings, SystemContext ctx) {
        String volume = dataVolume(service);
        String data = "${volume:" + volume + "}";
        String port = "${port:" + PORT + "}";
        if (docker(ctx)) {
            return new ServiceSpec(service, dockerImage(version),
                    PostgresCommand.argv(DOCKER_BIN, data, port, "0.0.0.0", true, SpecPlaceholders.START_ID, readOnly, settings),
                    Map.of(), List.of(PORT), Map.of(volume, DOCKER_DATA), "no", SYSTEM_USER);
        }
        // Describing only (plan --details): show where the binaries will be, fetch nothing.
        String folder = (ctx.runtime().isPresent() ? binaries.resolve(version) : binaries.folder(version)).toString();
        return new ServiceSpec(service, folder,
                PostgresCommand.argv(folder + "/bin", data, port, "127.0.0.1", false, SpecPlaceholders.START_ID, readOnly, settings),
                Map.of("LC_ALL", "C"), List.of(PORT), Map.of(volume, DOCKER_DATA), "no", null);
    }

    /** The start's own server settings ({@code start: {settings: …}}); none when it sets nothing. */
    private static Map<String, String> settings(Action.Start start) {
        return start.settings() instanceof StartSettings.Postgres pg ? pg.settings() : Map.of();
    }

    private static boolean docker(SystemContext ctx) {
        String rt = ctx.runtime().map(ServiceRuntime::name).orElseGet(() -> ctx.plan() == null ? "process" : ctx.plan().runtime());
        return "docker".equals(rt);
    }

    String dockerImage(Version v) {
        String pattern = config.postgres() == null || config.postgres().image() == null
                ? "harness/postgres:{version}" : config.postgres().image();
        return pattern.replace("{version}", v.bare());
    }

    /**
     * A read-only candidate is a standby: of the leader when one runs (a base backup of it replaces the candidate's
     * data), else of nothing, on its own data: a preflight, where the new version boots read-only on what the killed
     * leader of the same service left, replays its WAL and waits to be promoted or killed.
     */
    @Override
    public void beforeStart(Action.Start start, SystemContext ctx) {
        if (!start.readOnly()) return;
        ServiceRuntime runtime = ctx.runtime().orElseThrow(() -> new IllegalStateException("beforeStart needs a runtime"));
        String leader = ctx.leader().filter(l -> !l.equals(start.service())).orElse(null);
        if (leader == null) { // the candidate was the leader itself (killed before this start), or none ever led
            ctx.log().accept(start.service() + ": no other service leads; boots read-only on its own data");
            return;
        }
        RunningService leaderService = ctx.service(leader).orElseThrow(() -> new HarnessException.Infrastructure(start.service(),
                "its leader " + leader + " is not running", null));
        // The standby reaches the leader by service name inside Docker's network, by loopback port as a process.
        String host = docker(ctx) ? leader : leaderService.host();
        int port = docker(ctx) ? PORT : leaderService.port(PORT);
        String conninfo = "host=" + host + " port=" + port + " user=" + SYSTEM_USER + " application_name=" + start.service();
        StandbyCloner.clone(runtime, endpoint(leaderService, true), dataVolume(leader), dataVolume(start.service()),
                start.service(), conninfo, ctx.log());
    }

    /**
     * Waits until the server accepts SQL, and makes sure the server answering is the one this start launched: each
     * attempt is short (a silent listener on the port cannot hold it for long), a server that exits (e.g. it could
     * not bind its port) fails the start at once with its own last log lines, and one that answers must carry this
     * start's id.
     */
    @Override
    public void awaitStarted(Action.Start start, RunningService service, SystemContext ctx) {
        ServiceRuntime runtime = ctx.runtime().orElseThrow(() -> new IllegalStateException("awaitStarted needs a runtime"));
        Duration timeout = startTimeout();
        SQLException[] last = {null};
        poll(timeout).await(start.service(), () -> {
            if (!runtime.isRunning(start.service())) throw exitedDuringStart(runtime, start.service());
            try (Connection c = PgConnections.open(startProbe(service))) {
                requireStartedByThisStart(c, service, runtime);
                boolean recovering = "t".equals(PgConnections.queryText(c, "SELECT pg_is_in_recovery()"));
                if (recovering != start.readOnly()) {
                    throw new HarnessException.Infrastructure(start.service(), start.readOnly()
                            ? "started as a read-only candidate but is not a standby"
                            : "started writable but is in recovery (a recovery.signal left in its data?)", null);
                }
                return Poll.Look.done(true);
            } catch (SQLException e) {
                last[0] = e; // not accepting connections yet (starting up, or a standby not yet consistent)
                WaitNote.say("waiting for connections");
                return Poll.Look.pending(e.getMessage());
            }
        }, expired -> new HarnessException.Infrastructure(start.service(), "did not accept connections within "
                + timeout.toSeconds() + "s (" + expired.lastSeen() + "); last lines of its log:\n"
                + LogTail.of(runtime.logFile(start.service()), LOG_LINES), last[0]));
    }

    private static HarnessException.Infrastructure exitedDuringStart(ServiceRuntime runtime, String service) {
        return new HarnessException.Infrastructure(service, "server exited during start; last lines of "
                + runtime.logFile(service) + ":\n" + LogTail.of(runtime.logFile(service), LOG_LINES), null);
    }

    /**
     * Another process listening on the port (a stale server, or one that took the port since the last start) answers
     * instead of ours, which cannot bind it and exits: wait briefly for that exit so the error quotes its reason.
     */
    private static void requireStartedByThisStart(Connection c, RunningService service, ServiceRuntime runtime) throws SQLException {
        String identity = PgConnections.queryText(c, "SELECT current_setting('" + PostgresCommand.IDENTITY_SETTING + "')");
        if (identity != null && identity.equals(service.startId())) return;
        poll(FOREIGN_EXIT_WAIT).await(service.service(), () -> runtime.isRunning(service.service())
                ? Poll.Look.pending("running") : Poll.Look.done(true), expired -> foreignServer(service, identity, runtime));
        throw exitedDuringStart(runtime, service.service());
    }

    private static HarnessException.Infrastructure foreignServer(RunningService service, String identity, ServiceRuntime runtime) {
        return new HarnessException.Infrastructure(service.service(), "the server answering on " + service.host() + ":"
                + service.port(PORT) + " is not the one the harness started (" + PostgresCommand.IDENTITY_SETTING + " '" + identity
                + "', expected '" + service.startId() + "'): another process holds the port; last lines of its log:\n"
                + LogTail.of(runtime.logFile(service.service()), LOG_LINES), null);
    }

    /** For start-up polling: short timeouts, so a listener that accepts but never answers costs one attempt. */
    private static SqlEndpoint startProbe(RunningService service) {
        return new SqlEndpoint(url(service), SYSTEM_USER, null, Duration.ofSeconds(PROBE_SECONDS), Duration.ofSeconds(PROBE_SECONDS));
    }

    @Override
    public SqlEndpoint endpoint(RunningService service, boolean asSystem) {
        return new SqlEndpoint(url(service), asSystem ? SYSTEM_USER : NORMAL_USER, null, SqlEndpoint.CONNECT_TIMEOUT, socketTimeout());
    }

    /**
     * Every listener is the one port: PostgreSQL authenticates by pg_hba, and the harness's servers trust their clients
     * (initdb -A trust), so the login is the role named, whatever its password.
     */
    @Override
    public SqlEndpoint endpoint(RunningService service, Login login) {
        return new SqlEndpoint(url(service), login.user(), login.password(), SqlEndpoint.CONNECT_TIMEOUT, socketTimeout());
    }

    /** A statement may legitimately take its whole budget. */
    private Duration socketTimeout() {
        return statementTimeout().plusSeconds(30);
    }

    private static String url(RunningService service) {
        return "jdbc:postgresql://" + service.host() + ":" + service.port(PORT) + "/postgres";
    }

    /** The normal user, and amcheck for the consistency step (the bundled binaries and the images ship it). */
    @Override
    public List<String> configureStatements() {
        List<String> out = new java.util.ArrayList<>(List.of(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + NORMAL_USER + "') THEN CREATE ROLE "
                        + NORMAL_USER + " LOGIN; END IF; END $$",
                "ALTER ROLE " + NORMAL_USER + " LOGIN CREATEDB",
                "GRANT CREATE, TEMPORARY ON DATABASE postgres TO " + NORMAL_USER,
                "GRANT CREATE, USAGE ON SCHEMA public TO " + NORMAL_USER));
        out.addAll(AmcheckConsistency.CONFIGURE);
        return List.copyOf(out);
    }

    @Override
    public ConsistencyReport checkConsistency(RunningService service, SystemContext ctx, Duration budget) {
        return new AmcheckConsistency(endpoint(service, true), budget).check();
    }

    @Override
    public String versionQuery() {
        return "SHOW server_version";
    }

    /** The slots left for non-superusers: reserved_connections (16+) and the superuser slots are not theirs. */
    @Override
    public String freeConnectionsQuery() {
        return "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int"
                + " - coalesce(current_setting('reserved_connections', true)::int, 0)"
                + " - (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend')";
    }

    /** {@code 15.19}, {@code 15.19 (Debian 15.19-1.pgdg120+1)}, {@code 16beta1} -> 15.19, 15.19, 16. */
    @Override
    public Version parseVersion(String reported) {
        Matcher m = SERVER_VERSION.matcher(reported == null ? "" : reported.trim());
        if (!m.find()) throw new HarnessException.Infrastructure(null, "unexpected server_version: " + reported, null);
        return Version.parse(m.group(1));
    }

    /**
     * A standby of a leader is ready once it has replayed the leader's WAL up to where the leader was when asked. One
     * without a leader is ready once it accepts connections: a standby that starts on a crashed server's data opens
     * for reads only after replaying all the WAL it has.
     */
    @Override
    public void awaitReadyToPromote(String service, SystemContext ctx) {
        String leader = ctx.leader().filter(l -> !l.equals(service)).orElse(null);
        if (leader == null) {
            requireStandby(service, ctx);
            ctx.log().accept(service + ": no leader to catch up with; replayed its own WAL");
            return;
        }
        ServiceRuntime runtime = ctx.runtime().orElseThrow();
        SqlEndpoint standby = endpoint(running(service, ctx), true);
        Lsn target;
        try {
            target = Lsn.parse(PgConnections.queryText(endpoint(running(leader, ctx), true), "SELECT pg_current_wal_lsn()::text"));
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(leader, "cannot read the leader's WAL position: " + e.getMessage(), e);
        }
        Duration timeout = promoteTimeout();
        String replayed = poll(timeout).await(service, () -> {
            if (!runtime.isRunning(service)) {
                throw new HarnessException.Infrastructure(service, "standby exited while catching up; last lines of its log:\n"
                        + LogTail.of(runtime.logFile(service), LOG_LINES), null);
            }
            try {
                String lsn = PgConnections.queryText(standby, "SELECT pg_last_wal_replay_lsn()::text");
                WaitNote.say("waiting for replay to reach " + target + ", at " + lsn);
                return lsn != null && Lsn.parse(lsn).compareTo(target) >= 0 ? Poll.Look.done(lsn) : Poll.Look.pending(lsn);
            } catch (SQLException e) {
                return Poll.Look.pending(e.getMessage());
            }
        }, expired -> new HarnessException.Infrastructure(service, "did not catch up with " + leader + " (at " + target
                + ") within " + timeout.toSeconds() + "s; replayed " + expired.lastSeen() + "; last lines of its log:\n"
                + LogTail.of(runtime.logFile(service), LOG_LINES), null));
        ctx.log().accept(service + ": replayed " + replayed + " >= leader " + leader + " at " + target);
    }

    @Override
    public void promote(String service, SystemContext ctx) {
        ServiceRuntime runtime = ctx.runtime().orElseThrow();
        SqlEndpoint candidate = endpoint(running(service, ctx), true);
        String oldLeader = ctx.leader().filter(l -> !l.equals(service)).orElse(null);
        // pg_promote() ends recovery with whatever WAL has arrived: a standby that lags (a loaded machine) would
        // silently drop the leader's last commits. A promote step therefore awaits the catch-up itself.
        if (oldLeader != null && runtime.isRunning(oldLeader)) awaitReadyToPromote(service, ctx);
        try {
            String promoted = PgConnections.queryText(candidate, "SELECT pg_promote(true, " + promoteTimeout().toSeconds() + ")");
            if (!"t".equals(promoted)) {
                throw new HarnessException.Infrastructure(service, "pg_promote() did not finish within " + promoteTimeout().toSeconds()
                        + "s; last lines of its log:\n" + LogTail.of(runtime.logFile(service), LOG_LINES), null);
            }
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(service, "promotion failed: " + e.getMessage(), e);
        }
        if (oldLeader != null) fence(oldLeader, ctx, runtime);
        try {
            if (!"f".equals(PgConnections.queryText(candidate, "SELECT pg_is_in_recovery()"))) {
                throw new HarnessException.Infrastructure(service, "still in recovery after pg_promote()", null);
            }
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(service, "not answering after promotion: " + e.getMessage(), e);
        }
        ctx.log().accept(service + ": promoted" + (oldLeader == null ? "" : "; " + oldLeader + " stopped"));
    }

    /**
     * Stops the old leader so nothing writes to it any more. SIGTERM is PostgreSQL's "smart" shutdown, which waits
     * for client sessions to end: those are ended first so the shutdown is clean instead of running into the grace.
     */
    private void fence(String oldLeader, SystemContext ctx, ServiceRuntime runtime) {
        ctx.service(oldLeader).ifPresent(s -> {
            try {
                PgConnections.queryText(endpoint(s, true), "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
            } catch (SQLException e) {
                ctx.log().accept(oldLeader + ": could not end its sessions before stopping: " + e.getMessage());
            }
        });
        runtime.stop(oldLeader, Duration.ofSeconds(30));
    }

    private void requireStandby(String service, SystemContext ctx) {
        try {
            if (!"t".equals(PgConnections.queryText(endpoint(running(service, ctx), true), "SELECT pg_is_in_recovery()"))) {
                throw new HarnessException.Infrastructure(service, "is not a read-only standby", null);
            }
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(service, "not answering while awaiting ready: " + e.getMessage(), e);
        }
    }

    private static RunningService running(String service, SystemContext ctx) {
        return ctx.service(service).orElseThrow(() -> new HarnessException.Infrastructure(service, "is not running", null));
    }

    private Duration startTimeout() {
        return config.effectiveTimeouts().start();
    }

    private Duration promoteTimeout() {
        return config.effectiveTimeouts().promote();
    }

    private Duration statementTimeout() {
        return config.effectiveTimeouts().statement();
    }

    private static Poll poll(Duration timeout) {
        return Poll.every(Duration.ofMillis(POLL_MILLIS), timeout);
    }
}
