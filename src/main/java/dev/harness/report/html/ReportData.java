package dev.harness.report.html;

import java.util.List;

/**
 * The run as report.html shows it, already formatted: what the templates render and what is embedded as
 * JSON for tools and the page's own search. Plain strings and numbers only, so the JSON shape is stable
 * (seed is a string: a long does not survive a JavaScript number).
 */
public record ReportData(
        String scenario,
        String description,
        String scenarioFile,
        String system,
        String runtime,
        String seed,
        String base,
        List<String> versionsPath,
        String command,
        String started,
        String finished,
        long durationMillis,
        String duration,
        int exitCode,
        String outcome,
        Counts counts,
        String infraError,
        boolean interrupted,
        List<StepView> steps,
        List<ColumnView> columns,
        List<CheckView> checks) {

    public record Counts(int total, int passed, int failed, int error, int skipped) {}

    /**
     * A plan action on the timeline. {@code ran} is false for actions after an infrastructure error or an
     * interruption; {@code offsetPct}/{@code widthPct} place its bar on the run's time axis.
     */
    public record StepView(
            int number,
            String kind,
            String title,
            String service,
            String version,
            String status,
            long durationMillis,
            String duration,
            boolean implicit,
            String origin,
            String source,
            String message,
            boolean ran,
            String offsetPct,
            String widthPct) {}

    /** One phase step of the plan: a column of the check × phase matrix. */
    public record ColumnView(int actionIndex, String label, String service, String version) {}

    /** {@code status} is "none" where the check has no result for that column. */
    public record CellView(String status, String title) {}

    public record CheckView(
            String id,
            String name,
            String description,
            String source,
            String status,
            String skipReason,
            String headline,
            String duration,
            List<CellView> cells,
            List<PhaseView> phases) {}

    /** {@code version}: the server version the phase ran on (the service's last start before it), or null. */
    public record PhaseView(
            String label,
            String service,
            String version,
            String status,
            String duration,
            String skipReason,
            FailureView failure,
            List<String> log,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<String> captured) {}

    /** {@code logLink} is an in-page anchor to the service log line nearest the failure, or null. */
    public record FailureView(
            String message,
            String statement,
            String source,
            String expected,
            String actual,
            List<DiffLine> diff,
            int attempts,
            String at,
            String logLink,
            String logLabel) {}

    /** {@code kind}: "del" (expected only), "add" (actual only), "same". */
    public record DiffLine(String kind, String text) {}
}
