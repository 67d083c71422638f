package dev.harness.cli;

import dev.harness.model.Printable;
import dev.harness.report.Counted;
import dev.harness.report.merge.MergedData;
import dev.harness.report.merge.ReportMerge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness merge}: report folders of shards (or of several scenarios) into one; exits with the worst input's code. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge report folders (the shards of a scenario, or several scenarios) into one junit.xml and report.html; "
                + "exit code: the worst of the inputs'.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Report folders (each with junit.xml and report.html).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Merged report folder, new or empty (default: reports/merged-<timestamp>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path target = out != null ? out
                : Path.of("reports", "merged-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ReportMerge.Outcome outcome = ReportMerge.merge(inputs, target, Path.of(""));
        PrintWriter err = spec.commandLine().getErr();
        outcome.warnings().forEach(w -> err.println(Printable.line("harness: merge: " + w)));
        err.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        for (MergedData.ScenarioEntry s : outcome.data().scenarios()) {
            stdout.println(Printable.line(s.scenario() + ": " + s.outcome().toUpperCase(java.util.Locale.ROOT) + " — "
                    + s.counts().passed() + " passed, " + s.counts().failed() + " failed, " + Counted.of(s.counts().error(), "error") + ", "
                    + s.counts().skipped() + " skipped (" + Counted.of(s.counts().total(), "check") + ", "
                    + Counted.of(s.shards().size(), "report folder") + ")"));
        }
        stdout.println(Printable.line("merged into " + target + ": junit.xml, report.html, " + ReportMerge.SHARDS + "/"));
        stdout.flush();
        return outcome.exitCode();
    }
}
