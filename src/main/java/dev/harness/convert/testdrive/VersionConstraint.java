package dev.harness.convert.testdrive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * testdrive's version constraint after a sigil ({@code >[version>=13500] …}, {@code ![13400<=version<13500] …}),
 * read with its rules, as harness guards on {@code current}. testdrive compares {@code mz_version_num()}, the version
 * as the digits {@code MMmmmpp} (major, three of minor, two of patch): 13500 is v0.135.0, 2600203 is v26.2.3.
 * Forms: {@code [version OP N]} with OP one of {@code = < <= > >=}, and a lower bound before it,
 * {@code [A<version …]} or {@code [A<=version …]}, then {@code < N}, {@code <= N} or nothing;
 * {@code =} ignores a lower bound, and {@code >}/{@code >=} after one is an error.
 */
final class VersionConstraint {
    /** The guards, and the rest of the line after {@code ]} (starting with the character testdrive skips). */
    record Parsed(List<String> guards, String rest) {}

    static final class Error extends Exception {
        Error(String message) {
            super(message, null, false, false);
        }
    }

    private VersionConstraint() {}

    /** Null when the line has no constraint ({@code line.charAt(1) != '['}). */
    static Parsed parse(String line) throws Error {
        if (line.length() < 2 || line.charAt(1) != '[') return null;
        int close = line.indexOf(']');
        if (close < 0) throw new Error("version-constraint: found no closing brace");
        String constraint = line.substring(2, close);
        List<String> guards = new ArrayList<>();
        int keyword = 2;
        boolean lowerBound = false;
        if (line.length() > 2 && Character.isDigit(line.charAt(2))) {
            int lt = line.indexOf('<');
            if (lt < 0) throw new Error("version-constraint: initial number but no '<' following");
            int min = number(line.substring(2, lt));
            boolean inclusive = lt + 1 < line.length() && line.charAt(lt + 1) == '=';
            keyword = inclusive ? lt + 2 : lt + 1;
            lowerBound = inclusive ? min != 0 : true; // testdrive's "no lower bound" is a minimum of 0 after the strict +1
            guards.add("current " + (inclusive ? ">=" : ">") + " " + version(min));
        }
        int afterKeyword = keyword + "version".length();
        if (!line.startsWith("version", keyword) || afterKeyword > line.length()) {
            throw new Error("version-constraint: invalid property " + constraint + " (expected 'version' at offset " + keyword + ")");
        }
        String rest = line.substring(close + 1);
        if (afterKeyword >= close && lowerBound) return new Parsed(List.copyOf(guards), rest);
        int numberAt = afterKeyword + 1 < line.length() && Character.isDigit(line.charAt(afterKeyword + 1)) ? afterKeyword + 1 : afterKeyword + 2;
        if (numberAt > close) throw new Error("version-constraint: invalid constraint " + constraint);
        String op = line.substring(afterKeyword, numberAt);
        String v = version(number(line.substring(numberAt, close)));
        switch (op) {
            case "=" -> {
                return new Parsed(List.of("current == " + v), rest);
            }
            case "<=", "<" -> guards.add("current " + op + " " + v);
            case ">=", ">" -> {
                if (lowerBound) throw new Error("version-constraint: found comparison operator " + op + " with a set minimum version");
                guards.clear(); // a lower bound of 0 is no bound
                guards.add("current " + op + " " + v);
            }
            default -> throw new Error("version-constraint: unknown comparison operator " + op);
        }
        if (!lowerBound) guards.removeIf(g -> g.equals("current >= v0.0.0"));
        return new Parsed(List.copyOf(guards), rest);
    }

    private static int number(String text) throws Error {
        try {
            int n = Integer.parseInt(text);
            if (n < 0) throw new Error("version-constraint: negative version number " + text);
            return n;
        } catch (NumberFormatException e) {
            throw new Error("version-constraint: invalid version number " + text);
        }
    }

    /** {@code mz_version_num()} digits as a version: 13500 -> v0.135.0, 2600203 -> v26.2.3. */
    static String version(int num) {
        return String.format(Locale.ROOT, "v%d.%d.%d", num / 100000, num / 100 % 1000, num % 100);
    }
}
