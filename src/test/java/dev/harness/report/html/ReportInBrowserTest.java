package dev.harness.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.report.RunFixtures;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html as headless Chromium renders it: the DOM after the page's script ran, and its network use. */
class ReportInBrowserTest {
    @TempDir Path dir;

    Path report() throws Exception {
        RunFixtures.writeLogs(dir);
        return new HtmlReporter(RunFixtures.CLOCK, HtmlReporter.DEFAULT_MAX_LOG_BYTES).write(RunFixtures.rich(dir), dir);
    }

    static String text(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(dom);
        assertTrue(m.find(), "no element #" + id);
        return m.group(1);
    }

    @Test
    void renderedDomShowsSummaryMatrixAndDiff() throws Exception {
        Chromium chromium = Chromium.require();
        Path html = report();
        String dom = chromium.run(Files.createDirectory(dir.resolve("profile")), List.of("--dump-dom"), html.toUri().toString());

        assertTrue(dom.contains("data-ready=\"1\""), "the inline script ran to the end");
        assertEquals("1", text(dom, "count-passed"));
        assertEquals("1", text(dom, "count-failed"));
        assertEquals("1", text(dom, "count-error"));
        assertEquals("1", text(dom, "count-skipped"));
        assertEquals("4217", text(dom, "seed"));
        // matrix: sequence_continuity failed in validate #2 (5th column)
        Matcher row = Pattern.compile("<tr data-status=\"failed\"[^>]*>.*?</tr>", Pattern.DOTALL).matcher(dom);
        assertTrue(row.find());
        List<String> cells = Pattern.compile("<td class=\"cell s-(\\w+)\"").matcher(row.group()).results().map(r -> r.group(1)).toList();
        assertEquals(List.of("passed", "passed", "passed", "passed", "failed", "skipped"), cells);
        // the failing check is open and its diff is there
        assertTrue(dom.contains("<details class=\"check s-failed\" id=\"check-2\" data-status=\"failed\" open=\"\">"), "failing check open");
        assertTrue(dom.contains("<div class=\"d-del\"><span class=\"dm\">−</span>2          | t</div>"));
        // hostile text stayed text: no element was created from it
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(dom.contains("<img src=\"x\""), "an <img> element was injected");
    }

    /**
     * Chromium's own services (update checks, time sync, accounts) talk to Google hosts whatever the flags; the
     * page's requests are the rest. The report embeds no Google URL, so this filter cannot hide one of its own.
     */
    static List<String> pageRequests(List<String> requests) {
        synchronized (requests) {
            return requests.stream()
                    .filter(r -> r != null && !r.matches("^\\S+ (https?://)?[\\w.-]*(google\\.com|googleapis\\.com|gstatic\\.com)[:/].*"))
                    .toList();
        }
    }

    /**
     * Chromium is pointed at a local "proxy" that only counts connections: the report must cause none, while a
     * control page with an external image must cause one (which shows the probe works).
     */
    @Test
    void pageMakesNoNetworkRequest() throws Exception {
        Chromium chromium = Chromium.require();
        Path html = report();
        Path control = Files.writeString(dir.resolve("control.html"), "<!DOCTYPE html><img src=\"http://example.invalid/x.png\">");
        try (ServerSocket proxy = new ServerSocket(0)) {
            AtomicInteger connections = new AtomicInteger();
            List<String> requests = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread accept = new Thread(() -> {
                while (!proxy.isClosed()) {
                    try (Socket s = proxy.accept()) {
                        connections.incrementAndGet();
                        s.setSoTimeout(2000);
                        requests.add(new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream())).readLine());
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            List<String> viaProxy = List.of("--proxy-server=http://127.0.0.1:" + proxy.getLocalPort(), "--proxy-bypass-list=<-loopback>", "--dump-dom");

            chromium.run(Files.createDirectory(dir.resolve("p1")), viaProxy, html.toUri().toString());
            assertEquals(List.of(), pageRequests(requests), "report.html made network requests");

            chromium.run(Files.createDirectory(dir.resolve("p2")), viaProxy, control.toUri().toString());
            assertTrue(pageRequests(requests).stream().anyMatch(r -> r.contains("example.invalid")), "probe missed the control page: " + requests);
        }
    }
}
