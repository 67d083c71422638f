package dev.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The YAML files of the repository as an editor meets them: which are meant to be valid, which are broken on
 * purpose (fixtures), and which schema {@code harness validate} would check each against.
 */
final class RepositoryYaml {
    /** Build output, installed tools, run output and version control: not the project's files. */
    private static final Set<Path> NOT_SOURCES = Set.of(Path.of("target"), Path.of(".tools"), Path.of(".git"), Path.of("reports"),
            Path.of("bench/out"));
    /** Folders of fixtures that are wrong on purpose; the editor is compared with harness validate on these. */
    private static final List<Path> COMPARED = List.of(Path.of("src/test/resources/hostile/check"), Path.of("src/test/resources/hostile/scenario"),
            Path.of("src/test/resources/hostile/config"), Path.of("src/test/resources/load/errors"), Path.of("src/test/resources/editor"));
    /** Broken too, but in bytes (encodings) or file names, which are no matter of a schema. */
    private static final List<Path> BROKEN_OTHERWISE = List.of(Path.of("src/test/resources/hostile/encoding"), Path.of("src/test/resources/hostile/names"));
    private static final Pattern STEPS = Pattern.compile("(?m)^steps:");

    private RepositoryYaml() {}

    /** Every *.yaml / *.yml file, relative to the project folder, sorted. */
    static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(""))) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> NOT_SOURCES.stream().noneMatch(p::startsWith) && Files.isRegularFile(p))
                    .filter(p -> Stream.iterate(p.getParent(), d -> d != null, Path::getParent).noneMatch(d -> d.getFileName().toString().equals("node_modules")))
                    .sorted()
                    .toList();
        }
    }

    static boolean isCompared(Path file) {
        return COMPARED.stream().anyMatch(file::startsWith);
    }

    static boolean isBroken(Path file) {
        return isCompared(file) || BROKEN_OTHERWISE.stream().anyMatch(file::startsWith);
    }

    /**
     * The schema for a file without a {@code $schema} comment, by the rule of harness validate (harness.yaml is
     * configuration, a document with steps a scenario, anything else a check); the configuration fixtures are
     * configuration. Null under src/main: its other YAML files are resources, not harness documents.
     */
    static Path schemaOf(Path file) throws IOException {
        if (file.startsWith("src/main")) return null;
        String kind;
        if (file.getFileName().toString().equals("harness.yaml") || file.startsWith("src/test/resources/hostile/config")) kind = "config";
        else if (STEPS.matcher(Files.readString(file, StandardCharsets.ISO_8859_1)).find()) kind = "scenario";
        else kind = "check";
        return Path.of("schema", kind + ".schema.json");
    }
}
