package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Files and folders given on the command line -> the YAML files they hold, in a stable order. */
public final class InputFiles {
    private InputFiles() {}

    /**
     * Each file as is; each folder's *.yaml / *.yml files recursively, sorted by path. A file reached twice (the
     * same folder given twice, a folder and one inside it, a symlink, {@code ./x}) is kept once, where it is
     * first reached. A path that does not exist, a folder that cannot be read and a YAML entry in a folder that
     * is not a regular file (a FIFO, a device) are problems (InvalidInput), reported for all such paths at once.
     */
    public static List<Path> expand(List<Path> filesOrFolders) {
        List<Path> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                for (Path file : folder(p, problems)) keepOnce(file, seen, out);
            } else if (Files.exists(p)) {
                keepOnce(p, seen, out);
            } else {
                problems.add(new Problem(SourceRef.of(p.toString(), 1, 1), "no such file or folder"));
            }
        }
        if (!problems.isEmpty()) throw new HarnessException.InvalidInput(problems);
        return out;
    }

    private static List<Path> folder(Path dir, List<Problem> problems) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> yaml = new ArrayList<>();
            for (Path p : walk.filter(InputFiles::isYaml).sorted().toList()) {
                if (Files.isRegularFile(p)) yaml.add(p);
                else if (!Files.isDirectory(p)) problems.add(new Problem(SourceRef.of(p.toString(), 1, 1), "not a regular file (a FIFO, device, socket or broken link)"));
            }
            return yaml;
        } catch (IOException | UncheckedIOException e) {
            // e.g. a sub-folder without read permission; the message names it
            problems.add(new Problem(SourceRef.of(dir.toString(), 1, 1), "cannot read the folder: " + e.getMessage()));
            return List.of();
        }
    }

    /** The same file by its real path is kept once: a check read twice would clash with itself. */
    private static void keepOnce(Path file, Set<Path> seen, List<Path> out) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath().normalize();
        }
        if (seen.add(real)) out.add(file);
    }

    static boolean isYaml(Path p) {
        Path name = p.getFileName();
        if (name == null) return false;
        String n = name.toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
