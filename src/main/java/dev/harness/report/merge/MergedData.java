package dev.harness.report.merge;

import java.util.List;

/**
 * What the merged report.html shows and embeds as JSON ({@code #merged-data}) for tools: per scenario its shards
 * (each with its copied report.html and logs, relative to the merged folder) and all its checks, each with the
 * shard that ran it and a link to the check in that shard's report.
 *
 * @param exitCode the worst of the inputs' exit codes
 */
public record MergedData(int exitCode, String outcome, List<ScenarioEntry> scenarios) {

    public record ScenarioEntry(String scenario, String outcome, Counts counts, List<ShardEntry> shards, List<CheckEntry> checks) {}

    public record Counts(int total, int passed, int failed, int error, int skipped) {}

    /** @param shard {@code I/N}, or null for an unsharded run; {@code folder} the input folder as given */
    public record ShardEntry(String shard, String folder, String seed, String system, String runtime, String command, int exitCode,
                             String outcome, String report, List<String> logs) {}

    public record CheckEntry(String name, String shard, String status, String headline, String source, String link) {}

    /** "passed" for 0, "failed" for 1, "error" for infrastructure and the rest: the words report.html uses. */
    static String outcome(int exitCode) {
        return exitCode == 0 ? "passed" : exitCode == 1 ? "failed" : "error";
    }
}
