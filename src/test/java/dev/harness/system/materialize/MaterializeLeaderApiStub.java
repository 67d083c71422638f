package dev.harness.system.materialize;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * TEST DOUBLE: plays Materialize's deployment API (internal HTTP port) for LeaderApiClient tests, since no
 * Materialize image is available here. Its states are the ones LeaderApiClient waits through (initializing,
 * ready to promote, promoting, leader) and the coordinator's consistency check; the test drives reboots by stopping
 * the server and starting it again on the same port.
 */
final class MaterializeLeaderApiStub implements AutoCloseable {
    volatile String status = LeaderApiClient.INITIALIZING;
    /** When true, status requests are answered 400 while initializing (a server not yet fully up). */
    volatile boolean initializingAnswers400;
    /** What {@code /api/readyz} answers: 200 once true, 503 before (as {@code curl -f} sees it). */
    volatile boolean ready;
    /** What {@code GET /api/coordinator/check} answers: Materialize's JSON {@code ""} when it finds nothing. */
    volatile int coordinatorCheckStatus = 200;
    volatile String coordinatorCheckBody = "\"\"";
    /** When false, the server predates the endpoint: 404. */
    volatile boolean hasCoordinatorCheck = true;
    private HttpServer server;
    private int port;

    MaterializeLeaderApiStub() {
        start(0);
    }

    int port() {
        return port;
    }

    /** A reboot begins: connections are refused until {@link #bootAgain()}. */
    synchronized void crash() {
        if (server != null) server.stop(0);
        server = null;
    }

    synchronized void bootAgain() {
        if (server == null) start(port);
    }

    private void start(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/leader/status", ex -> {
            if (initializingAnswers400 && status.equals(LeaderApiClient.INITIALIZING)) answer(ex, 400, "{\"message\":\"not ready\"}");
            else answer(ex, 200, "{\"status\":\"" + status + "\"}");
        });
        server.createContext("/api/coordinator/check", ex -> {
            if (!ex.getRequestMethod().equals("GET")) answer(ex, 405, "");
            else if (!hasCoordinatorCheck) answer(ex, 404, "not found");
            else answer(ex, coordinatorCheckStatus, coordinatorCheckBody);
        });
        server.createContext("/api/readyz", ex -> answer(ex, ready ? 200 : 503, ready ? "ready" : "not ready"));
        server.createContext("/api/leader/promote", ex -> {
            if (!ex.getRequestMethod().equals("POST")) {
                answer(ex, 405, "");
            } else if (status.equals(LeaderApiClient.INITIALIZING)) {
                answer(ex, 400, "{\"result\":{\"Failure\":{\"message\":\"cannot promote leader while initializing\"}}}");
            } else {
                status = LeaderApiClient.PROMOTING;
                answer(ex, 200, "{\"result\":\"Success\"}");
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    private static void answer(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        crash();
    }
}
