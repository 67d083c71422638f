package dev.harness.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's scenario catalogue table against Materialize's scenario list and {@code scenarios.d/}: every
 * runnable Materialize scenario has a row, a row names a file that exists (and names the scenario it mirrors) or
 * says what it needs, and every scenario file is in the table. A file marked † belongs to another part of the
 * issue: it need not exist yet, and once it does it counts like any other.
 */
class ScenarioCatalogueTableTest {
    private static final Path SCENARIOS = Path.of("scenarios.d");
    private static final String HEADING = "### The scenario catalogue";
    /** A row: `Scenario` | `scenarios.d/file.yaml` [†] or — | notes. */
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (?:`(scenarios\\.d/[\\w/.-]+\\.yaml)`( †)?|—) \\|(.*)\\|$");

    /** Materialize's runnable scenarios (platform checks, §4.1–§4.6 of the reference), plus the abstract SystemVarChange. */
    private static final Set<String> MATERIALIZE = Set.of(
            "NoRestartNoUpgrade", "RestartEntireMz", "DropCreateDefaultReplica", "RestartClusterdCompute",
            "RestartEnvironmentdClusterdStorage", "KillClusterdStorage", "RestartCockroach", "RestartSourcePostgres",
            "RestartRedpandaDebezium",
            "BackupAndRestoreAfterManipulate", "BackupAndRestoreBeforeManipulate", "BackupAndRestoreToPreviousState",
            "BackupAndRestoreMulti",
            "UpgradeEntireMz", "UpgradeEntireMzTwoVersions", "UpgradeEntireMzFourVersions",
            "UpgradeEntireMzFromLatestSelfManaged", "UpgradeEntireMzFromPreviousSelfManaged", "UpgradeV80Migration",
            "UpgradeClusterdComputeLast", "UpgradeClusterdComputeFirst", "ActivateSourceVersioningMigration",
            "PreflightCheckContinue", "PreflightCheckRollback",
            "ZeroDowntimeRestartEntireMz", "ZeroDowntimeRestartEntireMzForcedMigrations", "ZeroDowntimeUpgradeEntireMzOnce",
            "ZeroDowntimeUpgradeEntireMz", "ZeroDowntimeBumpedVersion", "ZeroDowntimeUpgradeEntireMzTwoVersions",
            "ZeroDowntimeUpgradeEntireMzFourVersions",
            "SelfManagedLinearUpgradePathManipulateBeforeUpgrade", "SelfManagedLinearUpgradePathManipulateDuringUpgrade",
            "SelfManagedRandomUpgradePath", "SelfManagedEarliestToLatestDirectUpgrade",
            "SystemVarChange");

    record Row(String scenario, String file, boolean pending, String notes, int line) {}

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf(HEADING);
        assertTrue(start >= 0, "README.md has no section '" + HEADING + "'");
        List<Row> out = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| `")) continue;
            Matcher m = ROW.matcher(line);
            assertTrue(m.matches(), "README.md:" + (i + 1) + ": not a catalogue row: " + line);
            out.add(new Row(m.group(1), m.group(2), m.group(3) != null, m.group(4).strip(), i + 1));
        }
        return out;
    }

    @Test
    void everyMaterializeScenarioHasOneRow() throws IOException {
        List<String> names = rows().stream().map(Row::scenario).toList();
        assertEquals(names.size(), new LinkedHashSet<>(names).size(), "a scenario appears twice: " + names);
        assertEquals(new TreeSet<>(MATERIALIZE), new TreeSet<>(names));
        assertEquals(36, MATERIALIZE.size(), "35 runnable scenarios and SystemVarChange");
    }

    @Test
    void aRowNamesAFileThatExistsAndMirrorsItOrSaysWhatItNeeds() throws IOException {
        for (Row r : rows()) {
            String where = "README.md:" + r.line() + " " + r.scenario();
            if (r.file() == null) {
                assertTrue(r.notes().startsWith("needs "), where + ": a row without a file says what it needs: " + r.notes());
                continue;
            }
            Path file = Path.of(r.file());
            if (r.pending() && !Files.exists(file)) continue; // comes with another part of the issue
            assertTrue(Files.isRegularFile(file), where + ": no file " + file);
            if (!r.pending()) {
                assertTrue(Files.readString(file).contains(r.scenario()), where + ": " + file + " does not name the scenario it mirrors");
            }
        }
    }

    @Test
    void everyScenarioFileIsInTheTable() throws IOException {
        Set<String> named = rows().stream().map(Row::file).filter(f -> f != null).collect(Collectors.toSet());
        List<String> files;
        try (Stream<Path> walk = Files.walk(SCENARIOS)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml")).map(f -> f.toString().replace('\\', '/')).sorted().toList();
        }
        assertFalse(files.isEmpty());
        List<String> missing = files.stream().filter(f -> !named.contains(f)).toList();
        assertEquals(List.of(), missing, "scenario files the README's catalogue table does not name");
    }
}
