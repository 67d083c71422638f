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

/** The schemas are what editors show: every property needs a description, and every object must reject typos. */
class SchemaFilesTest {
    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyPropertyHasADescriptionAndEveryObjectIsClosed(DocumentKind kind) throws Exception {
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

    private static void walk(JsonNode node, String at, List<String> missing) {
        if (!node.isObject()) return;
        if (node.has("properties")) {
            if (!node.has("additionalProperties")) missing.add(at + ": no additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get("properties").fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().has("description")) missing.add(at + "/properties/" + e.getKey() + ": no description");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isObject()) walk(e.getValue(), at + "/" + e.getKey(), missing);
            if (e.getValue().isArray()) for (int i = 0; i < e.getValue().size(); i++) walk(e.getValue().get(i), at + "/" + e.getKey() + "/" + i, missing);
        }
    }
}
