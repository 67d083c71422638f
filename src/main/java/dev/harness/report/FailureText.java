package dev.harness.report;

import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.SourceRef;
import dev.harness.model.Status;

/** Plain-text explanation of a failed or erroring check, shared by junit.xml and the console summary. */
public final class FailureText {
    private FailureText() {}

    /** The first failed or erroring phase of a check, or null. */
    public static PhaseResult firstBadPhase(CheckResult check) {
        if (check.phases() == null) return null;
        for (PhaseResult p : check.phases()) {
            if ((p.status() == Status.FAILED || p.status() == Status.ERROR) && p.failure() != null) return p;
        }
        for (PhaseResult p : check.phases()) {
            if (p.status() == Status.FAILED || p.status() == Status.ERROR) return p;
        }
        return null;
    }

    /** The values a phase captured, one {@code ${name} = 'value'} each, for every report alike. */
    public static java.util.List<String> captured(PhaseResult p) {
        return p.captured().entrySet().stream().map(e -> "${" + e.getKey() + "} = '" + e.getValue() + "'").toList();
    }

    /** The failing statement's position when there is one (CI annotations then land on it), else the check's. */
    public static SourceRef location(CheckResult check) {
        PhaseResult bad = firstBadPhase(check);
        if (bad != null && bad.failure() != null && bad.failure().source() != null) return bad.failure().source();
        return check.source();
    }

    /** One line: the failure's message, prefixed by the phase it happened in. */
    public static String headline(CheckResult check) {
        PhaseResult p = firstBadPhase(check);
        if (p == null) return check.status().name().toLowerCase();
        String msg = p.failure() == null || p.failure().message() == null ? p.status().name().toLowerCase() : TextCap.firstLine(p.failure().message());
        return p.label() + ": " + msg;
    }

    /** The full explanation: phase, statement with its file:line, expected, actual, diff, attempts; each part capped. */
    public static String body(CheckResult check) {
        StringBuilder sb = new StringBuilder();
        for (PhaseResult p : check.phases()) {
            if (p.status() != Status.FAILED && p.status() != Status.ERROR) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append("check ").append(check.name()).append(", phase ").append(p.label());
            if (p.service() != null) sb.append(" on ").append(p.service());
            sb.append(": ").append(p.status().name()).append('\n');
            Failure f = p.failure();
            if (f == null) continue;
            if (f.message() != null) sb.append(TextCap.lines(f.message())).append('\n');
            if (f.statement() != null) {
                sb.append("\nstatement");
                if (f.source() != null) sb.append(" (").append(f.source().fileLine()).append(')');
                sb.append(":\n").append(indent(TextCap.lines(f.statement()))).append('\n');
            }
            if (f.expected() != null) sb.append("\nexpected:\n").append(indent(TextCap.rows(f.expected()))).append('\n');
            if (f.actual() != null) {
                sb.append("\nactual").append(f.attempts() > 1 ? " (last of " + f.attempts() + " attempts)" : "")
                        .append(":\n").append(indent(TextCap.rows(f.actual()))).append('\n');
            }
            if (f.diff() != null && !f.diff().isBlank()) {
                sb.append("\ndiff (- expected, + actual):\n").append(indent(TextCap.rows(f.diff()))).append('\n');
            }
            sb.append("\nattempts: ").append(f.attempts()).append('\n');
        }
        return sb.toString();
    }

    static String indent(String s) {
        return "  " + s.stripTrailing().replace("\n", "\n  ");
    }
}
