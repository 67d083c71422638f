package dev.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.load.Loader;
import dev.harness.model.Action;
import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Plan;
import dev.harness.model.RunResult;
import dev.harness.model.StepResult;
import dev.harness.plan.Compiler;
import dev.harness.plan.PlanPrinter;
import dev.harness.report.console.ConsoleListener;
import dev.harness.report.console.ConsoleOptions;
import dev.harness.report.html.HtmlReporter;
import dev.harness.report.html.HtmlReporterTest;
import dev.harness.report.junit.JUnitXmlReporter;
import dev.harness.run.Executor;
import dev.harness.run.ExecutorOptions;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.postgres.PostgresSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every catalogue scenario, {@code harness plan}, the console of {@code harness run}, report.html and
 * junit.xml print the same words for the same step. Each consumer's own code makes its text: the plan printer
 * from the compiled plan; the executor titles the steps of a run that is interrupted before its first step (so
 * every step is recorded, nothing starts), and the console, the HTML and the JUnit reporters print that result.
 */
class StepTitlesAgreeTest {
    private static final HarnessConfig CONFIG = Loader.loadConfig(null);
    private static final List<Check> CHECKS = Loader.loadChecks(List.of(Path.of("checks.d")));
    private static final Pattern PLAN_STEP = Pattern.compile("^\\[\\s*(\\d+)] (.*?)\\s+(\\([\\w-]+\\)\\s+)?\\S+:\\d+$");
    private static final Pattern CONSOLE_STEP = Pattern.compile("^\\[\\s*(\\d+)/\\d+] \\S+ (.*) … .*$");
    private static final Pattern JUNIT_PHASE = Pattern.compile("^== (.*): [A-Z]+ \\(.*$");

    @TempDir
    Path dir;

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios.d"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void planConsoleJunitAndHtmlSayTheSame(Path scenario) throws IOException {
        Plan plan = Compiler.compile(Loader.loadScenario(scenario), CHECKS, CONFIG, "postgres", "process", 1);
        List<String> planned = planTitles(plan);
        RunResult result = runInterruptedBeforeTheFirstStep(plan);

        assertEquals(planned, consoleTitles(result), scenario + ": console vs harness plan");
        assertEquals(planned, htmlTitles(result), scenario + ": report.html vs harness plan");
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < plan.actions().size(); i++) if (plan.actions().get(i) instanceof Action.RunPhase) phases.add(planned.get(i));
        List<String> junit = junitPhaseTitles(result);
        assertFalse(junit.isEmpty(), scenario + ": junit.xml shows no phase");
        assertEquals(phases, junit.subList(0, phases.size()), scenario + ": junit.xml vs harness plan");
    }

    private static List<String> planTitles(Plan plan) {
        List<String> out = new ArrayList<>();
        for (String line : new PlanPrinter(null).print(plan).split("\n")) {
            Matcher m = PLAN_STEP.matcher(line);
            if (m.matches()) out.add(m.group(2));
        }
        assertEquals(plan.actions().size(), out.size(), "one plan line per step");
        return out;
    }

    private RunResult runInterruptedBeforeTheFirstStep(Plan plan) {
        try (ProcessRuntime runtime = new ProcessRuntime(dir.resolve("run"), false)) {
            Executor executor = new Executor(new PostgresSystem(CONFIG), runtime, CONFIG, ExecutorOptions.defaults());
            executor.interrupt();
            RunResult result = executor.run(plan, "harness run", dir);
            assertEquals(plan.actions().size(), result.steps().size(), "every step is recorded");
            return result;
        }
    }

    private static List<String> consoleTitles(RunResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleListener console = new ConsoleListener(new PrintStream(bytes, true, StandardCharsets.UTF_8), ConsoleOptions.plain());
        for (StepResult s : result.steps()) console.stepFinished(s, result.steps().size());
        List<String> out = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher m = CONSOLE_STEP.matcher(line);
            if (m.matches()) out.add(m.group(2));
        }
        return out;
    }

    private List<String> htmlTitles(RunResult result) throws IOException {
        StringWriter html = new StringWriter();
        new HtmlReporter().write(result, dir, html);
        List<String> out = new ArrayList<>();
        for (JsonNode step : new ObjectMapper().readTree(HtmlReporterTest.embeddedJson(html.toString())).get("steps")) {
            out.add(step.get("title").asText());
        }
        return out;
    }

    /** The phase headings of the first check's output (every check of an unstarted run lists every phase). */
    private List<String> junitPhaseTitles(RunResult result) throws IOException {
        StringWriter xml = new StringWriter();
        new JUnitXmlReporter().write(result, dir, xml);
        String firstCase;
        try {
            var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            var testcase = (org.w3c.dom.Element) doc.getElementsByTagName("testcase").item(0);
            firstCase = testcase.getElementsByTagName("system-out").item(0).getTextContent();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(e);
        }
        List<String> out = new ArrayList<>();
        for (String line : firstCase.split("\n")) {
            Matcher m = JUNIT_PHASE.matcher(line);
            if (m.matches()) out.add(m.group(1));
        }
        return out;
    }
}
