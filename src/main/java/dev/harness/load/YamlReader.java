package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML file into a SnakeYAML node tree (positions kept, nothing constructed), safely: bounded
 * size, nesting and aliases, duplicate keys rejected. Every failure becomes a {@link Problem} with a position.
 */
final class YamlReader {
    /** Aliases to lists/mappings; a handful is plenty for hand-written checks and stops "billion laughs" at once. */
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 50;
    static final int MAX_CODE_POINTS = 2_000_000;
    static final long MAX_FILE_BYTES = 8L * MAX_CODE_POINTS;

    private YamlReader() {}

    /** The root node of {@code file}, or throws InvalidInput; {@code name} is how the file is shown in messages. */
    static Node read(Path file, String name) {
        return parse(readText(file, name), name);
    }

    static String readText(Path file, String name) {
        try {
            if (Files.isDirectory(file)) throw invalid(name, 1, 1, "cannot read file: it is a folder");
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw invalid(name, 1, 1, "file too large: " + Files.size(file) + " bytes (limit " + MAX_FILE_BYTES + ")");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw invalid(name, 1, 1, "cannot read file: no such file");
        } catch (CharacterCodingException e) {
            throw invalid(name, 1, 1, "not a YAML file: the content is not UTF-8 text");
        } catch (IOException e) {
            throw invalid(name, 1, 1, "cannot read file: " + e.getMessage());
        }
    }

    /** Parses YAML text; the root node, or throws InvalidInput (an empty document is a problem too). */
    static Node parse(String text, String name) {
        LoaderOptions options = options();
        StreamReader stream = new StreamReader(new StringReader(text));
        Node root;
        try {
            root = new Composer(new ParserImpl(stream, options), new Yaml12Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw invalid(name, line(mark), column(mark), syntaxMessage(e));
        } catch (YAMLException e) {
            // limits (aliases, nesting, code points) and unreadable characters come without a mark: use where the reader stopped
            Mark mark = stream.getMark();
            throw invalid(name, line(mark), column(mark), limitMessage(e));
        }
        if (root == null) throw invalid(name, 1, 1, "the file is empty; expected a YAML mapping");
        List<Problem> duplicates = new ArrayList<>();
        findDuplicateKeys(root, name, duplicates, new java.util.IdentityHashMap<>());
        if (!duplicates.isEmpty()) throw new HarnessException.InvalidInput(duplicates);
        return root;
    }

    static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(MAX_NESTING);
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setMergeOnCompose(false);
        return o;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        StringBuilder sb = new StringBuilder("YAML syntax error: ").append(problem);
        if (e.getContext() != null) {
            sb.append(" (").append(e.getContext());
            if (e.getContextMark() != null && e.getProblemMark() != null && e.getContextMark() != e.getProblemMark()) {
                sb.append(" at line ").append(line(e.getContextMark())).append(", column ").append(column(e.getContextMark()));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String limitMessage(YAMLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("aliases")) {
            return "too many aliases: more than " + MAX_ALIASES + " aliases (*name) to lists or mappings;"
                    + " the limit protects against alias bombs (\"billion laughs\")";
        }
        if (m.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
            return "nested too deeply: more than " + MAX_NESTING + " levels of lists or mappings";
        }
        if (m.contains("code points")) return "file too large: more than " + MAX_CODE_POINTS + " characters";
        if (m.contains("special characters are not allowed")) return "not a YAML file: it contains special (non-printable) characters";
        return "invalid YAML: " + m.lines().findFirst().orElse(m);
    }

    /** SnakeYAML's compose step does not check duplicate keys (the constructor does); so check them here. */
    private static void findDuplicateKeys(Node node, String name, List<Problem> out, Map<Node, Boolean> seen) {
        if (seen.put(node, Boolean.TRUE) != null) return; // aliases share nodes
        if (node instanceof MappingNode mapping) {
            Map<String, Node> first = new HashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    Node earlier = first.putIfAbsent(key.getValue(), key);
                    if (earlier != null) {
                        out.add(new Problem(ref(name, key.getStartMark()), "duplicate key '" + key.getValue() + "' (first defined at line "
                                + line(earlier.getStartMark()) + ", column " + column(earlier.getStartMark()) + ")"));
                    }
                }
                findDuplicateKeys(t.getValueNode(), name, out, seen);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) findDuplicateKeys(child, name, out, seen);
        }
    }

    static SourceRef ref(String name, Mark mark) {
        return SourceRef.of(name, line(mark), column(mark));
    }

    static int line(Mark mark) {
        return mark == null ? 1 : mark.getLine() + 1;
    }

    static int column(Mark mark) {
        return mark == null ? 1 : mark.getColumn() + 1;
    }

    static HarnessException.InvalidInput invalid(String name, int line, int column, String message) {
        return new HarnessException.InvalidInput(List.of(new Problem(SourceRef.of(name, line, column), message)));
    }
}
