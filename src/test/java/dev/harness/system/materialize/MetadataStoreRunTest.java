package dev.harness.system.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Action;
import dev.harness.model.CheckResult;
import dev.harness.model.ExitCode;
import dev.harness.model.Plan;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.plan.Compiler;
import dev.harness.plan.PlanJson;
import dev.harness.run.Executor;
import dev.harness.run.ExecutorOptions;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.runtime.docker.DockerRuntime;
import dev.harness.runtime.docker.DockerRuntimeOptions;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.SqlEndpoint;
import dev.harness.system.SystemContext;
import dev.harness.testing.Await;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's restart_metadata_store (Materialize's RestartCockroach), replayed from its plan.json on real
 * containers: the metadata store is the declared PostgreSQL service {@code postgres-metadata} (the harness/postgres
 * image), set up before the first environmentd boots, killed and started by name between the phases, and reached by a
 * check with {@code on: postgres-metadata} and {@code ${postgres-metadata.…}}. Environmentd is {@link MaterializeStandIn}
 * (no Materialize image here), so the plan's SQL on it (configure, assert-version) is left out.
 */
@RequiresDocker
class MetadataStoreRunTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @TempDir
    Path logs;

    @Test
    void theStoreIsADeclaredServiceSetUpBeforeEnvironmentdAndRestartedByNameBetweenThePhases() throws Exception {
        Plan compiled = Compiler.compile(Loader.loadScenario(PROJECT.resolve("scenarios.d/materialize/restart_metadata_store.yaml")),
                Loader.loadChecks(List.of(PROJECT.resolve("src/test/resources/materialize/checks"))), MaterializeFixtures.config(),
                "materialize", "docker", 3);
        Plan plan = withoutSqlOnEnvironmentd(PlanJson.read(PlanJson.write(compiled))); // what run --plan replays
        String runId = "mzstore-" + UUID.randomUUID().toString().substring(0, 8);
        StandInMaterialize system = new StandInMaterialize();
        DockerRuntime runtime = new DockerRuntime(DockerRuntimeOptions.of(runId, logs));
        try (DockerProbe probe = new DockerProbe()) {
            try {
                RunResult r = new Executor(system, runtime, MaterializeFixtures.config(), ExecutorOptions.defaults()).run(plan, "test", null);
                assertEquals(ExitCode.OK, r.exitCode(), () -> r.steps() + "\n" + r.checks());
                CheckResult check = r.checks().get(0);
                assertEquals(Status.PASSED, check.status(), check::toString);
                List<String> titles = r.steps().stream().map(StepResult::title).toList();
                assertEquals("start postgres-metadata 15.19 (service, postgres)", titles.get(0));
                assertEquals(3, titles.stream().filter("kill postgres-metadata"::equals).count(), titles::toString);
                assertEquals(4, titles.stream().filter("start postgres-metadata 15.19 (service, postgres)"::equals).count(), titles::toString);
                assertEquals(List.of(Set.of("adapter", "consensus", "storage", "tsoracle")), system.schemasAtFirstBoot,
                        "the store's schemas exist when the first environmentd is handed to the runtime");
                String store = DockerProbe.read(runtime.logFile(MetadataStore.SERVICE));
                assertTrue(store.contains("database system was interrupted"), "the store recovered from its SIGKILLs:\n" + store);
                String mz = DockerProbe.read(runtime.logFile("mz_1"));
                assertTrue(mz.contains("metadata-store-reachable"), "environmentd's URLs name the running store:\n" + mz);
                assertTrue(r.logs().containsKey(MetadataStore.SERVICE), "the store's log is one of the run's: " + r.logs());
            } finally {
                runtime.close();
            }
            assertEquals(List.of(), probe.labelled(runId), "containers, volumes or network of the run left after close()");
        }
    }

    /** The stand-in answers no SQL and no HTTP: configure, assert-version and consistency of environmentd cannot run on it. */
    private static Plan withoutSqlOnEnvironmentd(Plan p) {
        List<Action> actions = p.actions().stream()
                .filter(a -> !(a instanceof Action.Configure || a instanceof Action.AssertVersion || a instanceof Action.Consistency)).toList();
        return new Plan(p.scenario(), p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(), p.current(),
                p.checks(), actions, p.settings(), p.services());
    }

    /**
     * TEST DOUBLE: Materialize with {@link MaterializeStandIn} as its server. Everything else is the real system, its
     * metadata-store setup included; it records the store's schemas at the moment the first server is specified.
     */
    private static final class StandInMaterialize implements DatabaseSystem {
        private final MaterializeSystem real = new MaterializeSystem();
        final List<Set<String>> schemasAtFirstBoot = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public ServiceSpec serviceSpec(Action.Start start, SystemContext ctx) {
            // (the run also asks for every spec before it starts anything, to find missing images: the store is not up then)
            var store = ctx.service(MetadataStore.SERVICE);
            if (store.isPresent() && schemasAtFirstBoot.isEmpty()) schemasAtFirstBoot.add(rootSchemas(store.get()));
            return MaterializeStandIn.of(real.serviceSpec(start, ctx));
        }

        @Override
        public void beforeStart(Action.Start start, SystemContext ctx) {
            real.beforeStart(start, ctx);
        }

        @Override
        public void awaitStarted(Action.Start start, RunningService service, SystemContext ctx) {
            Path log = ctx.runtime().orElseThrow().logFile(start.service());
            Await.until(start.service() + " checked the topology", () -> DockerProbe.read(log).contains("markers:"));
        }

        @Override
        public SqlEndpoint endpoint(RunningService service, boolean asSystem) {
            return real.endpoint(service, asSystem);
        }

        @Override
        public SqlEndpoint endpoint(RunningService service, dev.harness.model.Login login) {
            return real.endpoint(service, login);
        }

        @Override
        public List<String> configureStatements() {
            return real.configureStatements();
        }

        @Override
        public String versionQuery() {
            return real.versionQuery();
        }

        @Override
        public dev.harness.model.Version parseVersion(String reported) {
            return real.parseVersion(reported);
        }

        @Override
        public void awaitReadyToPromote(String service, SystemContext ctx) {
            real.awaitReadyToPromote(service, ctx);
        }

        @Override
        public dev.harness.system.ConsistencyReport checkConsistency(RunningService service, SystemContext ctx, java.time.Duration budget) {
            return real.checkConsistency(service, ctx, budget);
        }

        @Override
        public void promote(String service, SystemContext ctx) {
            real.promote(service, ctx);
        }

        private static Set<String> rootSchemas(RunningService store) {
            Properties root = new Properties();
            root.setProperty("user", "root");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + store.host() + ":" + store.port(MetadataStore.PORT) + "/root", root);
                    ResultSet rs = c.createStatement().executeQuery("SELECT nspname FROM pg_namespace WHERE nspowner = 'root'::regrole")) {
                Set<String> schemas = new TreeSet<>();
                while (rs.next()) schemas.add(rs.getString(1));
                return schemas;
            } catch (SQLException e) {
                return Set.of("not reachable: " + e.getMessage());
            }
        }
    }
}
