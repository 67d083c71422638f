package dev.harness.convert.testdrive;

import dev.harness.load.DocumentKind;
import dev.harness.load.SchemaValidator;
import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A folder of fragment sets, one check each: every sub-folder holding any of {@code initialize.td},
 * {@code manipulate-1.td}, {@code manipulate-2.td} and {@code validate.td} (the check takes the folder's name).
 * Importing many at once spares a JVM start per check.
 */
public final class TestdriveSets {
    public static final List<String> FILES = List.of("initialize.td", "manipulate-1.td", "manipulate-2.td", "validate.td");

    private TestdriveSets() {}

    /** The set folders under {@code dir}, sorted by name. */
    public static List<Path> under(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(TestdriveSets::isSet).sorted().toList();
        } catch (IOException e) {
            throw new HarnessException.InvalidInput("--sets " + dir + ": cannot list the folder: " + e.getMessage());
        }
    }

    private static boolean isSet(Path folder) {
        return FILES.stream().anyMatch(f -> Files.isRegularFile(folder.resolve(f)));
    }

    /** One set's import: its check's YAML and untranslated lines, or the problems (a syntax error) that stopped it. */
    public record Outcome(Path set, String name, TestdriveImport.Result result, List<Problem> problems) {}

    /**
     * Imports every set, on all cores (each set is independent; the loader that validates each output is the costly
     * part), in the order of {@code sets}. {@code schemaOf} gives a check name's {@code $schema} path.
     */
    public static List<Outcome> importAll(List<Path> sets, Function<String, String> schemaOf) {
        // The check schema compiles once (a tenth of a second on a cold JVM) while the first sets are read and translated.
        Thread schema = new Thread(() -> {
            try {
                SchemaValidator.of(DocumentKind.CHECK);
            } catch (RuntimeException e) {
                // not here: the first check's validation meets the same failure and reports it
            }
        }, "check-schema");
        schema.setDaemon(true);
        schema.start();
        return sets.parallelStream().map(set -> {
            String name = Names.requireEntity("--sets " + set, set.getFileName().toString());
            try {
                return new Outcome(set, name, TestdriveImport.convert(name, phases(set), schemaOf.apply(name)), List.of());
            } catch (HarnessException.InvalidInput e) {
                return new Outcome(set, name, null, e.problems());
            }
        }).toList();
    }

    /** The phases of one set folder; a file it lacks is an empty phase. */
    public static TestdriveImport.Phases phases(Path folder) {
        TestdriveImport.Fragment[] f = new TestdriveImport.Fragment[FILES.size()];
        for (int i = 0; i < f.length; i++) {
            Path p = folder.resolve(FILES.get(i));
            f[i] = Files.isRegularFile(p) ? TestdriveImport.Fragment.read(p) : null;
        }
        return new TestdriveImport.Phases(f[0], f[1], f[2], f[3]);
    }
}
