package dev.harness.report.annotations;

import dev.harness.model.Printable;

/**
 * Text from servers and checks made inert in Markdown that GitHub and Buildkite render (both pass HTML
 * through): HTML's special characters become entities, Markdown's punctuation is backslash-escaped, and control
 * characters become visible escapes.
 */
final class MarkdownText {
    private MarkdownText() {}

    /** One line of inline text: a line break becomes the visible {@code \n}. */
    static String inline(String text) {
        String printable = Printable.line(text);
        StringBuilder out = new StringBuilder(printable.length() + 16);
        for (int i = 0; i < printable.length(); i++) {
            char c = printable.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append(' ');
                default -> {
                    if ("\\`*_{}[]()#+-.!|~".indexOf(c) >= 0) out.append('\\');
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * Lines for a {@code <pre>} block: an HTML block of that kind is not read as Markdown, so only HTML's special
     * characters are escaped.
     */
    static String pre(String text) {
        return Printable.lines(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
