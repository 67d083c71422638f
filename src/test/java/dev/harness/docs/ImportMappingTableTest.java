package dev.harness.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.convert.testdrive.TestdriveImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The README's "Coming from testdrive" table is the converter's own output: every row's testdrive text is imported and
 * what comes out is compared with the row's YAML (the validate phase, or the check keys a mapping names); a
 * {@code # TODO} row must come out untranslated.
 */
class ImportMappingTableTest {
    private static final String HEADING = "## Coming from testdrive";
    private static final Pattern ROW = Pattern.compile("^\\| `(.*?)` \\| `(.*?)` \\| (.*)\\|$");

    record Row(String testdrive, String yaml, int line) {}

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("harness.projectDir", "."), "README.md"));
        int start = lines.indexOf(HEADING);
        assertTrue(start >= 0, "README.md has no section '" + HEADING + "'");
        List<Row> out = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (!lines.get(i).startsWith("| `")) continue;
            Matcher m = ROW.matcher(lines.get(i));
            assertTrue(m.matches(), "README.md:" + (i + 1) + ": not a mapping row: " + lines.get(i));
            out.add(new Row(m.group(1).replace("↵", "\n") + "\n", m.group(2), i + 1));
        }
        return out;
    }

    @Test
    void everyRowIsWhatTheConverterWrites() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 30, "the table has a row per construct: " + rows.size());
        for (Row r : rows) {
            String where = "README.md:" + r.line() + " ";
            TestdriveImport.Result result = TestdriveImport.convert("row", new TestdriveImport.Phases(null, null, null,
                    new TestdriveImport.Fragment("row.td", r.testdrive())), "schema/check.schema.json");
            if (r.yaml().equals("# TODO")) {
                assertFalse(result.untranslated().isEmpty(), where + "is translated now:\n" + result.yaml());
                continue;
            }
            assertEquals(List.of(), result.untranslated(), where);
            Map<?, ?> check = new Yaml().load(result.yaml());
            Object expected;
            try {
                expected = new Yaml().load(r.yaml());
            } catch (RuntimeException e) {
                throw new AssertionError(where + "the YAML column does not parse: " + e.getMessage(), e);
            }
            if (expected instanceof List<?>) {
                assertEquals(expected, check.get("validate"), where + result.yaml());
            } else {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) expected).entrySet()) {
                    assertEquals(e.getValue(), check.get(e.getKey()), where + e.getKey() + "\n" + result.yaml());
                }
            }
        }
    }
}
