package dev.harness.report.html;

import dev.harness.report.TextCap;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text stream as {@link java.io.BufferedReader#readLine} splits them (LF, CR or CRLF), but
 * each cut at {@link TextCap#LINE_CHARS} while it is read: a log that is one 2 GB line costs 2000
 * characters of memory, not 2 GB.
 */
final class BoundedLines {
    private final Reader in;
    private final char[] buf = new char[16 * 1024];
    private int pos;
    private int limit;
    private boolean skipLf;

    BoundedLines(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, cut with a "… N more characters" marker; null at the end. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        long dropped = 0;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) return any ? cut(line, dropped) : null;
            char c = buf[pos++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') continue;
            }
            if (c == '\n' || c == '\r') {
                skipLf = c == '\r';
                return cut(line, dropped);
            }
            any = true;
            if (line.length() < TextCap.LINE_CHARS) line.append(c);
            else dropped++;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private static String cut(StringBuilder line, long dropped) {
        return dropped == 0 ? line.toString() : line + " " + TextCap.more(dropped, "characters");
    }
}
