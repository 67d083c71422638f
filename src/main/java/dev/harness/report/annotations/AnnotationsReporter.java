package dev.harness.report.annotations;

import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.report.Reporter;
import dev.harness.report.VersionPath;
import dev.harness.report.WorkingDirPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code annotations.md}: the run's outcome and every failure in Markdown, for {@code buildkite-agent annotate},
 * a GitHub step summary, a merge request comment. The same text is what {@link GitHubActions} appends to
 * {@code $GITHUB_STEP_SUMMARY}.
 */
public final class AnnotationsReporter implements Reporter {
    public static final String FILE = "annotations.md";

    private final WorkingDirPaths paths;

    public AnnotationsReporter(WorkingDirPaths paths) {
        this.paths = paths;
    }

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(RunResult result, Path reportDir, Writer out) throws IOException {
        out.write(markdown(result, reportDir));
        out.flush();
    }

    /** The Markdown of one run; {@code reportDir} is named so readers find report.html. */
    public String markdown(RunResult result, Path reportDir) {
        StringBuilder md = new StringBuilder();
        List<Annotation> failures = Annotation.of(result, paths);
        md.append("### ").append(failures.isEmpty() ? "✅ " : "❌ ").append(MarkdownText.inline(result.plan().scenario()))
                .append(": ").append(counts(result)).append('\n').append('\n');
        md.append(MarkdownText.inline(result.plan().system() + "/" + result.plan().runtime() + ", "
                + VersionPath.text(result.plan()) + ", seed " + result.plan().seed() + ", reports in " + paths.shown(reportDir)))
                .append('\n').append('\n');
        if (!failures.isEmpty()) {
            md.append("| check | where | what |\n|---|---|---|\n");
            for (Annotation a : failures) {
                md.append("| ").append(MarkdownText.inline(a.title())).append(" | ").append(MarkdownText.inline(where(a)))
                        .append(" | ").append(MarkdownText.inline(a.message())).append(" |\n");
            }
            md.append('\n');
            for (Annotation a : failures) {
                if (a.diff().isEmpty()) continue;
                md.append("<details><summary>").append(MarkdownText.inline(a.title())).append(": diff (- expected, + actual)</summary>\n\n")
                        .append("<pre>").append(MarkdownText.pre(String.join("\n", a.diff()))).append("</pre>\n\n</details>\n\n");
            }
        }
        md.append("Rerun:\n\n<pre>").append(MarkdownText.pre(result.command())).append("</pre>\n");
        return md.toString();
    }

    private static String where(Annotation a) {
        if (a.file() == null) return "";
        return a.line() > 0 ? a.file() + ":" + a.line() : a.file();
    }

    private static String counts(RunResult r) {
        StringBuilder sb = new StringBuilder();
        count(sb, r.count(Status.FAILED), "failed");
        count(sb, r.count(Status.ERROR), "error", "errors");
        count(sb, r.count(Status.SKIPPED), "skipped");
        count(sb, r.count(Status.PASSED), "passed");
        if (r.infraError() != null) sb.append(sb.length() > 0 ? ", " : "").append("infrastructure error");
        if (r.interrupted()) sb.append(sb.length() > 0 ? ", " : "").append("interrupted");
        return sb.length() == 0 ? "no checks" : sb.toString();
    }

    private static void count(StringBuilder sb, long n, String word) {
        count(sb, n, word, word);
    }

    private static void count(StringBuilder sb, long n, String one, String many) {
        if (n == 0) return;
        if (sb.length() > 0) sb.append(", ");
        sb.append(n).append(' ').append(n == 1 ? one : many);
    }
}
