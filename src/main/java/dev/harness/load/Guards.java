package dev.harness.load;

import dev.harness.model.Guard;
import dev.harness.model.Version;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code when:} guards: {@code current|base  <|<=|==|!=|>=|>  version|current|base}. */
public final class Guards {
    private static final Pattern SHAPE = Pattern.compile("\\s*(current|base)\\s*(<=|>=|==|!=|<|>)\\s*(\\S+)\\s*");

    private Guards() {}

    public static Guard parse(String text) {
        Matcher m = text == null ? null : SHAPE.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("expected a guard like 'current >= v0.135.0', 'base < 15.18' or 'current == base'"
                    + " (current|base, then one of < <= == != >= >, then a version or the other of current|base), found '" + text + "'");
        }
        Guard.Subject subject = m.group(1).equals("current") ? Guard.Subject.CURRENT : Guard.Subject.BASE;
        boolean againstOther = m.group(3).equals("current") || m.group(3).equals("base");
        if (againstOther && m.group(3).equals(m.group(1))) {
            throw new IllegalArgumentException("guard '" + text.trim() + "' compares " + m.group(1) + " with itself; compare current with base");
        }
        if (!againstOther && !Version.isVersion(m.group(3))) {
            throw new IllegalArgumentException("'" + m.group(3) + "' in guard '" + text.trim() + "' is not a version (expected e.g. 15.10 or v0.135.0)");
        }
        Guard.Op op = switch (m.group(2)) {
            case "<" -> Guard.Op.LT;
            case "<=" -> Guard.Op.LE;
            case "==" -> Guard.Op.EQ;
            case "!=" -> Guard.Op.NE;
            case ">=" -> Guard.Op.GE;
            default -> Guard.Op.GT;
        };
        return new Guard(subject, op, againstOther ? null : Version.parse(m.group(3)), text.trim());
    }
}
