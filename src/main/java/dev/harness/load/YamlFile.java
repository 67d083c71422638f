package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One parsed YAML file: how it is named in messages (the path as given), and its root node.
 * {@link #validated} runs the schema and yields the root for the mappers.
 */
record YamlFile(Path path, String name, Node root) {

    static YamlFile read(Path path) {
        String name = path.toString();
        return new YamlFile(path, name, YamlReader.read(path, name));
    }

    static YamlFile parse(String text, String name) {
        return new YamlFile(Path.of(name), name, YamlReader.parse(text, name));
    }

    /** The file name without extension: the default check / scenario name. */
    String baseName() {
        String f = path.getFileName() == null ? name : path.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    boolean hasTopLevelKey(String key) {
        return root instanceof MappingNode m && new YamlMap(m, name).has(key);
    }

    /** The root as a schema-valid mapping of {@code kind}, or throws InvalidInput with every violation. */
    YamlMap validated(DocumentKind kind) {
        if (!(root instanceof MappingNode)) {
            String found = root instanceof SequenceNode ? "a list" : "a single value '" + ((ScalarNode) root).getValue() + "'";
            throw new HarnessException.InvalidInput(List.of(new Problem(YamlReader.ref(name, root.getStartMark()),
                    "a " + kind.label() + " file must hold a mapping (key: value lines), found " + found)));
        }
        PositionedJson json = PositionedJson.of(root, name);
        List<Problem> problems = SchemaValidator.of(kind).validate(json, name);
        if (!problems.isEmpty()) throw new HarnessException.InvalidInput(problems);
        return new YamlMap((MappingNode) root, name);
    }

    static void throwIfAny(List<Problem> problems) {
        if (problems.isEmpty()) return;
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.BY_POSITION);
        throw new HarnessException.InvalidInput(sorted);
    }
}
