package dev.harness.report.html;

import java.util.List;

/**
 * Everything the report.jte template renders. {@code css}, {@code js} and {@code json} are emitted raw:
 * the first two are the harness's own resources, the third is {@link ReportJson}'s output, which
 * cannot contain {@code <}.
 */
public record ReportView(ReportData data, List<LogView> logs, String css, String js, String json, String generated) {

    public boolean failed() {
        return !"passed".equals(data.outcome());
    }
}
