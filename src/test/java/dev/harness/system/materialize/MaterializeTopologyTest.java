package dev.harness.system.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.ServiceSpec;
import dev.harness.runtime.docker.DockerRuntime;
import dev.harness.runtime.docker.DockerRuntimeOptions;
import dev.harness.system.SystemContext;
import dev.harness.system.registry.DatabaseSystems;
import dev.harness.testing.Await;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Materialize topology with real containers: metadata store with its schemas, run network, shared mzdata
 * volume, two generations — with {@link MaterializeStandIn} in place of the server.
 */
@RequiresDocker
class MaterializeTopologyTest {
    @TempDir Path logs;

    record RunContext(Plan plan, HarnessConfig config, ServiceRuntime rt, String runId, Map<String, RunningService> running) implements SystemContext {
        public Optional<ServiceRuntime> runtime() {
            return Optional.of(rt);
        }

        public Optional<RunningService> service(String name) {
            return Optional.ofNullable(running.get(name));
        }

        public Optional<String> leader() {
            return Optional.empty();
        }

        public Consumer<String> log() {
            return m -> {};
        }
    }

    @Test
    void metadataStoreAndTwoGenerationsShareNetworkStoreAndVolume() throws Exception {
        String runId = "mz-" + UUID.randomUUID().toString().substring(0, 8);
        MaterializeSystem mz = new MaterializeSystem();
        Plan plan = MaterializeFixtures.zeroDowntimePlan();
        try (DockerRuntime runtime = new DockerRuntime(DockerRuntimeOptions.of(runId, logs)); DockerProbe probe = new DockerProbe()) {
            RunContext ctx = new RunContext(plan, MaterializeFixtures.config(), runtime, runId, new HashMap<>());
            // the store as every Materialize plan declares it: a PostgreSQL service of the real harness/postgres image
            ServiceSpec storeSpec = DatabaseSystems.create("postgres", ctx.config()).declaredServiceSpec(MaterializeFixtures.metadataStore(), ctx);
            ctx.running().put(MetadataStore.SERVICE, runtime.start(storeSpec));

            Action.Start first = (Action.Start) plan.actions().get(0);
            mz.beforeStart(first, ctx);
            RunningService store = ctx.running().get(MetadataStore.SERVICE);
            Properties root = new Properties();
            root.setProperty("user", "root");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + store.port(MetadataStore.PORT) + "/root", root);
                    ResultSet rs = c.createStatement().executeQuery("SELECT nspname FROM pg_namespace WHERE nspowner = 'root'::regrole")) {
                Set<String> schemas = new TreeSet<>();
                while (rs.next()) schemas.add(rs.getString(1));
                assertEquals(Set.of("adapter", "consensus", "storage", "tsoracle"), schemas);
            }
            mz.beforeStart(first, ctx); // idempotent on a second start

            ServiceSpec leaderSpec = mz.serviceSpec(first, ctx);
            ctx.running().put("mz_1", runtime.start(MaterializeStandIn.of(leaderSpec)));
            Await.until("mz_1 checked the topology", () -> DockerProbe.read(runtime.logFile("mz_1")).contains("markers:"));
            Action.Start candidate = (Action.Start) plan.actions().get(1);
            RunningService mz2 = runtime.start(MaterializeStandIn.of(mz.serviceSpec(candidate, ctx)));
            Await.until("mz_2 checked the topology", () -> DockerProbe.read(runtime.logFile("mz_2")).contains("markers:"));

            String log1 = DockerProbe.read(runtime.logFile("mz_1"));
            String log2 = DockerProbe.read(runtime.logFile("mz_2"));
            assertTrue(log1.contains("metadata-store-reachable"), log1);
            assertTrue(log2.contains("metadata-store-reachable") && log2.contains("markers: mz_1 mz_2"), "mzdata is shared: " + log2);

            InspectContainerResponse c = probe.docker.inspectContainerCmd(mz2.id()).exec();
            assertEquals("mz_2", c.getConfig().getHostName());
            assertEquals("on-failure", c.getHostConfig().getRestartPolicy().getName());
            assertTrue(List.of(c.getConfig().getEnv()).contains("MZ_RESTART_ON_FAILURE=1"));
            assertEquals(runtime.resources().volume("mzdata"), c.getMounts().get(0).getName());
            assertEquals(Set.of(6875, 6876, 6877, 6878, 6880, 6881), mz2.ports().keySet());
        }
    }
}
