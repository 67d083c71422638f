package dev.harness.run;

import dev.harness.load.Loader;
import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.Statement;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.SqlEndpoint;
import dev.harness.system.postgres.PostgresDriver;
import dev.harness.system.postgres.PostgresSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): per-statement overhead of the harness against a bare JDBC loop and against one psql
 * process per fragment, and --parallel 4 against sequential on 200 checks. Run with bench/run/run.sh. Servers are
 * the harness's own: ProcessRuntime and PostgresSystem with the Maven-packaged binaries of the built-in catalog.
 */
public final class RunBench {
    private static final HarnessConfig CONFIG = Loader.loadConfig(null);

    public static void main(String[] args) throws Exception {
        Path work = TempDirAccess.openToServerUser(Files.createTempDirectory("harness-runbench"));
        try {
            measure(work);
        } finally {
            deleteTree(work);
        }
    }

    private static void measure(Path work) throws Exception {
        int fragments = Integer.parseInt(System.getProperty("fragments", "200"));
        int perFragment = 10;
        try (ProcessRuntime rt = new ProcessRuntime(work.resolve("overhead"), false)) {
            RunningService svc = new PostgresDriver(rt, CONFIG).start("bench", PlanBuilder.PG.toString(), false);
            int port = svc.port(PostgresSystem.PORT);
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            try (Connection c = DriverManager.getConnection(url, p); var st = c.createStatement()) {
                st.execute("CREATE TABLE bench (a int, b text)");
            }
            // One fragment = one check phase: inserts and a query with an expected row, as checks do.
            List<Statement> fragment = new ArrayList<>();
            for (int i = 0; i < perFragment - 1; i++) fragment.add(PlanBuilder.sql("bench", i, "INSERT INTO bench VALUES (" + i + ", 'x')"));
            fragment.add(PlanBuilder.query("bench", 99, "SELECT count(*) > 0 FROM bench", List.of(List.of(Cell.bool(true)))));
            Check check = PlanBuilder.check("bench", fragment, List.of(), List.of(), List.of());

            for (int warm = 0; warm < 2; warm++) {
                bare(url, p, fragment, fragments);
                harness(url, check, fragments);
            }
            // Alternate the two loops over several rounds (and which goes first) and take medians: on a shared
            // 2-core machine one pass of each differs by more than the overhead being measured.
            int rounds = Integer.parseInt(System.getProperty("rounds", "7"));
            long[] bares = new long[rounds];
            long[] harnesses = new long[rounds];
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                if (r % 2 == 0) {
                    bares[r] = bare(url, p, fragment, fragments);
                    harnesses[r] = harness(url, check, fragments);
                } else {
                    harnesses[r] = harness(url, check, fragments);
                    bares[r] = bare(url, p, fragment, fragments);
                }
                ratios[r] = (double) harnesses[r] / bares[r];
            }
            java.util.Arrays.sort(bares);
            java.util.Arrays.sort(harnesses);
            java.util.Arrays.sort(ratios);
            long bare = bares[rounds / 2];
            long harness = harnesses[rounds / 2];
            System.out.printf("per-round harness/bare ratios (sorted, %d rounds): %s%n", rounds, java.util.Arrays.toString(
                    java.util.Arrays.stream(ratios).mapToObj(x -> String.format("%.2f", x)).toArray()));
            int n = fragments * perFragment;
            System.out.printf("statements: %d (%d fragments of %d)%n", n, fragments, perFragment);
            System.out.printf("bare JDBC (one connection per fragment): %.1f us/statement (medians over the rounds)%n", bare / 1000.0 / n);
            System.out.printf("harness CheckPhaseRunner:                %.1f us/statement  median ratio %.2fx%n", harness / 1000.0 / n, ratios[rounds / 2]);
            if (psqlAvailable()) {
                long psql = psql(port, fragment, Math.max(20, fragments / 5)) * (fragments / Math.max(20, fragments / 5));
                System.out.printf("psql process per fragment:               %.1f us/statement  harness is %.1fx faster%n", psql / 1000.0 / n, (double) psql / harness);
            } else {
                System.out.println("psql process per fragment:               skipped, no psql on PATH");
            }
        }
        parallel(work);
    }

    /** The same statements on a plain JDBC connection per fragment, results read with getString. */
    private static long bare(String url, Properties p, List<Statement> fragment, int fragments) throws Exception {
        long t0 = System.nanoTime();
        for (int f = 0; f < fragments; f++) {
            try (Connection c = DriverManager.getConnection(url, p)) {
                for (Statement s : fragment) {
                    try (var st = c.createStatement()) {
                        if (st.execute(s.sql())) {
                            try (ResultSet rs = st.getResultSet()) {
                                while (rs.next()) rs.getString(1);
                            }
                        }
                    }
                }
            }
        }
        return System.nanoTime() - t0;
    }

    private static long harness(String url, Check check, int fragments) throws Exception {
        java.util.function.BiFunction<String, Boolean, SqlEndpoint> endpoints = (s, sys) -> new SqlEndpoint(url, "postgres", null);
        Endpoints sessions = new Endpoints() {
            @Override
            public SqlEndpoint endpoint(String service, boolean asSystem) {
                return endpoints.apply(service, asSystem);
            }

            @Override
            public SqlEndpoint endpoint(String service, dev.harness.model.Login login) {
                return new SqlEndpoint(url, login.user(), login.password());
            }
        };
        CheckPhaseRunner runner = new CheckPhaseRunner(sessions, new Liveness(s -> true, endpoints, Ticker.SYSTEM, Liveness.PATIENCE),
                new RunStop(Ticker.SYSTEM), Ticker.SYSTEM, java.time.Clock.systemUTC(), line -> {}, name -> new java.util.HashMap<>());
        var target = new CheckPhaseRunner.PhaseTarget(0, "initialize", Phase.INITIALIZE, "bench", new Version("15"), new Version("15"),
                java.util.Map.of(), Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        for (int f = 0; f < fragments; f++) {
            var r = runner.run(check, target, () -> null);
            if (r.status() != dev.harness.model.Status.PASSED) throw new IllegalStateException(r.toString());
        }
        return System.nanoTime() - t0;
    }

    /** The psql comparison is the only part that needs a client installed; the servers come from Maven. */
    private static boolean psqlAvailable() {
        try {
            Process p = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** testdrive's model: one client process per fragment. */
    private static long psql(int port, List<Statement> fragment, int fragments) throws Exception {
        StringBuilder sql = new StringBuilder();
        for (Statement s : fragment) sql.append(s.sql()).append(";\n");
        long t0 = System.nanoTime();
        for (int f = 0; f < fragments; f++) {
            Process pr = new ProcessBuilder("psql", "-X", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres",
                    "-v", "ON_ERROR_STOP=1", "-c", sql.toString()).redirectErrorStream(true).start();
            pr.getInputStream().readAllBytes();
            if (pr.waitFor() != 0) throw new IllegalStateException("psql failed");
        }
        return System.nanoTime() - t0;
    }

    /** 200 checks, every phase, once sequential and once with --parallel 4, each on a fresh server. */
    private static void parallel(Path work) {
        PlanBuilder b = new PlanBuilder();
        for (int i = 0; i < 200; i++) b.check(PlanBuilder.tableCheck("c" + i, false));
        Plan plan = b.start("db").allPhases().build();
        long[] ms = new long[2];
        int[] modes = {1, 4};
        for (int m = 0; m < 2; m++) {
            try (ProcessRuntime rt = new ProcessRuntime(work.resolve("parallel-" + modes[m]), false)) {
                var ex = new Executor(new PostgresSystem(CONFIG), rt, CONFIG, ExecutorOptions.defaults().withParallel(modes[m]));
                var r = ex.run(plan, "bench", null);
                if (r.exitCode() != 0) throw new IllegalStateException("exit " + r.exitCode());
                ms[m] = r.steps().stream().filter(s -> s.action() instanceof dev.harness.model.Action.RunPhase).mapToLong(s -> s.durationMillis()).sum();
            }
        }
        System.out.printf("200 checks, phases only: sequential %d ms, --parallel 4 %d ms, speed-up %.2fx (cores: %d)%n",
                ms[0], ms[1], (double) ms[0] / ms[1], Runtime.getRuntime().availableProcessors());
    }

    /** The bench's servers are gone (runtimes closed): their volumes and logs go too. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
