package dev.harness.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guides stay true: every class, method and file that docs/ARCHITECTURE.md and CONTRIBUTING.md name in
 * backticks exists, so a rename or a deletion that leaves a guide behind fails the build.
 */
class DocsNameRealThingsTest {
    private static final Pattern CODE = Pattern.compile("`([^`\\s]+)`");
    /** {@code ActionTitle}, {@code HarnessConfig.Postgres}, {@code Timeouts.DEFAULTS}, {@code LoaderMappingTest#method}. */
    private static final Pattern CLASS_REF = Pattern.compile("([A-Z][A-Za-z0-9]+)(?:[.#]([A-Za-z_][A-Za-z0-9_]*))?");
    private static final Pattern PATH_REF = Pattern.compile("[a-z][A-Za-z0-9_./-]*/[A-Za-z0-9_./-]*");
    private static final Path JAVA = Path.of("src/main/java/dev/harness");

    @ParameterizedTest
    @ValueSource(strings = {"docs/ARCHITECTURE.md", "CONTRIBUTING.md"})
    void everyNamedClassMethodAndFileExists(String guide) throws IOException {
        Map<String, Path> classes = sourceFiles();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        Matcher m = CODE.matcher(Files.readString(Path.of(guide)));
        while (m.find()) {
            String ref = m.group(1).replaceAll("[(),]+$", "");
            if (PATH_REF.matcher(ref).matches()) {
                checked++;
                if (!pathExists(ref)) missing.add(ref);
            } else {
                Matcher c = CLASS_REF.matcher(ref);
                if (!c.matches()) continue; // a command, an option or a value
                checked++;
                Path file = classes.get(c.group(1));
                if (file == null) missing.add(ref);
                else if (c.group(2) != null && !Files.readString(file).contains(c.group(2))) missing.add(ref);
            }
        }
        assertEquals(List.of(), missing, guide + " names things that do not exist");
        assertTrue(checked > 20, guide + ": only " + checked + " references checked; the pattern no longer finds them");
    }

    /** A path from the repository root, or a package-relative one ({@code cli/ErrorHandler}, {@code runtime/docker/}). */
    private static boolean pathExists(String ref) {
        String bare = ref.endsWith("/") ? ref.substring(0, ref.length() - 1) : ref;
        if (bare.contains("*")) return Files.isDirectory(Path.of(bare.substring(0, bare.lastIndexOf('/'))));
        return Files.exists(Path.of(bare)) || Files.exists(JAVA.resolve(bare)) || Files.exists(JAVA.resolve(bare + ".java"));
    }

    /** Simple class name -> its source file, main and test; nested types are found through their outer file. */
    private static Map<String, Path> sourceFiles() throws IOException {
        Map<String, Path> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> out.put(p.getFileName().toString().replace(".java", ""), p));
        }
        return out;
    }
}
