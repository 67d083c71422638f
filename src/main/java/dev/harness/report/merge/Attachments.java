package dev.harness.report.merge;

import dev.harness.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code [[ATTACHMENT|path]]} lines of a shard's junit.xml point into that shard's report folder, where the shard
 * ran (often another CI machine). In the merged junit.xml they point at the copies under the merged folder,
 * written like the run writes them: relative to the working directory when under it, else absolute.
 */
final class Attachments {
    private static final Pattern ATTACHMENT = Pattern.compile("\\[\\[ATTACHMENT\\|([^\\]\\n]*)]]");

    private Attachments() {}

    static String rewrite(String text, UnaryOperator<String> paths) {
        if (!text.contains("[[ATTACHMENT|")) return text;
        Matcher m = ATTACHMENT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement("[[ATTACHMENT|" + paths.apply(m.group(1)) + "]]"));
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * A shard's report.html or {@code logs/<file>} becomes its copy under {@code copy}; any other path stays.
     *
     * @param copy the shard's folder in the merged folder
     */
    static UnaryOperator<String> into(Path copy, Path workingDir) {
        return original -> {
            Path p;
            try {
                p = Path.of(original);
            } catch (InvalidPathException e) {
                return original;
            }
            Path name = p.getFileName();
            Path parent = p.getParent();
            Path target = null;
            if (name != null && name.toString().equals(ReportFiles.REPORT_HTML)) target = copy.resolve(ReportFiles.REPORT_HTML);
            else if (name != null && parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("logs")) {
                target = copy.resolve("logs").resolve(name.toString());
            }
            if (target == null || !Files.isRegularFile(target)) return original;
            return shown(target, workingDir);
        };
    }

    static String shown(Path target, Path workingDir) {
        Path abs = target.toAbsolutePath().normalize();
        Path cwd = workingDir.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
