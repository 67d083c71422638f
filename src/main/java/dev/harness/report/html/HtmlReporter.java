package dev.harness.report.html;

import dev.harness.model.RunResult;
import dev.harness.report.ReportFiles;
import dev.harness.report.Reporter;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and JS, no network) rendered by the
 * precompiled jte template {@code report.jte}, which escapes every value by context; control characters become
 * visible escapes ({@link VisibleControlsWriter}). Service logs are read from {@code reportDir} (paths from
 * {@link RunResult#logs()}) and embedded, capped per log; every text is capped too, so the page stays small
 * whatever the servers returned.
 */
public final class HtmlReporter implements Reporter {
    public static final String FILE = ReportFiles.REPORT_HTML;
    public static final int DEFAULT_MAX_LOG_BYTES = 256 * 1024;
    public static final Duration HIGHLIGHT_WINDOW = Duration.ofSeconds(3);

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private final Clock clock;
    private final int maxLogBytes;

    public HtmlReporter() {
        this(Clock.systemDefaultZone(), DEFAULT_MAX_LOG_BYTES);
    }

    /** @param clock the zone times are shown in, and "now" for a run without a finish time */
    public HtmlReporter(Clock clock, int maxLogBytes) {
        this.clock = clock;
        this.maxLogBytes = maxLogBytes;
    }

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(RunResult result, Path reportDir, Writer out) throws IOException {
        render(result, reportDir, out);
    }

    /** Renders the page; no control character of the run's text reaches {@code out} raw. */
    public void render(RunResult result, Path reportDir, Writer out) throws IOException {
        VisibleControlsWriter visible = new VisibleControlsWriter(out);
        ENGINE.render("report.jte", view(result, reportDir), new WriterOutput(visible));
        visible.finish();
    }

    public ReportView view(RunResult result, Path reportDir) {
        LogExcerpt excerpt = new LogExcerpt(maxLogBytes, HIGHLIGHT_WINDOW, new LogTimestamps(clock.getZone()));
        ReportDataBuilder.Built built = new ReportDataBuilder(clock, excerpt).build(result, reportDir);
        String generated = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new ReportView(built.data(), built.logs(), resource("report.css"), resource("report.js"),
                ReportJson.write(built.data()), generated);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " (packaging error)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
