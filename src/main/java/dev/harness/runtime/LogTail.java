package dev.harness.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The last lines of a service log, quoted in errors so a failed start explains itself. */
public final class LogTail {
    private LogTail() {}

    public static String of(Path log, int lines) {
        if (log == null || !Files.exists(log)) return "(no log)";
        Deque<String> tail = new ArrayDeque<>();
        try (Stream<String> s = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            s.forEach(line -> {
                tail.addLast(line);
                if (tail.size() > lines) tail.removeFirst();
            });
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
        return String.join("\n", List.copyOf(tail));
    }
}
