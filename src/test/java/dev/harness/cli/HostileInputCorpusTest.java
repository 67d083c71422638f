package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed input of {@code src/test/resources/hostile/} through the real command line, in-process:
 * {@code cases.tsv} (checks, scenarios, configs, encodings, sizes, FIFOs, CLI values) and {@code plans.tsv}
 * (a real {@code harness plan --json}, tampered with and replayed by {@code run --plan}). Each case must end with
 * its exit code, print its position and message, never a stack trace or a raw control character, and a
 * {@code run} must fail before its report folder (and so any server) exists.
 */
class HostileInputCorpusTest {
    static final String HOSTILE = "src/test/resources/hostile";
    private static final Duration CASE_DEADLINE = Duration.ofSeconds(60);

    /** Generated fixtures: big and special files are made here rather than committed. */
    @TempDir
    static Path generated;

    record Case(String name, int exit, String expect, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void fixtures() throws IOException, InterruptedException {
        sparse(generated.resolve("big.yaml"), 4 * 1024 * 1024 + 1);
        sparse(generated.resolve("big-plan.json"), 64L * 1024 * 1024 + 1);
        StringBuilder bomb = new StringBuilder("check: scalar_bomb\nvalidate:\n  - sql: &q \"SELECT " + "x".repeat(40_000) + "\"\n");
        Files.writeString(generated.resolve("scalar-bomb.yaml"), bomb.append("  - sql: *q\n".repeat(10_000)));
        mkfifo(generated.resolve("fifo.yaml"));
        mkfifo(generated.resolve("fifo.json"));
        Path withFifo = Files.createDirectories(generated.resolve("checks-with-fifo"));
        Files.copy(Path.of("checks.d/portable/nulls.yaml"), withFifo.resolve("nulls.yaml"));
        mkfifo(withFifo.resolve("x.yaml"));
        Files.createDirectories(generated.resolve("empty-checks"));
        Files.copy(Path.of("checks.d/portable/nulls.yaml"), Files.createDirectories(generated.resolve("one-check")).resolve("nulls.yaml"));
        Files.writeString(Files.createDirectories(generated.resolve("gated-checks")).resolve("mz_only.yaml"),
                "check: mz_only\nsystems: [materialize]\nvalidate:\n  - sql: SELECT 1\n");
        Files.createSymbolicLink(generated.resolve("link-to-portable"), Path.of("checks.d/portable").toAbsolutePath());
        Files.writeString(generated.resolve("a-file"), "not a folder\n");
        Files.writeString(generated.resolve("plan.json"), validPlan());
        Path plans = Files.createDirectories(generated.resolve("plans"));
        String plan = validPlan();
        for (String[] row : rows("plans.tsv").toList()) Files.write(plans.resolve(row[0] + ".json"), PlanMutation.apply(plan, row[3]));
    }

    private static String validPlan() {
        ValidateAndSchemaCommandTest.Run r = ValidateAndSchemaCommandTest.run("plan", "--json", "--system", "postgres", "--seed", "1",
                "--checks", "checks.d/portable/table_data.yaml", "--checks", "checks.d/portable/views.yaml", "scenarios.d/upgrade_entire.yaml");
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    static Stream<Case> cases() throws IOException {
        return Stream.concat(fileCases(), planCases().stream());
    }

    private static Stream<Case> fileCases() throws IOException {
        return rows("cases.tsv").map(f -> new Case(f[0], Integer.parseInt(f[1]), f[2], tokens(f[3])));
    }

    private static List<Case> planCases() throws IOException {
        return rows("plans.tsv").map(f -> {
            String file = generated.resolve("plans").resolve(f[0] + ".json").toString();
            return new Case("plan/" + f[0], Integer.parseInt(f[1]), f[2].replace("{PLAN}", file),
                    List.of("run", "--out", "{T}", "--plan", file));
        }).toList();
    }

    private static Stream<String[]> rows(String manifest) throws IOException {
        return Files.readAllLines(Path.of(HOSTILE, manifest), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 4));
    }

    /** Space-separated; {@code \e} ESC, {@code \a} BEL, {@code \s} a space inside a token. */
    private static List<String> tokens(String command) {
        List<String> out = new ArrayList<>();
        for (String t : command.split(" ")) {
            if (!t.isEmpty()) out.add(t.replace("\\e", "\u001b").replace("\\a", "\u0007").replace("\\s", " "));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseExitsWithItsCodeAndPositionWithoutTraceOrControlCharacters(Case c) {
        Path reports = generated.resolve("out").resolve(c.name().replace('/', '_'));
        List<String> args = c.args().stream().map(a -> substitute(a, reports)).toList();
        CapturedRun r = assertTimeoutPreemptively(CASE_DEADLINE, () -> CapturedRun.of(args.toArray(String[]::new)),
                () -> c + " did not finish: a read that blocks (FIFO?) or a blow-up");
        String output = r.out() + r.err();
        assertEquals(c.exit(), r.exit(), () -> c + " exit code; output:\n" + output);
        String expect = substitute(c.expect(), reports);
        assertTrue(output.lines().anyMatch(line -> matches(line, expect)), () -> c + " expected:\n" + expect + "\nin output:\n" + output);
        for (String trace : List.of("at dev.", "\tat ", "Exception")) {
            assertFalse(output.contains(trace), () -> c + " printed a stack trace or exception (" + trace + "):\n" + output);
        }
        for (char ch : output.toCharArray()) {
            boolean control = (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7f && ch <= 0x9f);
            assertFalse(control, () -> c + String.format(" printed the raw control character \\x%02x:%n", (int) ch) + output);
        }
        if (args.contains("run") && c.exit() != 0) {
            assertFalse(Files.exists(reports) && reports.toFile().list().length > 0, () -> c + " started a run: " + reports);
        }
    }

    @Test
    void theCorpusHasAtLeast150CasesWithUniqueNamesAndUsesEveryFileInIt() throws IOException {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 150, "only " + all.size() + " cases");
        Set<String> names = new HashSet<>();
        for (Case c : all) assertTrue(names.add(c.name()), "duplicate case " + c.name());
        String manifest = Files.readString(Path.of(HOSTILE, "cases.tsv"));
        try (Stream<Path> files = Files.walk(Path.of(HOSTILE))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".tsv")).toList()) {
                String ref = "{H}/" + Path.of(HOSTILE).relativize(f);
                assertTrue(manifest.contains(ref), "no case uses " + ref);
            }
        }
    }

    /** {@code expect} is a substring of {@code line}; parts separated by " … " appear in that order on the line. */
    private static boolean matches(String line, String expect) {
        int from = 0;
        for (String part : expect.split(" … ")) {
            int at = line.indexOf(part, from);
            if (at < 0) return false;
            from = at + part.length();
        }
        return true;
    }

    private static String substitute(String text, Path reports) {
        return text.replace("{H}", HOSTILE).replace("{G}", generated.toString()).replace("{T}", reports.toString());
    }

    /** A file of {@code size} bytes that takes no disk space: the size cap must refuse it before reading. */
    private static void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    private static void mkfifo(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + file);
    }
}
