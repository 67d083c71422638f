package dev.harness.system.materialize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.model.HarnessException;
import dev.harness.model.Poll;
import dev.harness.model.WaitNote;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Materialize's deployment API on the internal HTTP port (6878): {@code GET /api/leader/status},
 * {@code POST /api/leader/promote}, and its consistency check {@code GET /api/coordinator/check}. A read-only candidate reboots itself (after DDL on the old leader, and after
 * promotion), so waiting survives refused connections and errors until the deadline.
 */
public final class LeaderApiClient {
    public static final String INITIALIZING = "Initializing";
    public static final String READY_TO_PROMOTE = "ReadyToPromote";
    public static final String PROMOTING = "Promoting";
    public static final String IS_LEADER = "IsLeader";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration pollInterval;
    private final Consumer<String> log;

    /**
     * @param base           e.g. {@code http://127.0.0.1:49153} (the host port of 6878)
     * @param requestTimeout bound on one request (connect and answer)
     * @param pollInterval   pause between status polls
     * @param log            receives every error and status change seen while polling
     */
    public LeaderApiClient(String service, URI base, Duration requestTimeout, Duration pollInterval, Consumer<String> log) {
        this.service = service;
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.pollInterval = pollInterval;
        this.log = log;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** One status read: the {@code status} field, or throws when the server does not answer it. */
    public String status() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/leader/status")).timeout(requestTimeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode() + ": " + r.body());
        JsonNode status = JSON.readTree(r.body()).get("status");
        if (status == null || !status.isTextual()) throw new IOException("no status in " + r.body());
        return status.asText();
    }

    /** Whether the internal HTTP server answers at all (a read-only candidate has started). */
    public boolean answers() {
        try {
            status();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException.Infrastructure(service, "interrupted", e);
        }
    }

    /** Whether {@code GET /api/readyz} answers 200: the original's default healthcheck ({@code curl -f}). */
    public boolean ready() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/api/readyz")).timeout(requestTimeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException.Infrastructure(service, "interrupted", e);
        }
    }

    /**
     * Polls until the status is {@code target}.
     *
     * @throws HarnessException.Infrastructure {@code Timed out waiting for mz_2 to reach ReadyToPromote, still in Initializing}
     */
    public void awaitStatus(String target, Duration timeout) {
        String[] last = {"no answer yet"};
        try {
            Poll.every(pollInterval, timeout).until(() -> {
                try {
                    String status = status();
                    if (!status.equals(last[0])) log.accept(service + ": deployment status " + status);
                    last[0] = status;
                } catch (IOException e) {
                    // rebooting (connection refused), restarting, or not listening yet: keep polling
                    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
                    log.accept(service + ": leader status unavailable (" + error + ")");
                    if (last[0].startsWith("no answer")) last[0] = "no answer (" + error + ")";
                }
                WaitNote.say("waiting for " + target + ", now " + last[0]);
                return last[0].equals(target) ? Poll.Look.done(target) : Poll.Look.pending(last[0]);
            }, expired -> new HarnessException.Infrastructure(null, "Timed out waiting for " + service + " to reach " + target
                    + ", still in " + expired.lastSeen(), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException.Infrastructure(service, "interrupted waiting for " + target, e);
        }
    }

    /**
     * {@code GET /api/coordinator/check}: the coordinator's own check of its catalog and controllers, as testdrive asks it
     * after every fragment. Materialize answers the JSON string {@code ""} when it finds nothing, else the
     * inconsistencies it found (with 200 or an error status).
     *
     * @param budget bound on the request
     * @return the inconsistencies as the server worded them, or null when it found none
     * @throws HarnessException.Infrastructure when the server does not answer, or has no such endpoint (404)
     */
    public String coordinatorCheck(Duration budget) {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(base.resolve("/api/coordinator/check")).timeout(budget).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(service, "coordinator check request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException.Infrastructure(service, "interrupted during the coordinator check", e);
        }
        if (r.statusCode() == 404) throw new HarnessException.Infrastructure(service, "has no /api/coordinator/check (HTTP 404)", null);
        String body = r.body() == null ? "" : r.body().strip();
        if (body.isEmpty() || body.equals("\"\"") || body.equals("null") || body.equals("{}") || body.equals("[]")) {
            if (r.statusCode() == 200) return null;
            body = "(no text)";
        }
        return r.statusCode() == 200 ? body : "HTTP " + r.statusCode() + ": " + body;
    }

    /** POST promote; Materialize answers {@code {"result":"Success"}} once the candidate is ready. */
    public void promote() {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(base.resolve("/api/leader/promote")).timeout(requestTimeout)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(service, "promote request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException.Infrastructure(service, "interrupted during promote", e);
        }
        String result = null;
        try {
            JsonNode node = JSON.readTree(r.body()).get("result");
            if (node != null && node.isTextual()) result = node.asText();
        } catch (IOException e) {
            result = null;
        }
        if (r.statusCode() != 200 || !"Success".equals(result)) {
            throw new HarnessException.Infrastructure(service, "promote was refused: HTTP " + r.statusCode() + " " + r.body(), null);
        }
        log.accept(service + ": promote accepted");
    }

}
