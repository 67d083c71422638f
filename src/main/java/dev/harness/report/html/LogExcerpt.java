package dev.harness.report.html;

import dev.harness.report.html.LogView.Line;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a service log file into the lines report.html embeds: lines near a failure time are highlighted,
 * and a log above the byte budget keeps its head, the context around each highlight and as much of its
 * tail as fits, with the omitted stretches marked — the report must stay small enough to mail and open.
 */
public final class LogExcerpt {
    static final int HEAD_LINES = 40;
    static final int CONTEXT_LINES = 15;
    static final int MAX_LINE_CHARS = 2000;

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
        List<String> all;
        try {
            all = readLines(file);
        } catch (NoSuchFileException e) {
            return new LogView(id, service, relativePath, List.of(), "log file not found: " + relativePath, 0, 0);
        } catch (IOException e) {
            return new LogView(id, service, relativePath, List.of(), "cannot read " + relativePath + ": " + e.getMessage(), 0, 0);
        }
        Instant[] times = times(all);
        BitSet highlight = highlights(times, failureTimes);
        long size = 0;
        for (String l : all) size += l.length() + 1;
        if (size <= maxBytes) {
            List<Line> lines = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) lines.add(new Line(i + 1, clip(all.get(i)), highlight.get(i), false, times[i]));
            return new LogView(id, service, relativePath, lines, null, highlight.cardinality(), all.size());
        }
        return truncated(id, service, relativePath, all, times, highlight);
    }

    private LogView truncated(String id, String service, String relativePath, List<String> all, Instant[] times, BitSet highlight) {
        BitSet keep = new BitSet(all.size());
        long budget = maxBytes;
        budget -= keepRange(keep, all, 0, Math.min(HEAD_LINES, all.size()), budget);
        for (int i = highlight.nextSetBit(0); i >= 0 && budget > 0; i = highlight.nextSetBit(i + 1)) {
            budget -= keepRange(keep, all, Math.max(0, i - CONTEXT_LINES), Math.min(all.size(), i + CONTEXT_LINES + 1), budget);
        }
        // The tail shows how the server ended, which is what a crash investigation reads first.
        for (int i = all.size() - 1; i >= 0 && budget > 0; i--) {
            if (keep.get(i)) continue;
            int cost = clip(all.get(i)).length() + 1;
            if (cost > budget) break;
            keep.set(i);
            budget -= cost;
        }
        List<Line> lines = new ArrayList<>();
        int omitted = 0;
        for (int i = 0; i < all.size(); i++) {
            if (!keep.get(i)) {
                omitted++;
                continue;
            }
            if (omitted > 0) lines.add(gap(i, omitted));
            omitted = 0;
            lines.add(new Line(i + 1, clip(all.get(i)), highlight.get(i), false, times[i]));
        }
        if (omitted > 0) lines.add(gap(all.size(), omitted));
        int shown = keep.cardinality();
        String note = "truncated: showing " + shown + " of " + all.size() + " lines (" + (maxBytes / 1024)
                + " KB per log); the full log is " + relativePath;
        return new LogView(id, service, relativePath, lines, note, highlight.cardinality(), all.size());
    }

    private static Line gap(int before, int omitted) {
        return new Line(before - omitted + 1, "… " + omitted + " line" + (omitted == 1 ? "" : "s") + " omitted …", false, true, null);
    }

    private static long keepRange(BitSet keep, List<String> all, int from, int to, long budget) {
        long used = 0;
        for (int i = from; i < to; i++) {
            if (keep.get(i)) continue;
            int cost = clip(all.get(i)).length() + 1;
            if (used + cost > budget) break;
            keep.set(i);
            used += cost;
        }
        return used;
    }

    /** Each line's time: its own stamp, else the previous line's (continuation lines). */
    private Instant[] times(List<String> lines) {
        Instant[] out = new Instant[lines.size()];
        Instant current = null;
        for (int i = 0; i < lines.size(); i++) {
            Instant t = timestamps.parse(lines.get(i));
            if (t != null) current = t;
            out[i] = current;
        }
        return out;
    }

    private BitSet highlights(Instant[] times, List<Instant> failureTimes) {
        BitSet out = new BitSet(times.length);
        for (int i = 0; i < times.length; i++) {
            Instant t = times[i];
            if (t != null && failureTimes.stream().anyMatch(f -> near(t, f))) out.set(i);
        }
        return out;
    }

    /** True when {@code t} lies within the highlight window of failure time {@code f}. */
    public boolean near(Instant t, Instant f) {
        return Duration.between(f, t).abs().compareTo(window) <= 0;
    }

    /** Long lines are cut; control characters (a terminal's escape codes, NULs) become U+FFFD. */
    private static String clip(String raw) {
        String line = dev.harness.report.XmlText.legal(raw);
        return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + " …[" + (line.length() - MAX_LINE_CHARS) + " more characters]";
    }

    /** Server logs are not guaranteed to be UTF-8; undecodable bytes become U+FFFD instead of failing the report. */
    private static List<String> readLines(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = r.readLine()) != null) lines.add(line);
        }
        return lines;
    }
}
