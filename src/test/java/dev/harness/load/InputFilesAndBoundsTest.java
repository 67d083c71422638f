package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Check;
import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the harness reads: each file once, regular files only, nothing above its size cap. */
class InputFilesAndBoundsTest {
    private static final Path PORTABLE = Path.of("checks.d/portable");

    @TempDir
    Path dir;

    @Test
    void aFolderGivenTwiceOverlappingThroughDotOrASymlinkIsReadOnce() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link"), PORTABLE.toAbsolutePath());
        List<Path> once = InputFiles.expand(List.of(Path.of("checks.d")));
        List<Path> all = InputFiles.expand(List.of(Path.of("checks.d"), PORTABLE, Path.of("./checks.d/portable"), link,
                PORTABLE.resolve("table_data.yaml")));
        assertEquals(once, all);
        List<Check> checks = Loader.loadChecks(List.of(Path.of("checks.d"), PORTABLE, link));
        assertEquals(once.size(), checks.size(), "no check is reported as its own duplicate");
    }

    @Test
    void twoFilesWithOneNameAreStillDuplicates() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "check: same\nvalidate:\n  - sql: SELECT 1\n");
        Files.writeString(dir.resolve("b.yaml"), "check: same\nvalidate:\n  - sql: SELECT 1\n");
        List<Problem> ps = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadChecks(List.of(dir, dir))).problems();
        assertEquals(2, ps.size(), ps::toString);
        assertTrue(ps.get(0).message().startsWith("duplicate check name 'same'"), ps::toString);
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = mkfifo(dir.resolve("fifo.yaml"));
        Problem p = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadCheck(fifo)).problems().get(0));
        assertEquals(fifo + ":1:1: cannot read file: not a regular file (a FIFO, device or socket)", p.toString());
    }

    @Test
    void aFifoInACheckFolderIsAProblemNotSkippedSilently() throws Exception {
        Files.copy(PORTABLE.resolve("nulls.yaml"), dir.resolve("nulls.yaml"));
        Path fifo = mkfifo(dir.resolve("x.yaml"));
        List<Problem> ps = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadChecks(List.of(dir))).problems());
        assertEquals(List.of(fifo + ":1:1: not a regular file (a FIFO, device, socket or broken link)"), ps.stream().map(Problem::toString).toList());
    }

    @Test
    void aDeviceIsRefused() {
        Problem p = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadConfig(Path.of("/dev/zero"))).problems().get(0);
        assertEquals("/dev/zero:1:1: cannot read file: not a regular file (a FIFO, device or socket)", p.toString());
    }

    @Test
    void aFileAboveTheCapIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(YamlReader.MAX_FILE_BYTES + 1); // sparse: refused by its size, never read
        }
        Problem p = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadScenario(big)).problems().get(0);
        assertEquals(big + ":1:1: the file is larger than 4 MB (4194305 bytes); the limit protects the harness's memory", p.toString());
    }

    @Test
    void aFileAtTheCapIsRead() throws IOException {
        String head = "check: at_cap\nvalidate:\n  - sql: SELECT 1\n";
        Path file = Files.writeString(dir.resolve("at_cap.yaml"), head + "#".repeat((int) YamlReader.MAX_FILE_BYTES - head.length()));
        assertEquals(YamlReader.MAX_FILE_BYTES, Files.size(file));
        assertEquals("at_cap", Loader.loadCheck(file).name());
    }

    @Test
    void aFileThatReportsNoSizeIsStillBounded() {
        // /proc files are regular and report size 0 whatever they hold: the read itself is capped
        String text = BoundedFile.readText(Path.of("/proc/self/status"), "status", 1 << 20);
        assertTrue(text.contains("Name:"), text);
        Problem p = assertThrows(HarnessException.InvalidInput.class,
                () -> BoundedFile.readText(Path.of("/proc/self/status"), "status", 16)).problems().get(0);
        assertEquals("status:1:1: the file is larger than 16 bytes; the limit protects the harness's memory", p.toString());
    }

    private static Path mkfifo(Path file) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).inheritIO().start().waitFor());
        return file;
    }
}
