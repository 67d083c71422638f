package dev.harness.report.html;

import dev.harness.model.Action;
import dev.harness.model.ActionTitle;
import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.report.Elapsed;
import dev.harness.report.FailureText;
import dev.harness.report.TextCap;
import dev.harness.report.VersionPath;
import dev.harness.report.html.ReportData.CellView;
import dev.harness.report.html.ReportData.CheckView;
import dev.harness.report.html.ReportData.ColumnView;
import dev.harness.report.html.ReportData.Counts;
import dev.harness.report.html.ReportData.FailureView;
import dev.harness.report.html.ReportData.PhaseView;
import dev.harness.report.html.ReportData.StepView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Formats a {@link RunResult} into the {@link ReportData} and {@link LogView}s report.html shows. Texts from
 * the servers (messages, results, diffs, statement logs) are capped by {@link TextCap}.
 */
public final class ReportDataBuilder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.US);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.US);

    private final Clock clock;
    private final LogExcerpt excerpt;

    public ReportDataBuilder(Clock clock, LogExcerpt excerpt) {
        this.clock = clock;
        this.excerpt = excerpt;
    }

    /** The data and the embedded logs of one report. */
    public record Built(ReportData data, List<LogView> logs) {}

    public Built build(RunResult result, Path reportDir) {
        Plan plan = result.plan();
        Instant started = result.started();
        Instant finished = result.finished();
        long total = Math.max(0, Duration.between(started, finished).toMillis());

        List<LogView> logs = logs(result, reportDir);
        Map<String, LogView> logByService = new HashMap<>();
        logs.forEach(l -> logByService.put(l.service(), l));

        List<ColumnView> columns = columns(plan, result);
        List<CheckView> checks = new ArrayList<>();
        int n = 0;
        for (CheckResult c : result.checks()) checks.add(check("check-" + (++n), c, plan, columns, logByService));

        Counts counts = new Counts(result.checks().size(), (int) result.count(Status.PASSED), (int) result.count(Status.FAILED),
                (int) result.count(Status.ERROR), (int) result.count(Status.SKIPPED));
        ReportData data = new ReportData(
                plan.scenario(),
                plan.description(),
                plan.scenarioFile(),
                plan.system(),
                plan.runtime(),
                Long.toString(plan.seed()),
                plan.base() == null ? null : plan.base().text(),
                VersionPath.of(plan),
                result.command(),
                format(started),
                format(finished),
                total,
                Elapsed.human(total),
                result.exitCode(),
                outcome(result),
                counts,
                TextCap.lines(result.infraError()),
                result.interrupted(),
                steps(plan, result, started, total),
                columns,
                checks);
        return new Built(data, logs);
    }

    private static String outcome(RunResult r) {
        if (r.interrupted()) return "interrupted";
        if (r.infraError() != null || r.count(Status.ERROR) > 0) return "error";
        if (r.count(Status.FAILED) > 0) return "failed";
        return "passed";
    }

    private String format(Instant t) {
        return ZonedDateTime.ofInstant(t, clock.getZone()).truncatedTo(ChronoUnit.SECONDS).format(TIME);
    }

    private List<StepView> steps(Plan plan, RunResult result, Instant runStart, long total) {
        List<StepView> out = new ArrayList<>();
        Map<Integer, StepResult> ran = new HashMap<>();
        for (StepResult s : result.steps()) ran.put(s.index(), s);
        int count = plan.actions().size();
        List<String> titles = ActionTitle.of(plan);
        for (int i = 0; i < count; i++) {
            StepResult s = ran.get(i);
            Action a = s != null ? s.action() : plan.actions().get(i);
            String kind = kind(a);
            String title = titles.get(i);
            if (s == null) {
                out.add(new StepView(i + 1, kind, title, a == null ? null : a.service(), version(a), "not-run", 0, "",
                        a != null && a.implicit(), a == null ? null : a.origin(), source(a), null, false, "0", "0"));
                continue;
            }
            long offset = s.started() == null ? 0 : Math.max(0, Duration.between(runStart, s.started()).toMillis());
            out.add(new StepView(i + 1, kind, title, s.service(), s.version() == null ? version(a) : s.version().text(),
                    status(s.status()), s.durationMillis(), Elapsed.human(s.durationMillis()), a != null && a.implicit(),
                    a == null ? null : a.origin(), source(a), TextCap.lines(s.message()), true,
                    pct(offset, total), pct(Math.max(s.durationMillis(), total / 400), total)));
        }
        return out;
    }

    private static String pct(long part, long total) {
        if (total <= 0) return "0";
        return String.format(Locale.US, "%.2f", Math.min(100.0, 100.0 * part / total));
    }

    /** Columns of the matrix: every phase action of the plan, labelled as the executor labelled its results. */
    private static List<ColumnView> columns(Plan plan, RunResult result) {
        Map<Integer, PhaseResult> sample = new LinkedHashMap<>();
        for (CheckResult c : result.checks()) {
            for (PhaseResult p : c.phases()) sample.putIfAbsent(p.actionIndex(), p);
        }
        List<ColumnView> out = new ArrayList<>();
        String[] labels = ActionTitle.phaseLabels(plan);
        Map<String, String> running = new HashMap<>();
        for (int i = 0; i < plan.actions().size(); i++) {
            Action a = plan.actions().get(i);
            if (a instanceof Action.Start s) running.put(s.service(), s.version().text());
            if (a instanceof Action.RunPhase rp) out.add(new ColumnView(i, labels[i], rp.service(), running.get(rp.service())));
            // a consistency step after a phase shares its column; one after the last step has its own
            if (a instanceof Action.Consistency c && column(plan, i) == i) {
                out.add(new ColumnView(i, "after " + labels[i], c.service(), running.get(c.service())));
            }
        }
        return out;
    }

    /** The matrix column of an action's results: a consistency step's is that of the phase right before it. */
    private static int column(Plan plan, int actionIndex) {
        if (!(plan.actions().get(actionIndex) instanceof Action.Consistency)) return actionIndex;
        int followed = ActionTitle.followed(plan.actions(), actionIndex);
        return followed == actionIndex - 1 && followed >= 0 && plan.actions().get(followed) instanceof Action.RunPhase ? followed : actionIndex;
    }

    private CheckView check(String id, CheckResult c, Plan plan, List<ColumnView> columns, Map<String, LogView> logs) {
        Map<Integer, PhaseResult> byAction = new HashMap<>();
        for (PhaseResult p : c.phases()) {
            boolean inPlan = p.actionIndex() >= 0 && p.actionIndex() < plan.actions().size();
            byAction.put(inPlan ? column(plan, p.actionIndex()) : p.actionIndex(), p);
        }
        List<CellView> cells = new ArrayList<>();
        for (ColumnView col : columns) {
            PhaseResult p = byAction.get(col.actionIndex());
            if (p == null) {
                cells.add(new CellView(c.status() == Status.SKIPPED ? "skipped" : "none", c.skipReason()));
            } else {
                cells.add(new CellView(status(p.status()), cellTitle(p)));
            }
        }
        Map<Integer, String> versionAt = new HashMap<>();
        for (ColumnView col : columns) versionAt.put(col.actionIndex(), col.version());
        List<PhaseView> phases = new ArrayList<>();
        for (PhaseResult p : c.phases()) {
            phases.add(new PhaseView(p.label(), p.service(), versionAt.get(p.actionIndex()), status(p.status()),
                    Elapsed.human(p.durationMillis()), p.skipReason(), failure(p, logs), TextCap.log(p.log()), TextCap.log(FailureText.captured(p))));
        }
        boolean bad = c.status() == Status.FAILED || c.status() == Status.ERROR;
        return new CheckView(id, c.name(), c.description(), c.source() == null ? null : c.source().fileLine(), status(c.status()),
                c.skipReason(), bad ? FailureText.headline(c) : null, Elapsed.human(c.durationMillis()), cells, phases);
    }

    private static String cellTitle(PhaseResult p) {
        if (p.failure() != null && p.failure().message() != null) return p.label() + ": " + TextCap.lines(p.failure().message());
        if (p.skipReason() != null) return p.label() + ": " + p.skipReason();
        return p.label() + ": " + status(p.status());
    }

    private FailureView failure(PhaseResult p, Map<String, LogView> logs) {
        Failure f = p.failure();
        if (f == null) return null;
        Instant at = failureTime(p);
        String link = null;
        String label = null;
        LogView log = p.service() == null ? null : logs.get(p.service());
        if (log != null && at != null) {
            // The line stamped closest to the failure; the first of equals, so a message's continuation loses.
            LogView.Line line = log.lines().stream()
                    .filter(l -> l.highlight() && l.time() != null && excerpt.near(l.time(), at))
                    .min(java.util.Comparator.comparing(l -> Duration.between(at, l.time()).abs())).orElse(null);
            if (line != null) {
                link = "#" + line.anchor(log.id());
                label = log.path() + " line " + line.number();
            }
        }
        String expected = TextCap.rows(f.expected());
        String actual = TextCap.rows(f.actual());
        return new FailureView(TextCap.lines(f.message()), TextCap.lines(f.statement()), f.source() == null ? null : f.source().fileLine(),
                expected, actual, LineDiff.of(TextCap.rows(f.diff()), expected, actual), f.attempts(),
                at == null ? null : ZonedDateTime.ofInstant(at, clock.getZone()).format(CLOCK_TIME), link, label);
    }

    static Instant failureTime(PhaseResult p) {
        return p.started() == null ? null : p.started().plusMillis(p.durationMillis());
    }

    private List<LogView> logs(RunResult result, Path reportDir) {
        List<Instant> times = new ArrayList<>();
        for (CheckResult c : result.checks()) {
            for (PhaseResult p : c.phases()) {
                if ((p.status() == Status.FAILED || p.status() == Status.ERROR) && failureTime(p) != null) times.add(failureTime(p));
            }
        }
        for (StepResult s : result.steps()) {
            if ((s.status() == Status.FAILED || s.status() == Status.ERROR) && s.started() != null) {
                times.add(s.started().plusMillis(s.durationMillis()));
            }
        }
        List<LogView> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> e : result.logs().entrySet()) {
            out.add(excerpt.read("log-" + (++n), e.getKey(), e.getValue(), reportDir.resolve(e.getValue()), times));
        }
        return out;
    }

    static String status(Status s) {
        return s == null ? "none" : s.name().toLowerCase(Locale.ROOT);
    }

    private static String kind(Action a) {
        return a == null ? "step" : Action.kind(a);
    }

    private static String version(Action a) {
        if (a instanceof Action.Start s) return s.version().text();
        if (a instanceof Action.AssertVersion v) return v.version().text();
        return null;
    }

    private static String source(Action a) {
        return a == null || a.source() == null ? null : a.source().fileLine();
    }
}
