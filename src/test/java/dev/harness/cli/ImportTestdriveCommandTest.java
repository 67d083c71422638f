package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness import testdrive} through the real command line: its exit codes, stdout or -o, stderr. */
class ImportTestdriveCommandTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void fullyTranslatedWritesTheCheckAndExitsZero() throws IOException {
        Path init = file("init.td", "> CREATE TABLE x (a int)\n");
        Path val = file("val.td", "> SELECT count(*) FROM x\n0\n");
        Path out = dir.resolve("imported.yaml");
        CapturedRun r = CapturedRun.of("import", "testdrive", "--initialize", init.toString(), "--validate", val.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertEquals("", r.err());
        String yaml = Files.readString(out);
        assertTrue(yaml.startsWith("# yaml-language-server: $schema="), yaml);
        assertTrue(yaml.contains("  # from " + val + ":1\n  - query: SELECT count(*) FROM x\n"), yaml);
        assertEquals("imported", Loader.loadCheck(out).name(), "the name comes from the output file");
    }

    @Test
    void withoutOutputTheCheckGoesToStdout() throws IOException {
        Path val = file("val.td", "> SELECT 1\n1\n");
        CapturedRun r = CapturedRun.of("import", "testdrive", "--name", "n1", "--validate", val.toString());
        assertEquals(ExitCode.OK, r.exit());
        assertTrue(r.out().contains("check: n1\n") && r.out().contains("validate:\n"), r.out());
    }

    @Test
    void untranslatedCommandsAreListedOnStderrAndExitOne() throws IOException {
        Path m1 = file("m1.td", "> SELECT 1\n1\n");
        Path m2 = file("m2.td", "$ kafka-ingest topic=t format=bytes\nx\n$ mysql-execute name=m\nSELECT 1\n");
        Path out = dir.resolve("k.yaml");
        CapturedRun r = CapturedRun.of("import", "testdrive", "--manipulate", m1.toString(), m2.toString(), "-o", out.toString());
        assertEquals(ExitCode.CHECK_FAILED, r.exit());
        assertEquals(m2 + ":1: not translated: $ kafka-ingest: Kafka is not available to harness checks\n"
                + m2 + ":3: not translated: $ mysql-execute: MySQL is not available to harness checks\n", r.err());
        assertEquals(1, Loader.loadCheck(out).manipulate1().size(), "the file loads");
        assertEquals(ExitCode.OK, CapturedRun.of("validate", out.toString()).exit());
    }

    @Test
    void aSyntaxErrorExitsTwoWithFileLineColumnAndWritesNothing() throws IOException {
        Path val = file("bad.td", "> SELECT 'a b'\n\"a b\n");
        Path out = dir.resolve("bad.yaml");
        CapturedRun r = CapturedRun.of("import", "testdrive", "--validate", val.toString(), "-o", out.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertEquals(val + ":2:1: unterminated quote", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void noFragmentIsAUsageError() {
        CapturedRun r = CapturedRun.of("import", "testdrive", "--name", "x");
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("give at least one of --initialize, --manipulate, --validate"), r.err());
    }

    @Test
    void setsImportEveryFolderAsACheck() throws IOException {
        Path out = dir.resolve("checks");
        CapturedRun r = CapturedRun.of("import", "testdrive", "--sets", PROJECT.resolve("src/test/resources/testdrive").toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(Files.exists(out.resolve("td_cursors.yaml")));
        assertEquals(ExitCode.OK, CapturedRun.of("validate", out.toString()).exit());
    }
}
