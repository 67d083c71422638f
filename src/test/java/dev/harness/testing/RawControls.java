package dev.harness.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a terminal would act on in captured output: C0 controls other than tab and LF, DEL, C1 controls
 * and bidi overrides/isolates. The console's own colour codes ({@code ESC[31m}) and its line rewrite
 * ({@code CR ESC[2K}) are allowed when {@code ownSequences} says so; nothing else is.
 */
public final class RawControls {
    private static final Pattern OWN = Pattern.compile("\u001b\\[[0-9;]*m|\r\u001b\\[2K");

    private RawControls() {}

    /** Each offending character as {@code U+001B at 12: …context…}; empty when the output is clean. */
    public static List<String> in(String output, boolean ownSequences) {
        String text = ownSequences ? OWN.matcher(output).replaceAll("") : output;
        List<String> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean raw = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (raw) {
                String context = text.substring(Math.max(0, i - 30), Math.min(text.length(), i + 30));
                found.add(String.format("U+%04X at %d: %s", (int) c, i, context.replaceAll("[^\\x20-\\x7e]", "?")));
            }
        }
        return found;
    }

    /** How often {@code sequence} occurs: tests use it to see that the colour codes are still there. */
    public static int count(String output, String sequence) {
        Matcher m = Pattern.compile(Pattern.quote(sequence)).matcher(output);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
