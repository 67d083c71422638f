package dev.harness.load;

import dev.harness.model.SourceRef;

/** Line and column (1-based, columns in code points, as SnakeYAML counts them) of an index into a text. */
final class TextPosition {
    private TextPosition() {}

    /** Where {@code text.charAt(index)} is; line breaks are LF, CR LF and a lone CR. */
    static SourceRef of(String file, String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return SourceRef.of(file, line, column);
    }
}
