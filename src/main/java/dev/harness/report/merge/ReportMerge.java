package dev.harness.report.merge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.report.ReportFiles;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * {@code harness merge}: report folders (shards of one scenario, or several scenarios) into one folder with one
 * junit.xml ({@link JUnitMerge}) and one report.html (every check with its shard, linking into each shard's own
 * report). Each input's report.html, junit.xml and logs are copied to {@code shards/<scenario>[-shard-I-of-N]/},
 * so every shard's logs are reachable from the merged folder alone (CI jobs download shards' artifacts, then merge).
 */
public final class ReportMerge {
    public static final String SHARDS = "shards";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    /** What a merge wrote and decided. */
    public record Outcome(int exitCode, MergedData data, List<String> warnings) {}

    private ReportMerge() {}

    /**
     * @param inputs report folders; each must hold a junit.xml and a harness report.html
     * @param out    a folder that does not exist or is empty, outside every input
     */
    public static Outcome merge(List<Path> inputs, Path out, Path workingDir) {
        if (inputs.isEmpty()) throw new HarnessException.InvalidInput("merge: give at least one report folder");
        List<InputReport> reports = new ArrayList<>();
        for (Path in : inputs) reports.add(InputReport.read(in));
        requireUsableOut(inputs, out);
        JUnitMerge junit = new JUnitMerge();
        Map<String, List<MergedData.ShardEntry>> shards = new LinkedHashMap<>();
        Map<String, List<MergedData.CheckEntry>> checks = new LinkedHashMap<>();
        Map<String, Integer> exits = new LinkedHashMap<>();
        Set<String> labels = new HashSet<>();
        int exit = 0;
        for (InputReport r : reports) {
            String label = unique(r.label(), labels);
            Path copy = Names.inside(out.resolve(SHARDS), label);
            copyReport(r.dir(), copy);
            junit.add(r, Attachments.into(copy, workingDir));
            String base = SHARDS + "/" + label + "/";
            shards.computeIfAbsent(r.scenario(), s -> new ArrayList<>()).add(shardEntry(r, base, copy));
            List<MergedData.CheckEntry> list = checks.computeIfAbsent(r.scenario(), s -> new ArrayList<>());
            for (JsonNode c : r.runData().get("checks")) list.add(checkEntry(c, r.shard(), base));
            exits.merge(r.scenario(), r.exitCode(), Math::max);
            exit = Math.max(exit, r.exitCode());
        }
        List<MergedData.ScenarioEntry> scenarios = new ArrayList<>();
        for (String s : shards.keySet()) {
            scenarios.add(new MergedData.ScenarioEntry(s, MergedData.outcome(exits.get(s)), counts(checks.get(s)), shards.get(s), checks.get(s)));
        }
        MergedData data = new MergedData(exit, MergedData.outcome(exit), scenarios);
        writeJunit(junit, out.resolve(ReportFiles.JUNIT_XML));
        writeHtml(MergedView.of(data), out.resolve(ReportFiles.REPORT_HTML));
        return new Outcome(exit, data, junit.duplicates());
    }

    private static void requireUsableOut(List<Path> inputs, Path out) {
        Path o = out.toAbsolutePath().normalize();
        for (Path in : inputs) {
            Path i = in.toAbsolutePath().normalize();
            if (o.startsWith(i) || i.startsWith(o)) throw new HarnessException.InvalidInput("merge: -o " + out + ": overlaps the input " + in);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) throw new HarnessException.InvalidInput("merge: -o " + out + ": not a folder");
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) throw new HarnessException.InvalidInput("merge: -o " + out + ": not empty; give a new folder");
            } catch (IOException e) {
                throw new HarnessException.Infrastructure("merge: -o " + out + ": cannot read: " + e.getMessage());
            }
        }
    }

    private static String unique(String label, Set<String> used) {
        String l = label;
        for (int n = 2; !used.add(l); n++) l = label + "-" + n;
        return l;
    }

    /** junit.xml, report.html and logs/ (regular files only; links are not followed out of the folder). */
    private static void copyReport(Path from, Path to) {
        List<Path> files = new ArrayList<>(List.of(from.resolve(ReportFiles.JUNIT_XML), from.resolve(ReportFiles.REPORT_HTML)));
        Path logs = from.resolve("logs");
        if (Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(logs)) {
                s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw InputReport.bad(logs, "cannot read: " + e.getMessage());
            }
        }
        // An unreadable input is the input's fault (exit 2), found before anything is copied.
        for (Path f : files) if (!Files.isReadable(f)) throw InputReport.bad(f, "cannot read (permission denied)");
        Path target = null;
        try {
            Files.createDirectories(to.resolve("logs"));
            for (Path f : files) {
                target = to.resolve(from.relativize(f).toString());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new HarnessException.Infrastructure("merge: cannot copy to " + (target == null ? to : target) + ": " + e.getMessage());
        }
    }

    private static MergedData.ShardEntry shardEntry(InputReport r, String base, Path copy) {
        JsonNode d = r.runData();
        List<String> logs = new ArrayList<>();
        try (Stream<Path> s = Files.isDirectory(copy.resolve("logs")) ? Files.list(copy.resolve("logs")) : Stream.empty()) {
            s.map(p -> base + "logs/" + p.getFileName()).sorted().forEach(logs::add);
        } catch (IOException e) {
            throw new HarnessException.Infrastructure("merge: cannot list " + copy.resolve("logs") + ": " + e.getMessage());
        }
        return new MergedData.ShardEntry(r.shard(), r.dir().toString(), text(d, "seed"), text(d, "system"), text(d, "runtime"),
                text(d, "command"), r.exitCode(), MergedData.outcome(r.exitCode()), base + ReportFiles.REPORT_HTML, logs);
    }

    private static MergedData.CheckEntry checkEntry(JsonNode c, String shard, String base) {
        String headline = text(c, "headline") != null ? text(c, "headline") : text(c, "skipReason");
        String id = text(c, "id");
        return new MergedData.CheckEntry(text(c, "name"), shard, text(c, "status"), headline, text(c, "source"),
                base + ReportFiles.REPORT_HTML + (id == null ? "" : "#" + id));
    }

    private static MergedData.Counts counts(List<MergedData.CheckEntry> checks) {
        int[] n = new int[4];
        for (MergedData.CheckEntry c : checks) {
            switch (String.valueOf(c.status()).toLowerCase(java.util.Locale.ROOT)) {
                case "passed" -> n[0]++;
                case "failed" -> n[1]++;
                case "error" -> n[2]++;
                case "skipped" -> n[3]++;
                default -> { }
            }
        }
        return new MergedData.Counts(checks.size(), n[0], n[1], n[2], n[3]);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void writeJunit(JUnitMerge junit, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var t = f.newTransformer();
            // No re-indenting: testcase text (CDATA split around "]]>") is written back exactly as it was read.
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            t.transform(new DOMSource(junit.finish()), new StreamResult(w));
            w.write("\n");
        } catch (IOException | TransformerException e) {
            throw new HarnessException.Infrastructure("merge: cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void writeHtml(MergedView view, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ENGINE.render("merged.jte", view, new WriterOutput(w));
        } catch (IOException e) {
            throw new HarnessException.Infrastructure("merge: cannot write " + file + ": " + e.getMessage());
        }
    }
}
