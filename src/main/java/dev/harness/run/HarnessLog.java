package dev.harness.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/** harness.log: every step and statement event, one timestamped line each; shared by worker threads. */
public final class HarnessLog implements Consumer<String>, AutoCloseable {
    private final BufferedWriter out;
    private final Clock clock;

    public HarnessLog(Path file, Clock clock) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.clock = clock;
    }

    @Override
    public synchronized void accept(String line) {
        try {
            out.write(clock.instant().toString());
            out.write(' ');
            out.write(line);
            out.newLine();
            out.flush(); // a killed harness must still leave what it did
        } catch (IOException ignored) {
            // logging must never fail the run
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // already reported nothing; closing a log
        }
    }
}
