package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML file into a SnakeYAML node tree (positions kept, nothing constructed), safely: bounded file
 * size ({@link BoundedFile}), characters ({@link YamlCharacters}), expanded size, aliases and nesting
 * ({@link ExpansionBudget}), duplicate keys and tags ({@link NodeRules}). Every failure becomes a
 * {@link Problem} with a position.
 */
final class YamlReader {
    /** Aliases to lists/mappings; a handful is plenty for hand-written checks and stops "billion laughs" at once. */
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 50;
    /** A check, scenario or harness.yaml is written by hand: 4 MB is far above any real one. */
    static final long MAX_FILE_BYTES = 4 * BoundedFile.MB;

    private YamlReader() {}

    /** The root node of {@code file}, or throws InvalidInput; {@code name} is how the file is shown in messages. */
    static Node read(Path file, String name) {
        return parse(BoundedFile.readText(file, name, MAX_FILE_BYTES), name);
    }

    /** Parses YAML text; the root node, or throws InvalidInput (an empty document is a problem too). */
    static Node parse(String text, String name) {
        YamlCharacters.check(text, name);
        LoaderOptions options = options();
        StreamReader stream = new StreamReader(new StringReader(text));
        Node root;
        try {
            ExpansionBudget events = new ExpansionBudget(new ParserImpl(stream, options), name);
            root = new Composer(events, new Yaml12Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw invalid(name, line(mark), column(mark), syntaxMessage(e));
        } catch (YAMLException e) {
            // SnakeYAML's own limits are backstops behind ExpansionBudget and come without a mark: use where the reader stopped
            Mark mark = stream.getMark();
            throw invalid(name, line(mark), column(mark), limitMessage(e));
        }
        if (root == null) throw invalid(name, 1, 1, "the file is empty; expected a YAML mapping");
        List<Problem> problems = new ArrayList<>();
        NodeRules.check(root, name, problems);
        if (!problems.isEmpty()) throw new HarnessException.InvalidInput(problems);
        return root;
    }

    static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(MAX_NESTING);
        o.setCodePointLimit((int) MAX_FILE_BYTES);
        o.setMergeOnCompose(false);
        return o;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        if (problem.startsWith("Global tag is not allowed: ")) {
            return NodeRules.unsupportedTag(problem.substring("Global tag is not allowed: ".length()));
        }
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
        if (m.contains("code points")) return "the file is larger than " + MAX_FILE_BYTES / BoundedFile.MB + " MB";
        if (m.contains("special characters are not allowed")) return "not a YAML file: it contains special (non-printable) characters";
        return "invalid YAML: " + m.lines().findFirst().orElse(m);
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
