package dev.harness.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The report data as JSON that is safe inside {@code <script type="application/json">}: {@code <}, {@code >}
 * and {@code &} are written as {@code \u003c}-style escapes, so no value can close the script element
 * ({@code </script>}) or open a comment ({@code <!--}), and the JSON still parses to the same strings.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private ReportJson() {}

    /** Compact: the report of a 200-check run must stay under 2 MB. */
    public static String write(ReportData data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data is not serialisable: " + e.getMessage(), e);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] table;

        HtmlSafeEscapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028/U+2029 end a line in older JavaScript parsers; escape them too.
            if (ch == 0x2028) return new com.fasterxml.jackson.core.io.SerializedString("\\u2028");
            if (ch == 0x2029) return new com.fasterxml.jackson.core.io.SerializedString("\\u2029");
            return null;
        }
    }
}
