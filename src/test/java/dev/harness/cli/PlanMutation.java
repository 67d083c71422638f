package dev.harness.cli;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The tampering of plans.tsv applied to a valid plan.json: {@code set POINTER JSON}, {@code delete POINTER},
 * {@code copy FROM TO}, {@code truncate N} (bytes) or {@code truncate N%}, {@code text TEXT}, {@code append TEXT}.
 */
final class PlanMutation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanMutation() {}

    static byte[] apply(String plan, String mutation) {
        String[] parts = mutation.split(" ", 2);
        String arg = parts.length > 1 ? parts[1] : "";
        byte[] bytes = plan.getBytes(StandardCharsets.UTF_8);
        return switch (parts[0]) {
            case "truncate" -> java.util.Arrays.copyOf(bytes, arg.endsWith("%")
                    ? bytes.length * Integer.parseInt(arg.substring(0, arg.length() - 1)) / 100 : Integer.parseInt(arg));
            case "text" -> arg.getBytes(StandardCharsets.UTF_8);
            case "append" -> (plan + arg).getBytes(StandardCharsets.UTF_8);
            default -> edit(plan, parts[0], arg).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String edit(String plan, String op, String arg) {
        try {
            JsonNode root = JSON.readTree(plan);
            String[] a = arg.split(" ", 2);
            JsonPointer at = JsonPointer.compile(a[0]);
            switch (op) {
                case "set" -> put(root, at, JSON.readTree(a[1]));
                case "copy" -> put(root, JsonPointer.compile(a[1]), root.at(at).deepCopy());
                case "delete" -> ((ObjectNode) root.at(at.head())).remove(at.last().getMatchingProperty());
                default -> throw new IllegalArgumentException("unknown mutation " + op);
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(JsonNode root, JsonPointer at, JsonNode value) {
        JsonNode parent = root.at(at.head());
        if (parent instanceof ArrayNode array) array.set(at.last().getMatchingIndex(), value);
        else ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
    }
}
