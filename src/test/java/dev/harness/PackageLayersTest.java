package dev.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/ARCHITECTURE.md promises, read from the sources: packages depend downwards only, and each
 * strategy (a system, a runtime, a reporter) sits in its own folder below its contract, never importing a
 * sibling strategy, while the contract imports none of them. Only a registry folder may know the implementations.
 */
class PackageLayersTest {
    private static final Path MAIN = Path.of(System.getProperty("harness.projectDir", "."), "src/main/java/dev/harness");
    private static final Map<String, Integer> LAYER = Map.of(
            "model", 0, "load", 1, "plan", 1, "report", 1, "runtime", 1, "system", 2, "convert", 2, "run", 3, "cli", 4);
    private static final Set<String> STRATEGY_FAMILIES = Set.of("system", "runtime", "report");
    private static final String REGISTRY = "registry";
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.harness\\.([a-z][a-z0-9.]*)\\.[A-Z]");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    record Edge(String from, String to, String file) {}

    @Test
    void packagesDependDownwardsOnly() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Edge e : edges()) {
            String from = top(e.from()), to = top(e.to());
            if (from.equals(to)) continue;
            Integer a = LAYER.get(from), b = LAYER.get(to);
            if (a == null || b == null || a <= b) wrong.add(e.file() + ": " + e.from() + " -> " + e.to());
        }
        assertEquals(List.of(), wrong, "imports that point sideways or upwards");
    }

    @Test
    void strategiesImportTheirContractNeverASiblingAndTheContractImportsNoStrategy() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Edge e : edges()) {
            String family = top(e.from());
            if (!STRATEGY_FAMILIES.contains(family) || !family.equals(top(e.to()))) continue;
            boolean fromParent = e.from().equals(family), toParent = e.to().equals(family);
            boolean fromRegistry = e.from().equals(family + "." + REGISTRY);
            if (fromParent && !toParent) wrong.add(e.file() + ": the contract " + e.from() + " imports the strategy " + e.to());
            if (!fromParent && !toParent && !fromRegistry) wrong.add(e.file() + ": " + e.from() + " imports its sibling " + e.to());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theScanSeesTheKnownStrategyFolders() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Edge e : edges()) packages.add(e.from());
        for (String expected : List.of("system.postgres", "system.materialize", "system.registry", "runtime.process",
                "runtime.docker", "report.junit", "report.html", "report.console")) {
            assertTrue(packages.contains(expected), "no sources found in " + expected + ": " + packages);
        }
    }

    private static String top(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private static List<Edge> edges() throws IOException {
        List<Edge> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                String code = COMMENTS.matcher(Files.readString(file)).replaceAll("");
                Matcher m = REFERENCE.matcher(code);
                Set<String> targets = new TreeSet<>();
                while (m.find()) targets.add(m.group(1));
                for (String to : targets) {
                    if (!to.equals(from)) out.add(new Edge(from, to, MAIN.relativize(file).toString()));
                }
            }
        }
        return out;
    }
}
