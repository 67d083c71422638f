package dev.harness.system.materialize;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Login;
import dev.harness.model.Poll;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.system.ConsistencyReport;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.SqlEndpoint;
import dev.harness.system.SystemContext;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Materialize in Docker (see {@link MaterializeSpecs} for the container contract). Writable generations are
 * reached over SQL; a read-only candidate only through its deployment API until it is promoted, after which
 * the old leader exits by itself (fenced: exit 0), which is expected and not a failure.
 */
public final class MaterializeSystem implements DatabaseSystem {
    /** The platform checks' ConfigureMz statements, run as mz_system on 6877 once per environment. */
    public static final List<String> CONFIGURE = List.of(
            "ALTER SYSTEM SET max_tables = 1000",
            "ALTER SYSTEM SET max_sinks = 1000",
            "ALTER SYSTEM SET max_sources = 1000",
            "ALTER SYSTEM SET max_materialized_views = 1000",
            "ALTER SYSTEM SET max_objects_per_schema = 1000",
            "ALTER SYSTEM SET max_secrets = 1000",
            "ALTER SYSTEM SET max_clusters = 1000",
            "GRANT ALL PRIVILEGES ON SYSTEM TO materialize",
            "ALTER SYSTEM SET enable_rbac_checks TO false",
            "GRANT CREATE ON DATABASE materialize TO materialize",
            "GRANT CREATE ON SCHEMA materialize.public TO materialize",
            "GRANT CREATE ON CLUSTER quickstart TO materialize");


    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(300);

    private final Duration requestTimeout;
    private final Duration pollInterval;
    private volatile boolean metadataStoreInitialised;

    public MaterializeSystem() {
        this(Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    /** @param pollInterval pause between polls of the leader API and SQL while waiting */
    public MaterializeSystem(Duration requestTimeout, Duration pollInterval) {
        this.requestTimeout = requestTimeout;
        this.pollInterval = pollInterval;
    }

    @Override
    public String name() {
        return "materialize";
    }

    @Override
    public ServiceSpec serviceSpec(Action.Start start, SystemContext ctx) {
        return MaterializeSpecs.server(start, ctx.plan(), ctx.config(), ctx.runId());
    }

    /**
     * The metadata store's schemas must exist before the first environmentd boots. The store itself is a service of the
     * plan ({@code postgres-metadata}, started before the first step); its data outlives a kill, so once is enough.
     */
    @Override
    public void beforeStart(Action.Start start, SystemContext ctx) {
        if (metadataStoreInitialised || ctx.runtime().isEmpty()) return;
        RunningService store = ctx.service(MetadataStore.SERVICE).orElseThrow(() -> new HarnessException.Infrastructure(
                start.service(), "needs the metadata store " + MetadataStore.SERVICE + ", which is not running", null));
        ctx.log().accept("initialising the metadata store");
        MetadataStore.initialise(store, startTimeout(ctx.config()));
        metadataStoreInitialised = true;
    }

    @Override
    public void awaitStarted(Action.Start start, RunningService service, SystemContext ctx) {
        Duration timeout = startTimeout(ctx.config());
        // By default a read-only candidate (no SQL while read-only) has started once the internal HTTP server answers,
        // a writable start once SQL answers; a start may choose (start: {healthcheck: …}).
        switch (MaterializeSpecs.healthcheck(start)) {
            case LEADER_STATUS -> awaitTrue(start.service(), "its internal HTTP API on 6878 to answer", timeout, ctx,
                    leaderApi(service, ctx.log())::answers);
            case READYZ -> awaitTrue(start.service(), "/api/readyz on 6878 to answer 200", timeout, ctx, leaderApi(service, ctx.log())::ready);
            case SQL -> awaitSql(service, timeout, ctx);
        }
    }

    @Override
    public SqlEndpoint endpoint(RunningService service, boolean asSystem) {
        int port = service.port(asSystem ? MaterializeSpecs.INTERNAL_SQL_PORT : MaterializeSpecs.SQL_PORT);
        return new SqlEndpoint(url(service, port), asSystem ? "mz_system" : "materialize", null, SqlEndpoint.CONNECT_TIMEOUT, SOCKET_TIMEOUT);
    }

    /** Materialize reports server_version 9.5.0; timeouts keep a hung server from hanging the run. */
    private static String url(RunningService service, int port) {
        return "jdbc:postgresql://" + service.host() + ":" + port + "/materialize?sslmode=disable";
    }

    /**
     * The listener picks the port: {@code sql} the external SQL port (no authentication: the user is who it says),
     * {@code password} the password listener (6880), {@code sasl} the SASL/SCRAM listener (6881).
     */
    @Override
    public SqlEndpoint endpoint(RunningService service, Login login) {
        int port = service.port(switch (login.listener()) {
            case SQL -> MaterializeSpecs.SQL_PORT;
            case PASSWORD -> MaterializeSpecs.PASSWORD_SQL_PORT;
            case SASL -> MaterializeSpecs.SASL_SQL_PORT;
        });
        return new SqlEndpoint(url(service, port), login.user(), login.password(), SqlEndpoint.CONNECT_TIMEOUT, SOCKET_TIMEOUT);
    }

    @Override
    public List<String> configureStatements() {
        return CONFIGURE;
    }

    @Override
    public String versionQuery() {
        return "SELECT mz_version()";
    }

    /** {@code v0.78.0 (abc123)} -> {@code v0.78.0}. */
    @Override
    public Version parseVersion(String reported) {
        String trimmed = reported == null ? "" : reported.trim();
        int space = trimmed.indexOf(' ');
        String version = space < 0 ? trimmed : trimmed.substring(0, space);
        // A server reporting nonsense fails the run as infrastructure, not the harness as a bug.
        if (!Version.isVersion(version)) throw new HarnessException.Infrastructure(null, "unexpected mz_version(): " + reported, null);
        return Version.parse(version);
    }

    @Override
    public void awaitReadyToPromote(String service, SystemContext ctx) {
        leaderApi(running(service, ctx), ctx.log()).awaitStatus(LeaderApiClient.READY_TO_PROMOTE, promoteTimeout(ctx.config()));
    }

    /** POST promote, then wait for IsLeader (the candidate reboots as leader in between) and for SQL. */
    @Override
    public void promote(String service, SystemContext ctx) {
        RunningService candidate = running(service, ctx);
        LeaderApiClient api = leaderApi(candidate, ctx.log());
        api.promote();
        api.awaitStatus(LeaderApiClient.IS_LEADER, promoteTimeout(ctx.config()));
        awaitSql(candidate, promoteTimeout(ctx.config()), ctx);
    }

    /** The coordinator's check on the internal HTTP port: whatever it answers besides "nothing found" is a problem. */
    @Override
    public ConsistencyReport checkConsistency(RunningService service, SystemContext ctx, Duration budget) {
        String found = leaderApi(service, ctx.log()).coordinatorCheck(budget);
        return new ConsistencyReport(List.of(service.service() + ": /api/coordinator/check"),
                found == null ? List.of() : List.of("coordinator check: " + found));
    }

    LeaderApiClient leaderApi(RunningService service, Consumer<String> log) {
        URI base = URI.create("http://" + service.host() + ":" + service.port(MaterializeSpecs.INTERNAL_HTTP_PORT));
        return new LeaderApiClient(service.service(), base, requestTimeout, pollInterval, log);
    }

    private static RunningService running(String service, SystemContext ctx) {
        return ctx.service(service).orElseThrow(() -> new HarnessException.Infrastructure(service, "is not running", null));
    }

    private void awaitSql(RunningService service, Duration timeout, SystemContext ctx) {
        SqlEndpoint ep = endpoint(service, false);
        awaitTrue(service.service(), "SQL on 6875 to answer", timeout, ctx, () -> {
            try (Connection c = DriverManager.getConnection(ep.jdbcUrl(), ep.properties()); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return true;
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private void awaitTrue(String service, String what, Duration timeout, SystemContext ctx, java.util.function.BooleanSupplier ok) {
        Poll.every(pollInterval, timeout).await(service, () -> {
            if (ok.getAsBoolean()) return Poll.Look.done(true);
            if (ctx.runtime().isPresent() && !ctx.runtime().get().isRunning(service)) {
                throw new HarnessException.Infrastructure(service, "exited while waiting for " + what + "; see "
                        + ctx.runtime().get().logFile(service), null);
            }
            return Poll.Look.pending("not yet");
        }, expired -> new HarnessException.Infrastructure(service, "did not start: timed out after " + timeout.toSeconds() + "s waiting for " + what, null));
    }

    private static Duration startTimeout(HarnessConfig config) {
        return config.effectiveTimeouts().start();
    }

    private static Duration promoteTimeout(HarnessConfig config) {
        return config.effectiveTimeouts().promote();
    }
}
