package dev.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * yaml-language-server (the engine of VS Code's YAML extension and of other editors' YAML support), driven over
 * LSP on stdio as an editor does: initialize, settings pulled by the server, didOpen, publishDiagnostics, hover.
 * Installed by scripts/provision.sh into .tools/ with npm, pinned by scripts/yaml-language-server/package-lock.json.
 */
final class YamlLanguageServer implements AutoCloseable {
    static final Path INSTALL = Path.of(".tools/yaml-language-server/node_modules/yaml-language-server/bin/yaml-language-server");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One diagnostic, 1-based like the harness's {@code file:line:column}. */
    record Diagnostic(int line, int column, String message) {
        String position() {
            return line + ":" + column;
        }
    }

    private final Process process;
    private final OutputStream toServer;
    private final ObjectNode yamlSettings;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<URI, List<Diagnostic>> diagnostics = new HashMap<>();

    private YamlLanguageServer(Process process, ObjectNode yamlSettings) {
        this.process = process;
        this.toServer = process.getOutputStream();
        this.yamlSettings = yamlSettings;
        Thread reader = new Thread(this::readMessages, "yaml-language-server reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The server, initialized, with {@code schemaFiles} (schema -> the files it applies to, for files without a
     * {@code # yaml-language-server: $schema=} comment); or a skipped test with a loud notice (a failed one with
     * -Dharness.requireLanguageServer=true, as CI sets).
     */
    static YamlLanguageServer start(Map<Path, List<Path>> schemaFiles) throws IOException, InterruptedException {
        if (!Files.isRegularFile(INSTALL) || !nodeRuns()) {
            String notice = "\n*** node or yaml-language-server in .tools/ missing (bash scripts/provision.sh installs them): editor tests SKIPPED ***\n";
            System.err.println(notice);
            if (Boolean.getBoolean("harness.requireLanguageServer")) throw new AssertionError(notice.trim());
            Assumptions.abort(notice.trim());
        }
        ObjectNode schemas = NODES.objectNode();
        schemaFiles.forEach((schema, files) -> {
            ArrayNode matches = schemas.putArray(schema.toAbsolutePath().toUri().toString());
            files.forEach(f -> matches.add(f.toAbsolutePath().toString()));
        });
        ObjectNode settings = NODES.objectNode();
        settings.put("validate", true);
        settings.put("hover", true);
        settings.putObject("schemaStore").put("enable", false); // no catalog download: only our schemas apply
        settings.set("schemas", schemas);
        Process p = new ProcessBuilder("node", INSTALL.toString(), "--stdio").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        YamlLanguageServer server = new YamlLanguageServer(p, settings);
        ObjectNode capabilities = NODES.objectNode();
        capabilities.putObject("workspace").put("configuration", true);
        capabilities.putObject("textDocument").putObject("hover").putArray("contentFormat").add("markdown");
        ObjectNode init = NODES.objectNode();
        init.put("processId", ProcessHandle.current().pid());
        init.put("rootUri", Path.of("").toAbsolutePath().toUri().toString());
        init.set("capabilities", capabilities);
        try {
            server.request("initialize", init, Duration.ofSeconds(60));
            server.notify("initialized", NODES.objectNode());
            return server;
        } catch (IOException | AssertionError e) {
            server.close(); // no process left behind by a server that never answered
            throw e;
        }
    }

    private static boolean nodeRuns() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(60, TimeUnit.SECONDS)) return p.exitValue() == 0;
            p.destroyForcibly();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens every file, as an editor would, and waits until the server has published diagnostics for each. */
    Map<Path, List<Diagnostic>> diagnose(Collection<Path> files, Duration deadline) throws IOException, InterruptedException {
        Map<Path, URI> uris = new HashMap<>();
        for (Path f : files) {
            URI uri = f.toAbsolutePath().toUri();
            uris.put(f, uri);
            ObjectNode doc = NODES.objectNode();
            doc.put("uri", uri.toString());
            doc.put("languageId", "yaml");
            doc.put("version", 1);
            doc.put("text", new String(Files.readAllBytes(f), StandardCharsets.UTF_8)); // as an editor shows bytes that are no UTF-8
            notify("textDocument/didOpen", NODES.objectNode().set("textDocument", doc));
        }
        Instant end = Instant.now().plus(deadline);
        synchronized (diagnostics) {
            while (!diagnostics.keySet().containsAll(uris.values())) {
                long left = Duration.between(Instant.now(), end).toMillis();
                if (left <= 0 || !process.isAlive()) {
                    List<Path> missing = files.stream().filter(f -> !diagnostics.containsKey(uris.get(f))).toList();
                    throw new AssertionError("yaml-language-server published no diagnostics for " + missing);
                }
                diagnostics.wait(left);
            }
            Map<Path, List<Diagnostic>> out = new HashMap<>();
            uris.forEach((f, uri) -> out.put(f, diagnostics.get(uri)));
            return out;
        }
    }

    /** The hover text (Markdown) at a 1-based line and column of an opened file; empty when there is none. */
    String hover(Path file, int line, int column) throws IOException, InterruptedException {
        ObjectNode params = NODES.objectNode();
        params.putObject("textDocument").put("uri", file.toAbsolutePath().toUri().toString());
        params.putObject("position").put("line", line - 1).put("character", column - 1);
        JsonNode result = request("textDocument/hover", params, Duration.ofSeconds(60));
        return result.path("contents").path("value").asText("");
    }

    private JsonNode request(String method, JsonNode params, Duration deadline) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode msg = NODES.objectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        send(msg.set("params", params));
        try {
            JsonNode response = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (response.has("error")) throw new AssertionError(method + " failed: " + response.get("error"));
            return response.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(method + ": no answer from yaml-language-server within " + deadline.toSeconds() + " s", e);
        }
    }

    private void notify(String method, JsonNode params) throws IOException {
        send(NODES.objectNode().put("jsonrpc", "2.0").put("method", method).set("params", params));
    }

    private synchronized void send(JsonNode message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(message);
        toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    private void readMessages() {
        try (InputStream in = process.getInputStream()) {
            while (true) {
                int length = -1;
                for (String header; !(header = headerLine(in)).isEmpty(); ) {
                    if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(header.substring(15).trim());
                }
                if (length < 0) throw new IOException("a message without Content-Length");
                dispatch(JSON.readTree(in.readNBytes(length)));
            }
        } catch (IOException | RuntimeException e) {
            pending.values().forEach(f -> f.completeExceptionally(e)); // the server went away: nobody waits forever
            synchronized (diagnostics) {
                diagnostics.notifyAll();
            }
        }
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new IOException("yaml-language-server closed its output");
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private void dispatch(JsonNode msg) throws IOException {
        String method = msg.path("method").asText(null);
        if (method == null) {
            CompletableFuture<JsonNode> waiting = pending.remove(msg.path("id").asInt());
            if (waiting != null) waiting.complete(msg);
        } else if (msg.has("id")) {
            answerServerRequest(msg, method);
        } else if (method.equals("textDocument/publishDiagnostics")) {
            List<Diagnostic> list = new ArrayList<>();
            for (JsonNode d : msg.path("params").path("diagnostics")) {
                JsonNode start = d.path("range").path("start");
                list.add(new Diagnostic(start.path("line").asInt() + 1, start.path("character").asInt() + 1, d.path("message").asText()));
            }
            synchronized (diagnostics) {
                diagnostics.put(URI.create(msg.path("params").path("uri").asText()), List.copyOf(list));
                diagnostics.notifyAll();
            }
        }
    }

    /** The server asks for its settings (section "yaml"; others unset) and registers capabilities (accepted). */
    private void answerServerRequest(JsonNode msg, String method) throws IOException {
        ObjectNode reply = NODES.objectNode().put("jsonrpc", "2.0");
        reply.set("id", msg.get("id"));
        if (method.equals("workspace/configuration")) {
            ArrayNode sections = reply.putArray("result");
            for (JsonNode item : msg.path("params").path("items")) {
                sections.add(item.path("section").asText().equals("yaml") ? yamlSettings : NODES.nullNode());
            }
        } else {
            reply.putNull("result");
        }
        send(reply);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            request("shutdown", NODES.nullNode(), Duration.ofSeconds(10));
            notify("exit", NODES.nullNode());
        } catch (IOException | AssertionError e) {
            // already gone or stuck: ended below either way
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
