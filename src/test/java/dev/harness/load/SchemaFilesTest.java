package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.model.Names;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schemas are what editors show: every property needs a description, a markdownDescription and its key as title
 * (the hover), and every object must reject typos.
 */
class SchemaFilesTest {
    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyPropertyHasDescriptionsAndItsKeyAsTitleAndEveryObjectIsClosed(DocumentKind kind) throws Exception {
        JsonNode root = new ObjectMapper().readTree(SchemaValidator.schemaText(kind));
        assertEquals("http://json-schema.org/draft-07/schema#", root.path("$schema").asText());
        List<String> missing = new ArrayList<>();
        walk(root, "#", missing);
        assertEquals(List.of(), missing);
        SchemaValidator.of(kind); // compiles
    }

    /** Names become folders and containers: the schemas enforce exactly the rule of model/Names, no looser one. */
    @Test
    void nameAndServicePatternsAreTheOnesOfNames() throws Exception {
        JsonNode check = new ObjectMapper().readTree(SchemaValidator.schemaText(DocumentKind.CHECK));
        JsonNode scenario = new ObjectMapper().readTree(SchemaValidator.schemaText(DocumentKind.SCENARIO));
        String entity = "^" + Names.ENTITY.pattern() + "$";
        assertEquals(entity, check.at("/properties/check/pattern").asText());
        assertEquals(entity, scenario.at("/properties/scenario/pattern").asText());
        assertEquals("^" + Names.SERVICE.pattern() + "$", scenario.at("/definitions/service/pattern").asText());
    }

    /**
     * What an editor's hover shows for a key (yaml-language-server): {@code title}, else the nearest parent's, so
     * every property names itself; {@code markdownDescription}, else the description with its backticks escaped.
     */
    private static void editorHover(String key, JsonNode property, String at, List<String> missing) {
        if (!property.has("markdownDescription")) missing.add(at + ": no markdownDescription (what editors show on hover)");
        else if (property.get("markdownDescription").asText().contains("\\`")) missing.add(at + ": escaped backtick in markdownDescription");
        if (!key.equals(property.path("title").asText(null))) missing.add(at + ": title is not the key '" + key + "' (editors show it as the hover's heading)");
    }

    /** A key as a JSON Pointer token (RFC 6901). */
    private static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static void walk(JsonNode node, String at, List<String> missing) {
        if (!node.isObject()) return;
        if (node.has("properties")) {
            if (!node.has("additionalProperties")) missing.add(at + ": no additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get("properties").fields(); it.hasNext(); ) {
                var e = it.next();
                String property = at + "/properties/" + pointerToken(e.getKey());
                if (!e.getValue().has("description")) missing.add(property + ": no description");
                editorHover(e.getKey(), e.getValue(), property, missing);
            }
        }
        // an editor escapes a plain description's backticks: code needs the Markdown form
        if (node.path("description").asText().contains("`") && !node.has("markdownDescription")) {
            missing.add(at + ": a description with `code` but no markdownDescription");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isObject()) walk(e.getValue(), at + "/" + e.getKey(), missing);
            if (e.getValue().isArray()) for (int i = 0; i < e.getValue().size(); i++) walk(e.getValue().get(i), at + "/" + e.getKey() + "/" + i, missing);
        }
    }
}
