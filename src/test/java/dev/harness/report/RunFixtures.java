package dev.harness.report;

import dev.harness.model.Action;
import dev.harness.model.Check;
import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.Phase;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.RunResult;
import dev.harness.model.SourceRef;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.model.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result models for report tests, built by hand until the executor produces real ones: a zero-downtime
 * upgrade 15.17 → 15.19 with a passing, a failing (with diff), a skipped (gate) and an erroring check.
 */
public final class RunFixtures {
    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:05:00Z"), ZoneOffset.UTC);
    public static final String XSS_SCRIPT = "<script>alert(1)</script>";
    public static final String XSS_IMG = "<img src=x onerror=alert(1)>";
    static final String SCENARIO_FILE = "scenarios.d/zero_downtime.yaml";

    private RunFixtures() {}

    private static SourceRef src(int line) {
        return SourceRef.of(SCENARIO_FILE, line, 3);
    }

    private static Version v(String s) {
        return Version.parse(s);
    }

    /** The plan's actions; index = position. */
    public static List<Action> actions() {
        String implicit = "implicit after start";
        return List.of(
                new Action.Start("db_1", v("15.17"), false, null, src(4), null),
                new Action.Configure("db_1", src(4), implicit),
                new Action.AssertVersion("db_1", v("15.17"), src(4), implicit),
                new Action.RunPhase(Phase.INITIALIZE, "db_1", src(5), null),
                new Action.RunPhase(Phase.MANIPULATE_1, "db_1", src(6), null),
                new Action.RunPhase(Phase.VALIDATE, "db_1", src(7), null),
                new Action.Start("db_2", v("15.19"), true, 1, src(8), null),
                new Action.AwaitReady("db_2", src(9), null),
                new Action.RunPhase(Phase.MANIPULATE_2, "db_1", src(10), null),
                new Action.Promote("db_2", src(11), null),
                new Action.AssertVersion("db_2", v("15.19"), src(11), "implicit after promote"),
                new Action.RunPhase(Phase.VALIDATE, "db_2", src(12), null),
                new Action.Kill("db_2", src(13), null),
                new Action.Start("db_2", v("15.19"), false, null, src(14), null),
                new Action.RunPhase(Phase.VALIDATE, "db_2", src(15), null));
    }

    static final String[] TITLES = {
        "start db_1 15.17", "configure db_1", "assert-version db_1 15.17", "initialize on db_1", "manipulate 1 on db_1",
        "validate on db_1", "start db_2 15.19 (read-only, generation 1)", "await-ready db_2", "manipulate 2 on db_1",
        "promote db_2", "assert-version db_2 15.19", "validate on db_2", "kill db_2", "start db_2 15.19", "validate on db_2"
    };
    static final long[] DURATIONS = {2100, 300, 50, 1200, 800, 600, 3400, 1500, 700, 3200, 40, 900, 100, 1800, 650};

    public static Instant stepStart(int index) {
        Instant t = T0;
        for (int i = 0; i < index; i++) t = t.plusMillis(DURATIONS[i] + 10);
        return t;
    }

    /** The instant the phase step {@code index} ended: where a failure in it is dated. */
    public static Instant stepEnd(int index) {
        return stepStart(index).plusMillis(DURATIONS[index]);
    }

    public static Plan plan(List<PlannedCheck> checks) {
        return new Plan("zero_downtime", "Upgrade 15.17 to 15.19 without downtime: read-only candidate, promote, restart.",
                SCENARIO_FILE, "postgres", "process", 4217L, v("15.17"), List.of(v("15.17"), v("15.18"), v("15.19")),
                v("15.19"), checks, actions(), Map.of("timeouts.statement", "30s"));
    }

    private static Check check(String name, String file) {
        return new Check(name, null, List.of(), null, null, null, List.of(), List.of(), List.of(), List.of(), SourceRef.of(file, 1, 1));
    }

    private static PhaseResult phase(int action, String label, Phase phase, String service, Status status, Failure failure,
            String skip, List<String> log) {
        long d = status == Status.SKIPPED ? 0 : DURATIONS[action] / 4;
        return new PhaseResult(action, label, phase, service, status, stepStart(action), d, failure, skip, log);
    }

    private static List<PhaseResult> passing(String table, int upTo) {
        List<PhaseResult> out = new ArrayList<>();
        out.add(phase(3, "initialize", Phase.INITIALIZE, "db_1", Status.PASSED, null, null, List.of("CREATE TABLE " + table + " (id int): ok")));
        out.add(phase(4, "manipulate 1", Phase.MANIPULATE_1, "db_1", Status.PASSED, null, null, List.of("INSERT INTO " + table + " VALUES (1): ok")));
        out.add(phase(5, "validate #1", Phase.VALIDATE, "db_1", Status.PASSED, null, null, List.of("SELECT count(*) FROM " + table + ": 1 row, ok")));
        if (upTo >= 8) out.add(phase(8, "manipulate 2", Phase.MANIPULATE_2, "db_1", Status.PASSED, null, null, List.of("INSERT INTO " + table + " VALUES (2): ok")));
        if (upTo >= 11) out.add(phase(11, "validate #2", Phase.VALIDATE, "db_2", Status.PASSED, null, null, List.of("SELECT count(*) FROM " + table + ": 1 row, ok")));
        if (upTo >= 14) out.add(phase(14, "validate #3", Phase.VALIDATE, "db_2", Status.PASSED, null, null, List.of("SELECT count(*) FROM " + table + ": 1 row, ok")));
        return out;
    }

    static Failure diffFailure() {
        return new Failure(
                "rows differ after 5 attempts (1 missing, 1 unexpected)",
                "SELECT last_value, is_called FROM orders_id_seq",
                SourceRef.of("checks.d/sequences.yaml", 14, 7),
                "last_value | is_called\n2          | t",
                "last_value | is_called\n1          | t",
                "-2          | t\n+1          | t",
                5);
    }

    static Failure errorFailure() {
        return new Failure(
                "I/O error: connection to db_1 lost " + XSS_SCRIPT + " " + XSS_IMG,
                "SELECT lo_import('/tmp/blob')",
                SourceRef.of("checks.d/large_objects.yaml", 9, 7),
                null,
                "FATAL: terminating connection due to administrator command",
                "",
                1);
    }

    /** The rich run: 4 checks (passed, failed with diff, skipped by gate, error), 15 steps, two service logs. */
    public static RunResult rich(Path reportDir) {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(new CheckResult("orders_view", "A materialized view over orders survives the upgrade.",
                SourceRef.of("checks.d/orders.yaml", 1, 1), Status.PASSED, null, 1800, passing("orders", 14)));

        List<PhaseResult> seq = passing("seq_t", 8);
        seq.add(phase(11, "validate #2", Phase.VALIDATE, "db_2", Status.FAILED, diffFailure(), null,
                List.of("SELECT last_value, is_called FROM orders_id_seq: attempt 1 of 5: 1 row, expected 2",
                        "SELECT last_value, is_called FROM orders_id_seq: attempt 5 of 5: 1 row, FAILED")));
        seq.add(phase(14, "validate #3", Phase.VALIDATE, "db_2", Status.SKIPPED, null, "failed in validate #2", List.of()));
        checks.add(new CheckResult("sequence_continuity", "Sequences keep counting after a switchover.",
                SourceRef.of("checks.d/sequences.yaml", 1, 1), Status.FAILED, null, 2400, seq));

        String gate = "gated: since 16.0, base is 15.17";
        checks.add(new CheckResult("logical_slots", null, SourceRef.of("checks.d/logical_slots.yaml", 1, 1), Status.SKIPPED, gate, 0, List.of()));

        List<PhaseResult> lo = new ArrayList<>(passing("lo_t", 5));
        lo.add(phase(8, "manipulate 2", Phase.MANIPULATE_2, "db_1", Status.ERROR, errorFailure(), null,
                List.of("SELECT lo_import('/tmp/blob'): I/O error " + XSS_SCRIPT)));
        lo.add(phase(11, "validate #2", Phase.VALIDATE, "db_2", Status.SKIPPED, null, "errored in manipulate 2", List.of()));
        lo.add(phase(14, "validate #3", Phase.VALIDATE, "db_2", Status.SKIPPED, null, "errored in manipulate 2", List.of()));
        checks.add(new CheckResult("large_objects", null, SourceRef.of("checks.d/large_objects.yaml", 1, 1), Status.ERROR, null, 900, lo));

        List<PlannedCheck> planned = List.of(
                new PlannedCheck(check("orders_view", "checks.d/orders.yaml"), null),
                new PlannedCheck(check("sequence_continuity", "checks.d/sequences.yaml"), null),
                new PlannedCheck(check("logical_slots", "checks.d/logical_slots.yaml"), gate),
                new PlannedCheck(check("large_objects", "checks.d/large_objects.yaml"), null));
        Plan plan = plan(planned);
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < plan.actions().size(); i++) {
            Action a = plan.actions().get(i);
            Status st = i == 11 ? Status.FAILED : i == 8 ? Status.ERROR : Status.PASSED;
            Version ver = a instanceof Action.Start s ? s.version() : a instanceof Action.AssertVersion av ? av.version() : null;
            steps.add(new StepResult(i, a, TITLES[i], a.service(), ver, st, stepStart(i), DURATIONS[i], null));
        }
        Map<String, String> logs = new LinkedHashMap<>();
        logs.put("db_1", "logs/db_1.log");
        logs.put("db_2", "logs/db_2.log");
        return new RunResult(plan, "harness run scenarios.d/zero_downtime.yaml --seed 4217 --system postgres --runtime process",
                T0, stepEnd(14).plusMillis(120), steps, checks, null, false, logs, reportDir);
    }

    /** A run that stopped at the promote step: infrastructure error, later steps not run. */
    public static RunResult infraError(Path reportDir) {
        RunResult r = rich(reportDir);
        List<StepResult> steps = new ArrayList<>(r.steps().subList(0, 9));
        Action promote = r.plan().actions().get(9);
        steps.add(new StepResult(9, promote, TITLES[9], "db_2", null, Status.ERROR, stepStart(9), 30000,
                "db_2: promote did not finish within 30 s"));
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            if (c.status() == Status.SKIPPED) {
                checks.add(c);
                continue;
            }
            List<PhaseResult> phases = c.phases().stream().filter(p -> p.actionIndex() < 9).toList();
            checks.add(new CheckResult(c.name(), c.description(), c.source(), Status.ERROR, null, c.durationMillis(), phases));
        }
        return new RunResult(r.plan(), r.command(), T0, stepStart(9).plusMillis(30000), steps, checks,
                "db_2: promote did not finish within 30 s", false, r.logs(), reportDir);
    }

    /** Writes the service logs of {@link #rich}: db_2's has lines at the failure time of validate #2 (step 11). */
    public static void writeLogs(Path reportDir) throws IOException {
        Path logs = Files.createDirectories(reportDir.resolve("logs"));
        List<String> db1 = new ArrayList<>();
        db1.add(pg(T0.plusMillis(500), 100, "LOG:  starting PostgreSQL 15.17 on x86_64-pc-linux-gnu"));
        db1.add(pg(T0.plusMillis(1900), 100, "LOG:  database system is ready to accept connections"));
        db1.add(pg(stepEnd(8).minusMillis(50), 101, "FATAL:  terminating connection due to administrator command"));
        db1.add(pg(stepEnd(8).minusMillis(40), 101, "STATEMENT:  SELECT lo_import('/tmp/blob') " + XSS_IMG));
        db1.add(pg(stepEnd(9).plusMillis(10), 100, "LOG:  received fast shutdown request"));
        Files.write(logs.resolve("db_1.log"), db1, StandardCharsets.UTF_8);
        List<String> db2 = new ArrayList<>();
        db2.add(pg(stepStart(6).plusMillis(300), 200, "LOG:  starting PostgreSQL 15.19 on x86_64-pc-linux-gnu"));
        db2.add(pg(stepStart(6).plusMillis(900), 200, "LOG:  entering standby mode"));
        db2.add(pg(stepStart(9).plusMillis(100), 200, "LOG:  received promote request"));
        db2.add(pg(stepStart(9).plusMillis(2000), 200, "LOG:  database system is ready to accept connections"));
        db2.add(pg(stepEnd(11).minusMillis(200), 230, "ERROR:  sequence orders_id_seq was reset " + XSS_SCRIPT));
        db2.add("\tcontinuation line without a stamp");
        db2.add(pg(stepStart(12).plusMillis(50), 200, "LOG:  server process (PID 230) was terminated by signal 9: Killed"));
        Files.write(logs.resolve("db_2.log"), db2, StandardCharsets.UTF_8);
    }

    static String pg(Instant t, int pid, String text) {
        String s = t.toString().replace('T', ' ').replace("Z", "");
        if (s.length() == 19) s += ".000";
        return s + " UTC [" + pid + "] " + text;
    }
}
