package dev.harness.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian {@code chromium} for report tests: a fresh profile per run and every background service
 * off, so the only network traffic possible is the page's own.
 */
final class Chromium {
    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or an aborted (skipped) test with a loud notice; fails instead with -Dharness.requireBrowser=true. */
    static Chromium require() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) return new Chromium(p);
        }
        String notice = "\n*** Chromium not found (apt-get install -y chromium): browser tests of report.html SKIPPED ***\n";
        System.err.println(notice);
        if (Boolean.getBoolean("harness.requireBrowser")) throw new AssertionError(notice.trim());
        Assumptions.abort(notice.trim());
        return null;
    }

    /** Runs chromium with {@code extra} arguments on {@code url}; returns stdout. */
    String run(Path profile, List<String> extra, String url) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(extra);
        cmd.add(url);
        Path out = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }
}
