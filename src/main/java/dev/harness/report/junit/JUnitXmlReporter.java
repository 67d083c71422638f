package dev.harness.report.junit;

import dev.harness.model.ActionTitle;
import dev.harness.model.CheckResult;
import dev.harness.model.PhaseResult;
import dev.harness.model.Plan;
import dev.harness.model.RunResult;
import dev.harness.model.SourceRef;
import dev.harness.model.Status;
import dev.harness.report.Elapsed;
import dev.harness.report.FailureText;
import dev.harness.report.ReportFiles;
import dev.harness.report.Reporter;
import dev.harness.report.TextCap;
import dev.harness.report.VersionPath;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml}: one {@code <testsuite>} per scenario, one {@code <testcase>} per check
 * ({@code classname} = scenario, {@code name} = check, made unique because GitLab keeps only the first
 * of duplicate pairs). {@code failure} = an expectation was not met, {@code error} = infrastructure,
 * {@code skipped} = excluded by a gate. Modelled on JUnit's own {@code XmlReportWriter}. Valid against the Jenkins
 * xUnit plugin's junit-10.xsd, except for the {@code file}/{@code line} attributes of a testcase, which strict mode
 * omits. Text is written as escaped characters, never CDATA: a split CDATA section ({@code ]]>} in the text) is two
 * nodes, and a tool that re-indents the file while merging would put whitespace between them.
 */
public final class JUnitXmlReporter implements Reporter {
    public static final String FILE = ReportFiles.JUNIT_XML;
    /** Name of the extra testcase that carries an infrastructure error or interruption no check shows. */
    public static final String RUN_CASE = "(run)";

    private final Clock clock;
    private final String hostname;
    private final JUnitOptions options;

    public JUnitXmlReporter() {
        this(JUnitOptions.defaults());
    }

    public JUnitXmlReporter(JUnitOptions options) {
        this(Clock.systemDefaultZone(), localHostname(), options);
    }

    /** @param clock gives the time zone of timestamps and "now" for a run that has not finished */
    public JUnitXmlReporter(Clock clock, String hostname) {
        this(clock, hostname, JUnitOptions.defaults());
    }

    public JUnitXmlReporter(Clock clock, String hostname, JUnitOptions options) {
        this.clock = clock;
        this.hostname = hostname;
        this.options = options;
    }

    @Override
    public String fileName() {
        return FILE;
    }

    /** Writes the XML to {@code out}; {@code reportDir} is used to name attachments. */
    @Override
    public void write(RunResult result, Path reportDir, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new Document(result, reportDir, xml, out).write();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            // the writer's own IOException when there is one (a full disk), else what StAX says
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "<unknown host>";
        }
    }

    /** One write of one result; holds the streams so the helpers stay short. */
    private final class Document {
        private final RunResult result;
        private final Path reportDir;
        private final XMLStreamWriter xml;
        private final Writer raw;
        private final Plan plan;
        /** The plan's step titles (the words the console and report.html use), or null without a plan. */
        private final List<String> titles;

        Document(RunResult result, Path reportDir, XMLStreamWriter xml, Writer raw) {
            this.result = result;
            this.reportDir = reportDir;
            this.xml = xml;
            this.raw = raw;
            this.plan = result.plan();
            this.titles = plan == null ? null : ActionTitle.of(plan);
        }

        void write() throws XMLStreamException, IOException {
            boolean runCase = needsRunCase();
            int tests = result.checks().size() + (runCase ? 1 : 0);
            long failures = result.count(Status.FAILED);
            long errors = result.count(Status.ERROR) + (runCase ? 1 : 0);
            long skipped = result.count(Status.SKIPPED);
            String time = Elapsed.seconds(durationMillis());
            String timestamp = timestamp();

            xml.writeStartDocument("UTF-8", "1.0");
            newline();
            xml.writeStartElement("testsuites");
            attribute("name", "harness");
            // junit-10.xsd allows neither skipped nor timestamp here (the suite has both)
            attribute("tests", Integer.toString(tests));
            attribute("failures", Long.toString(failures));
            attribute("errors", Long.toString(errors));
            attribute("time", time);
            newline();

            xml.writeStartElement("testsuite");
            attribute("name", scenarioName());
            counts(tests, failures, errors, skipped, time, timestamp);
            attribute("hostname", hostname);
            if (plan != null && plan.scenarioFile() != null) attribute("file", options.paths().shown(plan.scenarioFile()));
            newline();
            properties();
            Set<String> used = new HashSet<>();
            for (CheckResult check : result.checks()) testcase(check, uniqueName(check.name(), used));
            if (runCase) runTestcase(uniqueName(RUN_CASE, used));
            if (result.infraError() != null) {
                xml.writeStartElement("system-err");
                text("infrastructure error: " + TextCap.lines(result.infraError()) + "\n");
                xml.writeEndElement();
                newline();
            }
            xml.writeEndElement();
            newline();
            xml.writeEndElement();
            newline();
            xml.writeEndDocument();
        }

        /** An infrastructure error or an interruption must be visible in CI even when no check carries it. */
        private boolean needsRunCase() {
            return (result.infraError() != null || result.interrupted()) && result.count(Status.ERROR) == 0;
        }

        private void counts(int tests, long failures, long errors, long skipped, String time, String timestamp)
                throws XMLStreamException, IOException {
            attribute("tests", Integer.toString(tests));
            attribute("failures", Long.toString(failures));
            attribute("errors", Long.toString(errors));
            attribute("skipped", Long.toString(skipped));
            attribute("time", time);
            attribute("timestamp", timestamp);
        }

        private void properties() throws XMLStreamException, IOException {
            Map<String, String> props = new LinkedHashMap<>();
            if (plan != null) {
                props.put("seed", Long.toString(plan.seed()));
                props.put("versions", VersionPath.text(plan));
                props.put("system", plan.system());
                props.put("runtime", plan.runtime());
                props.put("base", plan.base() == null ? null : plan.base().text());
                props.put("current", plan.current() == null ? null : plan.current().text());
                if (plan.versions() != null) {
                    props.put("catalog", String.join(", ", plan.versions().stream().map(v -> v.text()).toList()));
                }
            }
            props.put("shard", options.shard());
            props.put("command", result.command());
            props.put("exit-code", Integer.toString(result.exitCode()));
            if (result.interrupted()) props.put("interrupted", "true");
            xml.writeStartElement("properties");
            newline();
            for (Map.Entry<String, String> e : props.entrySet()) {
                if (e.getValue() == null) continue;
                xml.writeEmptyElement("property");
                attribute("name", e.getKey());
                attribute("value", e.getValue());
                newline();
            }
            xml.writeEndElement();
            newline();
        }

        private void testcase(CheckResult check, String name) throws XMLStreamException, IOException {
            xml.writeStartElement("testcase");
            attribute("name", name);
            attribute("classname", scenarioName());
            attribute("time", Elapsed.seconds(check.durationMillis()));
            SourceRef where = FailureText.location(check);
            if (where != null && !options.strict()) {
                attribute("file", options.paths().shown(where.file()));
                attribute("line", Integer.toString(where.line()));
            }
            switch (check.status()) {
                case FAILED -> outcome("failure", "ExpectationNotMet", FailureText.headline(check), FailureText.body(check));
                case ERROR -> outcome("error", errorType(), FailureText.headline(check), errorBody(check));
                case SKIPPED -> {
                    // GitLab shows the element's text as the reason, Jenkins and others the attribute
                    xml.writeStartElement("skipped");
                    attribute("message", skipMessage(check));
                    text(skipMessage(check));
                    xml.writeEndElement();
                }
                case PASSED -> { }
            }
            xml.writeStartElement("system-out");
            text(stepLog(check));
            xml.writeEndElement();
            xml.writeEndElement();
            newline();
        }

        /** An error of an interrupted run is the interrupt's (its servers may have got the same Ctrl-C), not the servers'. */
        private String errorType() {
            return result.interrupted() && result.infraError() == null ? "Interrupted" : "InfrastructureError";
        }

        private void runTestcase(String name) throws XMLStreamException, IOException {
            xml.writeStartElement("testcase");
            attribute("name", name);
            attribute("classname", scenarioName());
            attribute("time", Elapsed.seconds(durationMillis()));
            if (plan != null && plan.scenarioFile() != null && !options.strict()) {
                attribute("file", options.paths().shown(plan.scenarioFile()));
            }
            String message = result.infraError() != null ? TextCap.lines(result.infraError()) : "the run was interrupted";
            String body = message + "\n" + (result.interrupted() ? "\nThe run was interrupted (Ctrl-C or SIGTERM).\n" : "");
            outcome("error", errorType(), TextCap.firstLine(message), body);
            xml.writeStartElement("system-out");
            text(attachments(null, result.logs().keySet()));
            xml.writeEndElement();
            xml.writeEndElement();
            newline();
        }

        private void outcome(String element, String type, String message, String body) throws XMLStreamException, IOException {
            xml.writeStartElement(element);
            attribute("message", message);
            attribute("type", type);
            text(body);
            xml.writeEndElement();
        }

        private String errorBody(CheckResult check) {
            String body = FailureText.body(check);
            if (result.infraError() != null) body += "\ninfrastructure error of the run: " + TextCap.lines(result.infraError()) + "\n";
            return body;
        }

        private String skipMessage(CheckResult check) {
            if (check.skipReason() != null) return check.skipReason();
            for (PhaseResult p : check.phases()) if (p.skipReason() != null) return p.skipReason();
            return "skipped";
        }

        /** The check's statements and outcomes phase by phase, then attachments CI systems pick up. */
        private String stepLog(CheckResult check) {
            StringBuilder sb = new StringBuilder();
            Set<String> services = new LinkedHashSet<>();
            for (PhaseResult p : check.phases()) {
                sb.append("== ").append(title(p));
                if (p.service() != null) services.add(p.service());
                sb.append(": ").append(p.status().name()).append(" (").append(Elapsed.human(p.durationMillis())).append(')');
                if (p.skipReason() != null) sb.append(" - ").append(p.skipReason());
                sb.append('\n');
                for (String line : TextCap.log(p.log())) sb.append(line).append('\n');
                for (String value : TextCap.log(FailureText.captured(p))) sb.append("captured ").append(value).append('\n');
            }
            if (check.status() == Status.SKIPPED && sb.length() == 0) sb.append("skipped: ").append(skipMessage(check)).append('\n');
            // Attach only the logs of the services the check talked to; without any, all of them.
            services.retainAll(result.logs().keySet());
            PhaseResult bad = FailureText.firstBadPhase(check);
            sb.append(attachments(bad == null ? null : bad.service(), services.isEmpty() ? result.logs().keySet() : services));
            return sb.toString();
        }

        private String title(PhaseResult p) {
            if (titles != null && p.actionIndex() >= 0 && p.actionIndex() < titles.size()) return titles.get(p.actionIndex());
            return p.label() + (p.service() == null ? "" : " on " + p.service());
        }

        /**
         * {@code [[ATTACHMENT|path]]} lines, one per line with nothing else on it (Jenkins and GitLab both require that).
         * GitLab keeps only the first: the failing service's log when there is one, then report.html, then the other logs.
         */
        private String attachments(String failingService, Collection<String> services) {
            List<String> files = new ArrayList<>();
            String failingLog = failingService == null ? null : result.logs().get(failingService);
            if (failingLog != null) files.add(failingLog);
            files.add(ReportFiles.REPORT_HTML);
            for (String service : services) {
                if (!service.equals(failingService)) files.add(result.logs().get(service));
            }
            StringBuilder sb = new StringBuilder();
            for (String file : files) sb.append("[[ATTACHMENT|").append(options.paths().shown(reportDir.resolve(file))).append("]]\n");
            return sb.toString();
        }

        private String uniqueName(String name, Set<String> used) {
            String candidate = name;
            for (int n = 2; !used.add(candidate); n++) candidate = name + " (" + n + ")";
            return candidate;
        }

        private String scenarioName() {
            return plan.scenario();
        }

        private long durationMillis() {
            return Math.max(0, Duration.between(result.started(), result.finished()).toMillis());
        }

        private String timestamp() {
            return LocalDateTime.ofInstant(result.started(), clock.getZone()).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }

        /**
         * StAX would let a parser fold tab/LF/CR in attributes into spaces; JUnit's writer avoids that the
         * same way: flush the open start tag and write the attribute with character references.
         */
        private void attribute(String name, String value) throws XMLStreamException, IOException {
            xml.flush();
            raw.write(' ');
            raw.write(name);
            raw.write("=\"");
            raw.write(XmlText.attribute(value == null ? "" : value));
            raw.write('"');
        }

        /** Escaped character data (StAX escapes {@code <}, {@code &} and {@code >}). */
        private void text(String text) throws XMLStreamException {
            xml.writeCharacters(XmlText.legal(text));
        }

        private void newline() throws XMLStreamException {
            xml.writeCharacters("\n");
        }
    }

}
