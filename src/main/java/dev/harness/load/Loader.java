package dev.harness.load;

import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Entry points of the load package: YAML with positions -> JSON Schema validation -> model.
 * Every method throws {@link dev.harness.model.HarnessException.InvalidInput} listing all problems of a
 * file as {@code file:line:column: message}.
 */
public final class Loader {
    static final String DEFAULTS_RESOURCE = "default-harness.yaml";
    private static HarnessConfig defaults;

    private Loader() {}

    /** One check file. */
    public static Check loadCheck(Path file) {
        return check(YamlFile.read(file));
    }

    /** A check from text, e.g. one a converter wrote, named {@code name} in its problems. */
    public static Check parseCheck(String text, String name) {
        return check(YamlFile.parse(text, name));
    }

    /**
     * A check built in memory ({@link YamlNodes}) rather than read: the same node rules, schema and mapping as a file.
     * {@code name} names it in messages.
     */
    public static Check checkTree(MappingNode root, String name) {
        List<Problem> problems = new ArrayList<>();
        NodeRules.check(root, name, problems);
        if (!problems.isEmpty()) throw new HarnessException.InvalidInput(problems);
        return check(new YamlFile(Path.of(name), name, root));
    }

    /** Check files and folders (recursively, *.yaml / *.yml), sorted by path; duplicate check names are an error. */
    public static List<Check> loadChecks(List<Path> filesOrFolders) {
        List<Check> checks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : InputFiles.expand(filesOrFolders)) {
            try {
                checks.add(loadCheck(file));
            } catch (HarnessException.InvalidInput e) {
                problems.addAll(e.problems());
            }
        }
        problems.addAll(CheckNames.duplicates(checks));
        YamlFile.throwIfAny(problems);
        return List.copyOf(checks);
    }

    /** One scenario file. */
    public static Scenario loadScenario(Path file) {
        return scenario(YamlFile.read(file));
    }

    /** harness.yaml; null = the built-in defaults. Keys the file leaves out keep their built-in value. */
    public static HarnessConfig loadConfig(Path fileOrNull) {
        return fileOrNull == null ? defaults() : config(YamlFile.read(fileOrNull));
    }

    static Check check(YamlFile file) {
        YamlMap root = file.validated(DocumentKind.CHECK);
        List<Problem> problems = new ArrayList<>();
        Check check = new CheckMapper(file.name(), problems).map(root, file.baseName());
        YamlFile.throwIfAny(problems);
        return check;
    }

    static Scenario scenario(YamlFile file) {
        YamlMap root = file.validated(DocumentKind.SCENARIO);
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = new ScenarioMapper(file.name(), problems).map(root, file.baseName());
        YamlFile.throwIfAny(problems);
        return scenario;
    }

    static HarnessConfig config(YamlFile file) {
        return config(file, defaults());
    }

    private static HarnessConfig config(YamlFile file, HarnessConfig base) {
        YamlMap root = file.validated(DocumentKind.CONFIG);
        List<Problem> problems = new ArrayList<>();
        HarnessConfig config = new ConfigMapper(file.name(), problems).map(root, base);
        YamlFile.throwIfAny(problems);
        return config;
    }

    /** The built-in harness.yaml from the classpath, read through the same path as a user's file (once). */
    private static synchronized HarnessConfig defaults() {
        if (defaults == null) {
            try (InputStream in = Loader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                defaults = config(YamlFile.parse(text, "<built-in harness.yaml>"), ConfigMapper.FALLBACK);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return defaults;
    }
}
