package dev.harness.report.html;

import dev.harness.model.Printable;
import java.io.IOException;
import java.io.Writer;

/**
 * The last stage of report.html: every character {@link Printable#unsafe} (controls other than tab and LF,
 * C1, bidi overrides, lone surrogates) is written as its visible escape, wherever it comes from: a server
 * message, a log line, a path. So is every other invisible format character (Unicode category Cf: zero-width
 * space, byte order mark, word joiner, soft hyphen, tag characters…): a page shows them as nothing, so two values
 * that differ only by one would look equal in a failure box. The zero-width joiner stays: emoji are made with it. The escapes are plain ASCII, so they are safe in every context of the page;
 * inside the embedded JSON a raw C1 or bidi character (the only ones Jackson leaves unescaped) becomes
 * its backslash-u escape, which JSON reads back as the same character.
 */
public final class VisibleControlsWriter extends Writer {
    private final Writer out;
    private char pendingHigh;

    public VisibleControlsWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        StringBuilder sb = new StringBuilder(len + 16);
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    if (invisible(cp)) sb.append(String.format("\\u{%x}", cp));
                    else sb.append(high).append(c);
                    continue;
                }
                sb.append(Printable.escape(high));
            }
            if (Character.isHighSurrogate(c)) pendingHigh = c; // its pair may come with the next write
            else if (c != '\n' && (Printable.unsafe(c) || invisible(c))) sb.append(Printable.escape(c));
            else sb.append(c);
        }
        out.write(sb.toString());
    }

    private static boolean invisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT && codePoint != 0x200d;
    }

    /** Writes a high surrogate that never got its pair; call once at the end of the document. */
    public void finish() throws IOException {
        if (pendingHigh != 0) out.write(Printable.escape(pendingHigh));
        pendingHigh = 0;
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }
}
