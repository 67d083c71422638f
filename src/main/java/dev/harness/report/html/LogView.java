package dev.harness.report.html;

import java.util.List;

/**
 * A service log as embedded in report.html.
 *
 * @param id          safe element id prefix (log-N)
 * @param path        the log's path relative to the report folder
 * @param note        truncation or read problem, shown above the lines; null when the whole log is shown
 * @param highlighted how many lines fall in a window around a failure time
 */
public record LogView(String id, String service, String path, List<Line> lines, String note, int highlighted, int totalLines) {

    /** A log line ({@code time}: its own or inherited stamp, or null); {@code gap} lines stand for omitted lines and carry the "… N lines omitted …" text. */
    public record Line(int number, String text, boolean highlight, boolean gap, java.time.Instant time) {
        public String anchor(String logId) {
            return logId + "-L" + number;
        }
    }
}
