package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The schema {@link SchemaValidator} validates with ({@link ExactlyOneOf}'s rewrite) accepts exactly what the schema as written accepts. */
class ExactlyOneOfTest {
    /** The kinds of phase entry, as the schema's oneOf lists them. */
    private static final List<String> KINDS = kinds();
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    private static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        JSONArray oneOf = new JSONObject(SchemaValidator.schemaText(DocumentKind.CHECK)).getJSONObject("definitions")
                .getJSONObject("statement").getJSONArray("oneOf");
        for (Object alternative : oneOf) kinds.add(((JSONObject) alternative).getJSONArray("required").getString(0));
        return kinds;
    }

    @Test
    void theStatementsOneOfBecomesAChainAndNothingElseChanges() {
        JSONObject written = new JSONObject(SchemaValidator.schemaText(DocumentKind.CHECK));
        JSONObject fast = ExactlyOneOf.rewrite(written);
        JSONObject statement = fast.getJSONObject("definitions").getJSONObject("statement");
        assertFalse(statement.has("oneOf"));
        assertEquals("sql", statement.getJSONArray("allOf").getJSONObject(0).getJSONObject("if").getJSONArray("required").get(0));
        assertTrue(written.getJSONObject("definitions").getJSONObject("statement").has("oneOf"), "the argument is left as it is");
        // the other oneOfs choose between shapes, not keys: kept
        assertTrue(fast.getJSONObject("definitions").getJSONObject("login").has("oneOf"));
        fast.getJSONObject("definitions").remove("statement");
        written.getJSONObject("definitions").remove("statement");
        assertTrue(fast.similar(written), "only the statement's oneOf is rewritten");
    }

    /** Every combination of the kinds of entry: accepted by both when it has exactly one, refused by both otherwise. */
    @Test
    void everyCombinationOfEntryKindsIsJudgedAlike() {
        assertTrue(KINDS.containsAll(List.of("sql", "query", "sleep", "masks", "open-session")), KINDS::toString);
        Schema fast = SchemaValidator.compile(ExactlyOneOf.rewrite(new JSONObject(SchemaValidator.schemaText(DocumentKind.CHECK))));
        Schema written = SchemaValidator.compile(new JSONObject(SchemaValidator.schemaText(DocumentKind.CHECK)));
        for (int subset = 0; subset < 1 << KINDS.size(); subset++) {
            JSONObject entry = new JSONObject();
            for (int k = 0; k < KINDS.size(); k++) if ((subset & 1 << k) != 0) entry.put(KINDS.get(k), valueOf(KINDS.get(k)));
            JSONObject check = new JSONObject().put("check", "c").put("validate", new JSONArray().put(entry));
            boolean exactlyOne = Integer.bitCount(subset) == 1;
            assertEquals(exactlyOne, accepts(written, check), entry::toString);
            assertEquals(exactlyOne, accepts(fast, check), entry::toString);
        }
    }

    /** Every YAML file of the project, valid or broken, is judged alike by both forms of each schema. */
    @Test
    void everyYamlFileOfTheProjectIsJudgedAlike() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("checks.d", "scenarios.d", "src/test/resources", "docs")) {
            try (Stream<Path> s = Files.walk(PROJECT.resolve(root))) {
                s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).forEach(files::add);
            }
        }
        assertTrue(files.size() > 100, "the project's YAML files: " + files.size());
        int judged = 0;
        for (DocumentKind kind : DocumentKind.values()) {
            Schema fast = SchemaValidator.compile(ExactlyOneOf.rewrite(new JSONObject(SchemaValidator.schemaText(kind))));
            Schema written = SchemaValidator.compile(new JSONObject(SchemaValidator.schemaText(kind)));
            for (Path file : files) {
                Object json;
                try {
                    json = PositionedJson.of(YamlReader.read(file, file.toString()), file.toString()).json();
                } catch (HarnessException.InvalidInput e) {
                    continue; // not YAML the loader reads: nothing reaches a schema
                }
                assertEquals(accepts(written, json), accepts(fast, json), () -> kind + " " + file);
                judged++;
            }
        }
        assertTrue(judged > 300, "documents judged: " + judged);
    }

    /** A valid value of each kind's key (a new kind needs one here, or its single-key entry is refused). */
    private static Object valueOf(String kind) {
        return switch (kind) {
            case "sleep" -> "1s";
            case "masks" -> new JSONArray().put(new JSONObject().put("regex", "u[0-9]+").put("replace", "<id>"));
            case "open-session" -> "second";
            default -> "SELECT 1";
        };
    }

    private static boolean accepts(Schema schema, Object json) {
        try {
            schema.validate(json);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }
}
