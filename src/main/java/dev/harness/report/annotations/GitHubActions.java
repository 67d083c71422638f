package dev.harness.report.annotations;

import dev.harness.model.Printable;
import dev.harness.model.RunResult;
import dev.harness.report.WorkingDirPaths;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions' view of a run: one {@code ::error file=…,line=…,title=…::message} workflow command per failure on
 * stdout (the runner turns each into an annotation on the pull request's diff) and the run's Markdown appended to
 * the step summary.
 *
 * @param enabled     {@code GITHUB_ACTIONS=true}
 * @param stepSummary the file {@code GITHUB_STEP_SUMMARY} names, or null
 */
public record GitHubActions(boolean enabled, Path stepSummary, WorkingDirPaths paths) {
    public static GitHubActions off() {
        return new GitHubActions(false, null, WorkingDirPaths.current());
    }

    /**
     * Prints the workflow commands and appends the summary; does nothing when not enabled.
     *
     * @return a one-line problem ({@code cannot append to $GITHUB_STEP_SUMMARY …}), or null
     */
    public String publish(RunResult result, Path reportDir, PrintStream stdout) {
        if (!enabled) return null;
        for (String command : commands(result)) stdout.println(command);
        stdout.flush();
        if (stepSummary == null) return null;
        try {
            Files.writeString(stepSummary, new AnnotationsReporter(paths).markdown(result, reportDir) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return null;
        } catch (IOException e) {
            return Printable.line("cannot append to $GITHUB_STEP_SUMMARY " + stepSummary + ": " + e.getMessage());
        }
    }

    /** One {@code ::error} line per failure. */
    public List<String> commands(RunResult result) {
        List<String> out = new ArrayList<>();
        for (Annotation a : Annotation.of(result, paths)) {
            StringBuilder sb = new StringBuilder("::error ");
            if (a.file() != null) {
                sb.append("file=").append(property(a.file())).append(',');
                if (a.line() > 0) sb.append("line=").append(a.line()).append(',');
            }
            sb.append("title=").append(property(a.title())).append("::");
            String message = a.diff().isEmpty() ? a.message() : a.message() + "\n" + String.join("\n", a.diff());
            sb.append(data(message));
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * A command's message: the runner reads {@code %0A} as a line break. Controls become visible escapes first, so
     * nothing in a server's text can end the command or start another.
     */
    static String data(String text) {
        return Printable.lines(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as {@link #data}, and {@code :} and {@code ,} would end it. */
    static String property(String text) {
        return data(Printable.line(text)).replace(":", "%3A").replace(",", "%2C");
    }
}
