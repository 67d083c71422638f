package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.CheckResult;
import dev.harness.model.ExitCode;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.plan.Compiler;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.docker.DockerRuntime;
import dev.harness.runtime.docker.DockerRuntimeOptions;
import dev.harness.testing.DockerProbe;
import dev.harness.testing.RequiresDocker;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario that declares an upstream PostgreSQL (wal_level=logical) beside the system under test, on real servers
 * with both runtimes: checks write rows upstream with {@code on: upstream}, the system under test subscribes to them
 * through {@code ${upstream.host}}/{@code ${upstream.port}} and {@code ${upstream.url}}, and a step kills and restarts
 * the upstream between the manipulate phases. Nothing may be left behind.
 */
class DeclaredServicesRunTest {
    private static final Path SERVICES = Path.of(System.getProperty("harness.projectDir", "."), "src/test/resources/services");

    @RegisterExtension
    final ExecutorFixture servers = new ExecutorFixture();

    @TempDir
    Path dockerLogs;

    private static Plan plan(String runtime) {
        return Compiler.compile(Loader.loadScenario(SERVICES.resolve("scenarios/upstream_restart.yaml")),
                Loader.loadChecks(List.of(SERVICES.resolve("checks"))), ExecutorFixture.CONFIG, "postgres", runtime, 7);
    }

    @Test
    void checksReachTheUpstreamAcrossItsRestartWithProcesses() {
        RunResult r = servers.run(plan("process"), 1, RunListener.NONE);
        assertPassedAcrossTheRestart(r, servers.runtime());
    }

    @Test
    @RequiresDocker
    void checksReachTheUpstreamAcrossItsRestartInDocker() throws Exception {
        inDocker(plan("docker"), (r, runtime) -> assertPassedAcrossTheRestart(r, runtime));
    }

    /** Runs the plan on a Docker runtime of its own, then nothing labelled with its run may be left. */
    private void inDocker(Plan plan, java.util.function.BiConsumer<RunResult, ServiceRuntime> verdict) throws Exception {
        String runId = "svctest-" + UUID.randomUUID().toString().substring(0, 8);
        DockerRuntime runtime = new DockerRuntime(DockerRuntimeOptions.of(runId, dockerLogs));
        try (DockerProbe probe = new DockerProbe()) {
            try {
                verdict.accept(servers.run(runtime, plan, 1, RunListener.NONE), runtime);
            } finally {
                runtime.close();
            }
            assertEquals(List.of(), probe.labelled(runId), "containers, volumes or network of the run left after close()");
        }
    }

    /** The catalogue's restart_upstream with the portable logical-replication check: restarts, a restart upgrade, a promotion. */
    private static Plan logicalReplication(String runtime) {
        Path project = Path.of(System.getProperty("harness.projectDir", "."));
        return Compiler.compile(Loader.loadScenario(project.resolve("scenarios.d/restart_upstream.yaml")),
                Loader.loadChecks(List.of(project.resolve("checks.d/portable/logical_replication.yaml"))), ExecutorFixture.CONFIG, "postgres", runtime, 7);
    }

    @Test
    void logicalReplicationSurvivesUpstreamRestartsARestartUpgradeAndAPromotionWithProcesses() {
        assertReplicated(servers.run(logicalReplication("process"), 1, RunListener.NONE));
    }

    @Test
    @RequiresDocker
    void logicalReplicationSurvivesUpstreamRestartsARestartUpgradeAndAPromotionInDocker() throws Exception {
        inDocker(logicalReplication("docker"), (r, runtime) -> assertReplicated(r));
    }

    private static void assertReplicated(RunResult r) {
        assertEquals(ExitCode.OK, r.exitCode(), () -> r.steps() + "\n" + r.checks());
        CheckResult check = r.checks().get(0);
        assertEquals("logical_replication", check.name());
        assertEquals(Status.PASSED, check.status(), check::toString);
        List<String> titles = r.steps().stream().map(StepResult::title).toList();
        assertTrue(titles.contains("promote db_2") && titles.indexOf("promote db_2") < titles.indexOf("validate #1 on db_2"), titles::toString);
        assertEquals(2, check.phases().stream().filter(p -> p.label().startsWith("validate")).count(), check::toString);
    }

    private static void assertPassedAcrossTheRestart(RunResult r, ServiceRuntime runtime) {
        assertEquals(ExitCode.OK, r.exitCode(), () -> r.steps() + "\n" + r.checks());
        assertEquals(List.of("consistency", "upstream_rows", "upstream_url"), r.checks().stream().filter(c -> c.status() == Status.PASSED)
                .map(CheckResult::name).sorted().toList());
        List<String> titles = r.steps().stream().map(StepResult::title).toList();
        assertEquals("start upstream 15.19 (service, postgres)", titles.get(0), "the upstream starts before the first step");
        assertTrue(titles.indexOf("kill upstream") < titles.lastIndexOf("start upstream 15.19 (service, postgres)")
                && titles.lastIndexOf("start upstream 15.19 (service, postgres)") < titles.indexOf("manipulate 2 on db_1"), titles::toString);
        String log = dev.harness.testing.DockerProbe.read(runtime.logFile("upstream"));
        assertTrue(log.contains("database system was interrupted"), "the upstream recovered from its SIGKILL:\n" + log);
        assertTrue(r.logs().containsKey("upstream"), "the upstream's log is one of the run's: " + r.logs());
    }
}
