package dev.harness.report.html;

import dev.harness.report.html.LogView.Line;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Turns a service log file into the lines report.html embeds: lines near a failure time are highlighted,
 * and a log above the byte budget keeps its head, the context around each highlight and as much of its
 * tail as fits, with the omitted stretches marked — the report must stay small enough to mail and open.
 * The log is streamed once with memory bounded by about twice the budget, whatever its size or line length:
 * the full log stays in {@code logs/}.
 */
public final class LogExcerpt {
    static final int HEAD_LINES = 40;
    static final int CONTEXT_LINES = 15;

    private final int maxBytes;
    private final Duration window;
    private final LogTimestamps timestamps;

    /**
     * @param maxBytes budget per log (characters of kept lines)
     * @param window   lines stamped within this distance of a failure time are highlighted
     */
    public LogExcerpt(int maxBytes, Duration window, LogTimestamps timestamps) {
        this.maxBytes = maxBytes;
        this.window = window;
        this.timestamps = timestamps;
    }

    public LogView read(String id, String service, String relativePath, Path file, List<Instant> failureTimes) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a FIFO would block the report forever, a device would never end
            return new LogView(id, service, relativePath, List.of(), "not a regular file: " + relativePath, 0, 0);
        }
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                // Server logs are not guaranteed to be UTF-8; undecodable bytes become U+FFFD instead of failing the report.
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            return new Scan(failureTimes).run(new BoundedLines(in), id, service, relativePath);
        } catch (NoSuchFileException e) {
            return new LogView(id, service, relativePath, List.of(), "log file not found: " + relativePath, 0, 0);
        } catch (IOException e) {
            return new LogView(id, service, relativePath, List.of(), "cannot read " + relativePath + ": " + e.getMessage(), 0, 0);
        }
    }

    /** True when {@code t} lies within the highlight window of failure time {@code f}. */
    public boolean near(Instant t, Instant f) {
        return Duration.between(f, t).abs().compareTo(window) <= 0;
    }

    private static Line gap(int first, int omitted) {
        return new Line(first, "… " + omitted + " line" + (omitted == 1 ? "" : "s") + " omitted …", false, true, null);
    }

    private static int cost(Line l) {
        return l.text().length() + 1;
    }

    /**
     * One pass over one log. Head lines, highlights with their context before and after are kept while the
     * budget lasts; every other line waits in {@code tail}, which drops its oldest lines once it holds a
     * budget's worth (but always the context a highlight may still claim); at the end the tail gets what is
     * left of the budget.
     */
    private final class Scan {
        private final List<Instant> failureTimes;
        private final List<Line> kept = new ArrayList<>();
        private final Deque<Line> tail = new ArrayDeque<>();
        private long budget = maxBytes;
        private long tailChars;
        private int afterLeft;
        private int total;
        private int highlighted;

        Scan(List<Instant> failureTimes) {
            this.failureTimes = failureTimes;
        }

        LogView run(BoundedLines lines, String id, String service, String relativePath) throws IOException {
            Instant current = null;
            for (String text; (text = lines.next()) != null; ) {
                Instant t = timestamps.parse(text);
                if (t != null) current = t; // continuation lines inherit the stamp before them
                Instant at = current;
                boolean hl = at != null && failureTimes.stream().anyMatch(f -> near(at, f));
                accept(new Line(++total, text, hl, false, at));
            }
            List<Line> shown = new ArrayList<>(kept);
            for (var it = tail.descendingIterator(); it.hasNext(); ) {
                Line l = it.next();
                if (cost(l) > budget) break;
                shown.add(l);
                budget -= cost(l);
            }
            shown.sort(Comparator.comparingInt(Line::number));
            if (shown.size() == total) return new LogView(id, service, relativePath, shown, null, highlighted, total);
            String note = "truncated: showing " + shown.size() + " of " + total + " lines (" + (maxBytes / 1024)
                    + " KB per log); the full log is " + relativePath;
            return new LogView(id, service, relativePath, withGaps(shown), note, highlighted, total);
        }

        private void accept(Line line) {
            if (line.highlight()) {
                highlighted++;
                claimContextBefore(line.number());
            }
            boolean wanted = line.number() <= HEAD_LINES || line.highlight() || afterLeft > 0;
            if (line.highlight()) afterLeft = CONTEXT_LINES;
            else if (afterLeft > 0) afterLeft--;
            if (wanted && cost(line) <= budget) {
                kept.add(line);
                budget -= cost(line);
                return;
            }
            tail.addLast(line);
            tailChars += cost(line);
            while (tailChars > maxBytes && tail.size() > CONTEXT_LINES) tailChars -= cost(tail.removeFirst());
        }

        /** Moves the lines just before a highlight from the tail to the kept lines, oldest first, while they fit. */
        private void claimContextBefore(int number) {
            Deque<Line> context = new ArrayDeque<>();
            while (!tail.isEmpty() && tail.peekLast().number() >= number - CONTEXT_LINES) context.addFirst(tail.removeLast());
            while (!context.isEmpty() && cost(context.peekFirst()) <= budget) {
                Line l = context.removeFirst();
                kept.add(l);
                budget -= cost(l);
                tailChars -= cost(l);
            }
            context.forEach(tail::addLast);
        }

        private List<Line> withGaps(List<Line> shown) {
            List<Line> out = new ArrayList<>(shown.size() + 8);
            int next = 1;
            for (Line l : shown) {
                if (l.number() > next) out.add(gap(next, l.number() - next));
                out.add(l);
                next = l.number() + 1;
            }
            if (next <= total) out.add(gap(next, total - next + 1));
            return out;
        }
    }
}
