package dev.harness.report.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.report.ReportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One report folder given to {@code harness merge}, read from its files, not from the classes that wrote them:
 * {@code junit.xml} as XML, {@code report.html}'s embedded run data ({@code #run-data}) as JSON. Anything else is
 * bad input, named by its folder or file.
 *
 * @param shard {@code I/N} from the suite's {@code shard} property, else from the run's {@code --shard}; null for an
 *              unsharded run
 */
record InputReport(Path dir, Document junit, JsonNode runData, String scenario, String shard, int exitCode) {
    /** A report.html embeds its service logs; 64 MB is far above what a capped report reaches. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final String RUN_DATA_START = "<script type=\"application/json\" id=\"run-data\">";
    private static final Pattern SHARD_OPTION = Pattern.compile("--shard (\\d+/\\d+)");

    static InputReport read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw bad(dir, Files.exists(dir) ? "not a report folder (not a folder)" : "not a report folder (no such folder)");
        }
        Path junitFile = dir.resolve(ReportFiles.JUNIT_XML);
        Path htmlFile = dir.resolve(ReportFiles.REPORT_HTML);
        for (Path f : new Path[] {junitFile, htmlFile}) {
            if (!Files.isRegularFile(f)) throw bad(dir, "not a report folder (no " + f.getFileName() + ")");
        }
        Document junit = parseXml(junitFile, text(junitFile));
        String root = junit.getDocumentElement().getTagName();
        if (!root.equals("testsuites") && !root.equals("testsuite")) throw bad(junitFile, "not JUnit XML (root element <" + root + ">)");
        JsonNode data = runData(htmlFile, text(htmlFile));
        String scenario = requiredText(htmlFile, data, "scenario");
        try {
            Names.requireEntity("scenario", scenario);
        } catch (HarnessException.InvalidInput e) {
            throw bad(htmlFile, "run data: " + e.getMessage());
        }
        JsonNode exit = data.get("exitCode");
        if (exit == null || !exit.isInt()) throw bad(htmlFile, "run data has no exitCode");
        if (data.get("checks") == null || !data.get("checks").isArray()) throw bad(htmlFile, "run data has no checks");
        return new InputReport(dir, junit, data, scenario, shard(junit, data), exit.asInt());
    }

    /** "merge: reports/x/junit.xml: not valid XML …": one line naming the folder or file. */
    static HarnessException.InvalidInput bad(Path where, String why) {
        return new HarnessException.InvalidInput("merge: " + where + ": " + why);
    }

    private static String text(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) throw bad(file, "larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw bad(file, "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static Document parseXml(Path file, String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // junit.xml never has a DTD: refusing one shuts out entity expansion and external fetches
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // the default one prints to stderr
            return builder.parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        } catch (SAXParseException e) {
            throw bad(file, "not valid XML: " + e.getMessage() + " (line " + e.getLineNumber() + ")");
        } catch (SAXException | IOException e) {
            throw bad(file, "not valid XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /** The JSON of {@code <script id="run-data">}: it cannot contain {@code <}, so the first {@code </script>} ends it. */
    private static JsonNode runData(Path file, String html) {
        int start = html.indexOf(RUN_DATA_START);
        int end = start < 0 ? -1 : html.indexOf("</script>", start);
        if (end < 0) throw bad(file, "no embedded run data (#run-data): not a harness report.html");
        try {
            JsonNode data = new ObjectMapper().readTree(html.substring(start + RUN_DATA_START.length(), end));
            if (data == null || !data.isObject()) throw bad(file, "run data (#run-data) is not a JSON object");
            return data;
        } catch (IOException e) {
            throw bad(file, "run data (#run-data) is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String requiredText(Path file, JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isTextual()) throw bad(file, "run data has no " + field);
        return v.asText();
    }

    private static String shard(Document junit, JsonNode data) {
        var props = junit.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals("shard") && p.getAttribute("value").matches("\\d+/\\d+")) return p.getAttribute("value");
        }
        JsonNode command = data.get("command");
        Matcher m = SHARD_OPTION.matcher(command != null && command.isTextual() ? command.asText() : "");
        return m.find() ? m.group(1) : null;
    }

    /** What the run's folder is called in the merged folder: its scenario and shard ({@code upgrade-shard-1-of-2}). */
    String label() {
        return shard == null ? scenario : scenario + "-shard-" + shard.replace("/", "-of-");
    }
}
