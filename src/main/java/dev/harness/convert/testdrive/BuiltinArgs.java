package dev.harness.convert.testdrive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line of a builtin ({@code $ name key=value …}) split as testdrive splits it: tokens are separated by
 * spaces outside braces, brackets and double quotes; a double quote outside braces and brackets is dropped (so
 * {@code command="\dt public"} is one token without its quotes), inside them it is kept; braces and brackets must
 * balance. The first token is the command's name; each further one is {@code key=value} (or a bare {@code key},
 * whose value is empty), keys being lowercase letters, digits and hyphens, each at most once.
 */
final class BuiltinArgs {
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]*");

    record Parsed(String name, Map<String, String> args) {}

    /** A problem at a 1-based column of the command line. */
    static final class Error extends Exception {
        final int column;

        Error(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private record Token(String text, int column) {}

    private BuiltinArgs() {}

    /** {@code line} starts with the character before the name (the {@code $}, or the space after a version guard). */
    static Parsed parse(String line) throws Error {
        List<Token> tokens = tokens(line);
        if (tokens.isEmpty()) throw new Error(1, "command line is missing command name");
        Map<String, String> args = new LinkedHashMap<>();
        for (Token t : tokens.subList(1, tokens.size())) {
            int eq = t.text().indexOf('=');
            String key = eq < 0 ? t.text() : t.text().substring(0, eq);
            String value = eq < 0 ? "" : t.text().substring(eq + 1);
            if (!KEY.matcher(key).matches()) {
                throw new Error(t.column(), "invalid builtin argument name '" + key + "': only lowercase letters, numbers, and hyphens allowed");
            }
            String before = args.put(key, value);
            if (before != null) throw new Error(t.column(), "argument '" + key + "' specified twice: " + before + " & " + value);
        }
        return new Parsed(tokens.get(0).text(), args);
    }

    private static List<Token> tokens(String line) throws Error {
        List<Token> out = new ArrayList<>();
        int i = 1;
        while (i < line.length()) {
            while (i < line.length() && line.charAt(i) == ' ') i++;
            if (i >= line.length()) break;
            int start = i;
            StringBuilder token = new StringBuilder();
            List<Character> nesting = new ArrayList<>();
            boolean quoted = false;
            for (; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == ' ' && nesting.isEmpty() && !quoted) break;
                if ((c == '{' || c == '[') && !quoted) {
                    nesting.add(c);
                } else if ((c == '}' || c == ']') && !quoted) {
                    char open = c == '}' ? '{' : '[';
                    if (nesting.isEmpty()) throw new Error(i + 1, "command argument has unbalanced close " + (c == '}' ? "brace" : "bracket"));
                    if (nesting.get(nesting.size() - 1) != open) throw new Error(i + 1, unterminated(nesting));
                    nesting.remove(nesting.size() - 1);
                } else if (c == '"' && nesting.isEmpty()) {
                    quoted = !quoted;
                    continue;
                }
                token.append(c);
            }
            if (!nesting.isEmpty()) throw new Error(i, unterminated(nesting));
            if (quoted) throw new Error(start + 1, "command argument has unterminated open double quote");
            if (token.length() > 0) out.add(new Token(token.toString(), start + 1));
        }
        return out;
    }

    private static String unterminated(List<Character> nesting) {
        return "command argument has unterminated open " + (nesting.get(nesting.size() - 1) == '{' ? "brace" : "bracket");
    }
}
