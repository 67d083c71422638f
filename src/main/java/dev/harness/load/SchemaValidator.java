package dev.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

/**
 * Validates documents against the packaged JSON Schemas (draft-07, everit). Each schema is read and compiled
 * once per JVM: compiling is far slower than validating, and `validate` may see hundreds of files.
 */
public final class SchemaValidator {
    private static final Map<DocumentKind, SchemaValidator> CACHE = new EnumMap<>(DocumentKind.class);

    private final DocumentKind kind;
    private final String text;
    /** The schema rewritten for speed ({@link ExactlyOneOf}): it accepts the same documents. */
    private final Schema fast;
    /** The schema as written, compiled on the first violation: its violations are the ones messages explain. */
    private Schema written;
    /** The same schema as an ordered tree, for messages only (they list allowed keys in the order the schema declares them). */
    private JsonNode ordered;

    private SchemaValidator(DocumentKind kind, String text) {
        this.kind = kind;
        this.text = text;
        this.fast = compile(ExactlyOneOf.rewrite(new JSONObject(text)));
    }

    static Schema compile(JSONObject schema) {
        return SchemaLoader.builder().draftV7Support().schemaJson(schema).build().load().build();
    }

    private synchronized Schema written() {
        if (written == null) written = compile(new JSONObject(text));
        return written;
    }

    /** Read on the first violation: a run over valid files never pays for a second reading of the schema. */
    private synchronized JsonNode ordered() {
        if (ordered == null) {
            try {
                ordered = new ObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ordered;
    }

    public static synchronized SchemaValidator of(DocumentKind kind) {
        return CACHE.computeIfAbsent(kind, k -> new SchemaValidator(k, schemaText(k)));
    }

    /** The schema file's text, as packaged (what `harness schema` prints). */
    public static String schemaText(DocumentKind kind) {
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(kind.schemaResource())) {
            if (in == null) throw new IllegalStateException("schema missing from the classpath: " + kind.schemaResource());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All schema violations of a document, as positioned problems (empty when valid). */
    List<Problem> validate(PositionedJson doc, String file) {
        try {
            fast.validate(doc.json());
            return List.of();
        } catch (ValidationException fastFailure) {
            try {
                written().validate(doc.json());
            } catch (ValidationException e) {
                return new ViolationMessages(doc, file, ordered(), kind).translate(e);
            }
            throw new IllegalStateException("the rewritten " + kind.label() + " schema refuses what the schema accepts: " + fastFailure.getMessage());
        }
    }
}
