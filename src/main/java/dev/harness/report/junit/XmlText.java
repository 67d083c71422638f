package dev.harness.report.junit;

import dev.harness.model.Printable;

/**
 * Makes arbitrary text safe for XML 1.0. Server logs and SQL results can hold any character; one control
 * character would make the whole junit.xml unreadable for CI, so such characters, and those a terminal or a
 * CI page would act on (C1 controls, bidi overrides), become visible escapes ({@link Printable#escape}).
 */
public final class XmlText {
    private XmlText() {}

    /**
     * Escapes every character XML 1.0 forbids (controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF)
     * and every one {@link Printable#unsafe} other than tab and LF. A CR is escaped too: parsers would turn it into
     * LF, and a CI page printing it raw would overwrite the line.
     */
    public static String legal(String text) {
        if (text == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            boolean ok = isLegal(cp) && !(len == 1 && Character.isSurrogate(text.charAt(i)))
                    && (len == 2 || cp == '\t' || cp == '\n' || !Printable.unsafe((char) cp));
            if (!ok && out == null) {
                out = new StringBuilder(text.length() + 16);
                out.append(text, 0, i);
            }
            if (out != null) {
                if (ok) out.appendCodePoint(cp);
                else out.append(Printable.escape(text.charAt(i)));
            }
            i += len;
        }
        return out == null ? text : out.toString();
    }

    static boolean isLegal(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Attribute text with tab and LF as character references, so parsers keep them (they'd become spaces). */
    public static String attribute(String text) {
        String legal = legal(text);
        StringBuilder out = new StringBuilder(legal.length() + 16);
        for (int i = 0; i < legal.length(); i++) {
            char c = legal.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
