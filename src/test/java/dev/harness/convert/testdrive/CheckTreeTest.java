package dev.harness.convert.testdrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.harness.load.Loader;
import dev.harness.load.YamlNodes;
import dev.harness.model.HarnessException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The importer validates the node tree it builds ({@link CheckTree}) instead of re-reading the text it writes; this
 * proves the two are the same document: the written text, read by the loader's own reader, equals the tree, node by
 * node (kind, tag and value), on every fixture and on strings full of what YAML treats specially.
 */
class CheckTreeTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @Test
    void everyFixtureSetReadsBackAsItsTree() {
        List<Path> sets = new ArrayList<>(TestdriveSets.under(TestdriveFixturesTest.SETS));
        sets.add(PROJECT.resolve("src/test/resources/testdrive-external/kafka_commands"));
        for (Path set : sets) {
            String name = set.getFileName().toString();
            CheckWriter.Document doc = TestdriveImport.document(name, TestdriveSets.phases(set), "schema/check.schema.json", new CheckContext());
            assertSameTree(name, YamlNodes.read(CheckWriter.text(doc), name + ".yaml"), CheckTree.of(doc));
        }
    }

    /** Strings with YAML indicators, quotes, escapes, line breaks, numbers and booleans by their looks, and non-ASCII text. */
    @Test
    void hostileStringsReadBackAsTheStringsWritten() {
        Random random = new Random(20261130);
        String[] pieces = {"a", "Z", "0", "7", " ", "  ", "\t", "\n", "\r", "\r\n", "\0", "\u0007", "\u001b", "\u007f", "\u0085",
                "\u00a0", "\u2028", "\u2029", "\ufeff", "é", "漢", "😀", ":", ": ", " #", "#", "-", "- ", "?", "[", "]", "{", "}", ",",
                "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "${x}", "$${", "null", "~", "true", "False", "yes", "no",
                "on", "0x1F", "1e5", ".inf", "-.NaN", "15.10", "+1", "---", "...", "<null>"};
        List<String> strings = new ArrayList<>(List.of("", " ", "\n", "a\n", "a\n\n", " a", "a ", "-", "1", "1.0", "null", "true"));
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) s.append(pieces[random.nextInt(pieces.length)]);
            strings.add(s.toString());
        }
        for (int i = 0; i < strings.size(); i += 4) {
            String a = strings.get(i), b = strings.get(Math.min(i + 1, strings.size() - 1));
            String c = strings.get(Math.min(i + 2, strings.size() - 1)), d = strings.get(Math.min(i + 3, strings.size() - 1));
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("contains", c);
            OutItem.Entry query = new OutItem.Entry("f.td:1").put("query", a).put("columns", List.of(b, c))
                    .put("rows", List.of(List.of(a, new OutItem.Scalar("1"), new OutItem.Scalar("null")), List.of(d, b, c)));
            OutItem.Entry sql = new OutItem.Entry("f.td:2").put("sql", d).put("error", error).put("retry", new OutItem.Scalar("30s"));
            CheckContext check = new CheckContext();
            check.vars.put("v", b);
            CheckWriter.Document doc = CheckWriter.document("t", java.util.Arrays.asList(null, null, null, null),
                    java.util.Arrays.asList(null, null, null, List.of(new OutItem.Note(a), query, sql)), check, "s.json");
            String text = CheckWriter.text(doc);
            Node read;
            try {
                read = YamlNodes.read(text, "t.yaml");
            } catch (HarnessException.InvalidInput e) {
                throw new AssertionError("the written text does not read for " + List.of(a, b, c, d) + ": " + e.getMessage() + "\n" + text, e);
            }
            assertSameTree(String.valueOf(List.of(a, b, c, d)), read, CheckTree.of(doc));
        }
    }

    @Test
    void theComparisonSeesATagOrAValueThatDiffers() {
        MappingNode tree = YamlNodes.mapping(Map.of("k", YamlNodes.string("1")));
        assertThrows(AssertionError.class, () -> assertSameTree("tag", YamlNodes.read("k: 1\n", "t.yaml"), tree));
        assertThrows(AssertionError.class, () -> assertSameTree("value", YamlNodes.read("k: '2'\n", "t.yaml"), tree));
        assertSameTree("same", YamlNodes.read("k: '1'\n", "t.yaml"), tree);
    }

    /** The tree is what the loader validates: a tree the schema refuses is refused with the key's name. */
    @Test
    void theLoaderValidatesATree() {
        Map<String, Node> keys = new LinkedHashMap<>();
        keys.put("check", YamlNodes.string("t"));
        keys.put("validate", YamlNodes.sequence(List.of(YamlNodes.mapping(Map.of("sqll", YamlNodes.string("SELECT 1"))))));
        HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class, () -> Loader.checkTree(YamlNodes.mapping(keys), "t.yaml"));
        assertTrue(e.getMessage().contains("sqll"), e.getMessage());
        keys.put("validate", YamlNodes.sequence(List.of(YamlNodes.mapping(Map.of("sql", YamlNodes.string("SELECT 1"))))));
        assertEquals("t", Loader.checkTree(YamlNodes.mapping(keys), "t.yaml").name());
    }

    static void assertSameTree(String where, Node read, Node built) {
        if (read.getClass() != built.getClass()) fail(where + ": " + read.getNodeId() + " read, " + built.getNodeId() + " built");
        assertEquals(read.getTag(), built.getTag(), () -> where + ": tag at line " + (read.getStartMark().getLine() + 1));
        if (read instanceof ScalarNode r) {
            assertEquals(r.getValue(), ((ScalarNode) built).getValue(), () -> where + ": value at line " + (read.getStartMark().getLine() + 1));
        } else if (read instanceof SequenceNode r) {
            List<Node> b = ((SequenceNode) built).getValue();
            assertEquals(r.getValue().size(), b.size(), () -> where + ": items at line " + (read.getStartMark().getLine() + 1));
            for (int i = 0; i < b.size(); i++) assertSameTree(where, r.getValue().get(i), b.get(i));
        } else {
            List<NodeTuple> r = ((MappingNode) read).getValue(), b = ((MappingNode) built).getValue();
            assertEquals(r.size(), b.size(), () -> where + ": keys at line " + (read.getStartMark().getLine() + 1));
            for (int i = 0; i < b.size(); i++) {
                assertSameTree(where, r.get(i).getKeyNode(), b.get(i).getKeyNode());
                assertSameTree(where, r.get(i).getValueNode(), b.get(i).getValueNode());
            }
        }
    }
}
