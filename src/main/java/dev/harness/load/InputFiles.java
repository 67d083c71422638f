package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files and folders given on the command line -> the YAML files they hold, in a stable order. */
public final class InputFiles {
    private InputFiles() {}

    /**
     * Each file as is; each folder's *.yaml / *.yml files recursively, sorted by path. A path that does not
     * exist is a problem (InvalidInput), reported for all such paths at once.
     */
    public static List<Path> expand(List<Path> filesOrFolders) {
        List<Path> out = new ArrayList<>();
        List<Problem> missing = new ArrayList<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(InputFiles::isYaml).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                missing.add(new Problem(SourceRef.of(p.toString(), 1, 1), "no such file or folder"));
            }
        }
        if (!missing.isEmpty()) throw new HarnessException.InvalidInput(missing);
        return out;
    }

    static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
