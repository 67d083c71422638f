package dev.harness.convert.testdrive;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of one expected-row line, split as testdrive splits them: whitespace separates values; {@code "…"} quotes
 * a value (it may be empty or hold spaces) with the escapes {@code \n \t \r \0}, and any other escaped character stands
 * for itself ({@code \" \\}); outside quotes a backslash is an ordinary character.
 */
final class RowTokens {
    private RowTokens() {}

    /** Thrown for a quote left open; {@code column} is 1-based, at the opening quote. */
    static final class UnterminatedQuote extends Exception {
        final int column;

        UnterminatedQuote(int column) {
            super("unterminated quote", null, false, false);
            this.column = column;
        }
    }

    static List<String> split(String line) throws UnterminatedQuote {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int quoteAt = -1;
        boolean escaping = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoteAt < 0 && isWhitespace(c)) {
                if (field.length() > 0) {
                    out.add(field.toString());
                    field.setLength(0);
                }
            } else if (c == '"' && !escaping) {
                if (quoteAt < 0) {
                    quoteAt = i;
                } else {
                    quoteAt = -1;
                    out.add(field.toString()); // a closing quote ends a value, even an empty one
                    field.setLength(0);
                }
            } else if (c == '\\' && !escaping && quoteAt >= 0) {
                escaping = true;
            } else if (escaping) {
                field.append(switch (c) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> c;
                });
                escaping = false;
            } else {
                field.append(c);
            }
        }
        if (quoteAt >= 0) throw new UnterminatedQuote(quoteAt + 1);
        if (field.length() > 0) out.add(field.toString());
        return out;
    }

    /** Unicode white space, as Rust's {@code char::is_whitespace} (no-break spaces included). */
    static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
