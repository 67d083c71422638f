package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.cli.YamlLanguageServer.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an editor shows for the repository's YAML: yaml-language-server (one process for every file) with the
 * {@code # yaml-language-server: $schema=} comments, and for files without one the schema {@code harness validate}
 * would pick. Files meant to be valid get no diagnostic; broken ones get them at the positions
 * {@code harness validate} reports, except for the {@link EditorDifferences listed} rules a JSON Schema cannot say.
 */
class EditorSchemaTest {
    private static final Pattern MODELINE = Pattern.compile("(?m)^# yaml-language-server: \\$schema=");
    private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z][A-Za-z0-9_-]*):(?:\\s|$)");

    @TempDir
    static Path configs;

    private static YamlLanguageServer server;
    private static Map<Path, List<Diagnostic>> diagnostics;

    @BeforeAll
    static void diagnoseEveryYamlFile() throws IOException, InterruptedException {
        List<Path> files = RepositoryYaml.files().stream().filter(f -> !RepositoryYaml.isBroken(f) || RepositoryYaml.isCompared(f)).toList();
        Map<Path, List<Path>> bySchema = new TreeMap<>();
        for (Path f : files) {
            Path schema = MODELINE.matcher(read(f)).find() ? null : RepositoryYaml.schemaOf(f);
            if (schema != null) bySchema.computeIfAbsent(schema, s -> new ArrayList<>()).add(f);
        }
        server = YamlLanguageServer.start(bySchema);
        diagnostics = server.diagnose(files, Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) server.close();
    }

    @Test
    void everyYamlFileMeantToBeValidHasNoDiagnostic() throws IOException {
        List<Path> valid = RepositoryYaml.files().stream().filter(f -> !RepositoryYaml.isBroken(f)).toList();
        for (String shipped : List.of("harness.yaml", "src/main/resources/default-harness.yaml", "checks.d/portable/table_data.yaml",
                "scenarios.d/zero_downtime.yaml", "docs/examples/start_settings.yaml")) {
            assertTrue(valid.contains(Path.of(shipped)), "not among the files meant to be valid: " + shipped);
        }
        List<String> found = new ArrayList<>();
        for (Path f : valid) diagnostics.get(f).forEach(d -> found.add(f + ":" + d.position() + ": " + d.message()));
        assertEquals(List.of(), found, "yaml-language-server finds problems in files meant to be valid");
    }

    @Test
    void brokenFilesHaveDiagnosticsWhereHarnessValidateReportsProblems() throws IOException {
        List<String> disagree = new ArrayList<>();
        int compared = 0;
        for (Path f : RepositoryYaml.files()) {
            if (!RepositoryYaml.isCompared(f)) continue;
            Set<String> harness = harnessPositions(f);
            Set<String> editor = new TreeSet<>(diagnostics.get(f).stream().map(Diagnostic::position).toList());
            String reason = EditorDifferences.REASONS.get(f.toString().replace('\\', '/'));
            if (reason == null) {
                compared++;
                assertFalse(harness.isEmpty(), f + ": harness validate finds no problem in a broken fixture");
                if (!harness.equals(editor)) disagree.add(f + ": harness validate at " + harness + ", editor at " + editor + " " + diagnostics.get(f));
            } else if (harness.equals(editor)) {
                disagree.add(f + ": listed as differing (" + reason + ") but both report " + harness + ": take it off EditorDifferences");
            }
        }
        assertEquals(List.of(), disagree);
        assertTrue(compared >= 100, "only " + compared + " broken files compared");
    }

    @Test
    void everyListedDifferenceIsABrokenFixture() {
        for (String file : EditorDifferences.REASONS.keySet()) {
            assertTrue(Files.isRegularFile(Path.of(file)), "EditorDifferences names no file: " + file);
            assertTrue(RepositoryYaml.isCompared(Path.of(file)), "EditorDifferences names a file that is not compared: " + file);
        }
    }

    @Test
    void aThirdOrAMissingSecondPhaseIsAnErrorInTheEditor() {
        assertEquals(List.of(new Diagnostic(5, 3, "Property 3 is not allowed.")),
                diagnostics.get(Path.of("src/test/resources/hostile/check/manipulate_three_phases.yaml")));
        assertEquals(List.of(new Diagnostic(7, 3, "Property 3 is not allowed.")),
                diagnostics.get(Path.of("src/test/resources/editor/quoted_phase_three.yaml")));
        assertEquals(List.of(new Diagnostic(6, 1, "Missing property \"2\".")),
                diagnostics.get(Path.of("src/test/resources/editor/phase_two_missing.yaml")));
    }

    /** Hovering a key shows that key as the title and the Markdown description with its code spans intact. */
    @Test
    void hoverNamesTheKeyAndKeepsCodeFormatting() throws IOException, InterruptedException {
        Set<String> declared = declaredKeys();
        List<String> wrong = new ArrayList<>();
        int hovered = 0;
        for (Path f : List.of(Path.of("checks.d/portable/expected_errors.yaml"), Path.of("checks.d/portable/table_data.yaml"),
                Path.of("scenarios.d/zero_downtime.yaml"), Path.of("scenarios.d/random_upgrade_path.yaml"), Path.of("harness.yaml"),
                Path.of("src/test/resources/services/scenarios/upstream_restart.yaml"), Path.of("docs/examples/start_settings_materialize.yaml"))) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = KEY.matcher(lines.get(i));
                if (!m.find() || !declared.contains(m.group(2))) continue;
                int column = m.group(1).length() + 2; // inside the key: its first column also ends the node before
                String text = server.hover(f, i + 1, column);
                hovered++;
                String at = f + ":" + (i + 1) + ":" + column + " " + m.group(2);
                if (!text.startsWith("#### " + m.group(2) + "\n")) wrong.add(at + ": title is not the key: " + text);
                if (text.contains("\\`")) wrong.add(at + ": escaped backticks: " + text);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(hovered >= 50, "only " + hovered + " keys hovered");
        assertTrue(server.hover(Path.of("checks.d/portable/table_data.yaml"), 3, 2).contains("`harness list`"), "no code span in the hover of description");
    }

    /** Problem positions of {@code harness validate FILE}; a configuration fixture is validated as a harness.yaml. */
    private static Set<String> harnessPositions(Path f) throws IOException {
        Path validated = f;
        if (RepositoryYaml.schemaOf(f).endsWith("config.schema.json")) {
            validated = Files.createDirectories(configs.resolve(f.getFileName().toString())).resolve("harness.yaml");
            Files.copy(f, validated);
        }
        CapturedRun run = CapturedRun.of("validate", validated.toString());
        assertEquals(2, run.exit(), f + ": " + run.out() + run.err());
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(validated.toString()) + ":(\\d+):(\\d+): ");
        Set<String> positions = new TreeSet<>();
        for (Matcher m = line.matcher(run.err()); m.find(); ) positions.add(m.group(1) + ":" + m.group(2));
        return positions;
    }

    /** Every property name the three schemas declare. */
    private static Set<String> declaredKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String kind : List.of("check", "scenario", "config")) {
            collectKeys(new ObjectMapper().readTree(Path.of("schema", kind + ".schema.json").toFile()), keys);
        }
        return keys;
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        JsonNode properties = node.path("properties");
        if (properties.isObject()) properties.fieldNames().forEachRemaining(keys::add);
        node.elements().forEachRemaining(child -> collectKeys(child, keys));
    }

    private static String read(Path f) throws IOException {
        return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    }
}
