package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Check;
import dev.harness.model.Cell;
import dev.harness.model.Expectation;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Phase;
import dev.harness.model.Scenario;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.Step;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Model objects built in Java, so the compiler is tested without the YAML loader. */
final class Fixtures {
    static final String FILE = "scenarios.d/test.yaml";
    /** Steps are placed one per line from here, at column 5, like a YAML list under {@code steps:}. */
    static final int FIRST_STEP_LINE = 4;
    static final int STEP_COLUMN = 5;

    private Fixtures() {}

    static List<Version> versions(String... texts) {
        return Arrays.stream(texts).map(Version::new).toList();
    }

    /** PostgreSQL catalog 15.10 … 15.18 below current 15.19 (which the catalog lists too, as harness.yaml does). */
    static HarnessConfig config() {
        return config(versions("15.10", "15.13", "15.15", "15.17", "15.18", "15.19"), new Version("15.19"));
    }

    static HarnessConfig config(List<Version> postgresCatalog, Version postgresCurrent) {
        return new HarnessConfig(
                "postgres",
                "process",
                List.of(),
                null,
                new HarnessConfig.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(600)),
                new HarnessConfig.Materialize(versions("v26.1.0", "v26.2.0", "v26.3.0"), new Version("v26.4.0"),
                        "materialize/materialized:{version}", "materialize/materialized:latest", "missing", Map.of()),
                new HarnessConfig.Postgres(postgresCatalog, postgresCurrent, Map.of(), "harness/postgres:{version}", "never"),
                SourceRef.of("harness.yaml", 1, 1));
    }

    static ScenarioBuilder scenario() {
        return new ScenarioBuilder("test");
    }

    static Check check(String name) {
        return check(name, List.of(), null, null, null);
    }

    static Check check(String name, List<String> systems, String since, String before, String disabled) {
        SourceRef src = SourceRef.of("checks.d/" + name + ".yaml", 1, 1);
        Statement create = new Statement("CREATE TABLE " + name + " (a int)", new Expectation.Succeeds(), null, false, null, src);
        Statement query = new Statement("SELECT a FROM " + name,
                new Expectation.Rows(List.of(List.of(Cell.number("1"))), null, false), Duration.ofSeconds(5), false, null, src);
        return new Check(name, "checks " + name, systems,
                since == null ? null : new Version(since), before == null ? null : new Version(before), disabled,
                List.of(create), List.of(), List.of(), List.of(query), src);
    }

    /** A plain check with its two scenario-filter flags set as given. */
    static Check check(String name, boolean externallyIdempotent, boolean supportsForcedMigrations) {
        Check c = check(name);
        return new Check(c.name(), c.description(), c.systems(), c.since(), c.before(), c.disabled(), externallyIdempotent,
                supportsForcedMigrations, c.initialize(), c.manipulate1(), c.manipulate2(), c.validate(), c.source());
    }

    static SourceRef line(int line) {
        return SourceRef.of(FILE, line, STEP_COLUMN);
    }

    /** Builds a scenario step by step; step i (0-based) sits on line FIRST_STEP_LINE + i. */
    static final class ScenarioBuilder {
        private final String name;
        private String base;
        private Scenario.Scope scope = Scenario.Scope.ANY;
        private Boolean consistency;
        private final List<Step> steps = new ArrayList<>();

        ScenarioBuilder(String name) {
            this.name = name;
        }

        /** The source position the next step will get. */
        SourceRef next() {
            return line(FIRST_STEP_LINE + steps.size());
        }

        ScenarioBuilder base(String b) {
            base = b;
            return this;
        }

        ScenarioBuilder start(String service, String version) {
            steps.add(new Step.Start(service, version, false, null, next()));
            return this;
        }

        ScenarioBuilder start(String service, String version, Integer generation) {
            steps.add(new Step.Start(service, version, false, generation, next()));
            return this;
        }

        ScenarioBuilder startReadOnly(String service, String version, int generation) {
            steps.add(new Step.Start(service, version, true, generation, next()));
            return this;
        }

        ScenarioBuilder kill(String service) {
            steps.add(new Step.Direct(new Action.Kill(service, next(), null)));
            return this;
        }

        ScenarioBuilder stop(String service) {
            steps.add(new Step.Direct(new Action.Stop(service, next(), null)));
            return this;
        }

        ScenarioBuilder awaitReady(String service) {
            steps.add(new Step.Direct(new Action.AwaitReady(service, next(), null)));
            return this;
        }

        ScenarioBuilder promote(String service) {
            steps.add(new Step.Direct(new Action.Promote(service, next(), null)));
            return this;
        }

        ScenarioBuilder initialize() {
            return phase(Phase.INITIALIZE, null);
        }

        ScenarioBuilder manipulate(int n) {
            return phase(Phase.manipulate(n), null);
        }

        ScenarioBuilder validate() {
            return phase(Phase.VALIDATE, null);
        }

        ScenarioBuilder phase(Phase phase, String on) {
            steps.add(new Step.RunPhase(phase, on, next()));
            return this;
        }

        ScenarioBuilder sleep(Duration d) {
            steps.add(new Step.Direct(new Action.Sleep(d.toMillis(), next(), null)));
            return this;
        }

        ScenarioBuilder sql(String on, boolean asSystem, String... statements) {
            steps.add(new Step.Sql(List.of(statements), on, asSystem, next()));
            return this;
        }

        ScenarioBuilder upgrade(String to, Step.Via via) {
            steps.add(new Step.Upgrade(to, via, next()));
            return this;
        }

        ScenarioBuilder upgradePath(List<String> versions, Step.Via via, int max) {
            steps.add(new Step.UpgradePath(versions, via, max, next()));
            return this;
        }

        ScenarioBuilder upgradePath(List<String> versions, Step.Via via, int max, Step.PhasePlacement phases) {
            SourceRef at = next();
            steps.add(new Step.UpgradePath(versions, versions == null ? null : versions.stream().map(v -> at).toList(), via, max, phases, at));
            return this;
        }

        /** The scenario's {@code consistency: on|off}; null (the default) leaves it to the configuration. */
        ScenarioBuilder consistency(Boolean on) {
            consistency = on;
            return this;
        }

        ScenarioBuilder scope(Scenario.Scope s) {
            scope = s;
            return this;
        }

        /** The usual tail: all phases on the leader. */
        ScenarioBuilder allPhases() {
            return initialize().manipulate(1).manipulate(2).validate();
        }

        Scenario build() {
            return new Scenario(name, "a test scenario", base, List.copyOf(steps), SourceRef.of(FILE, 1, 1), scope, List.of(), consistency);
        }
    }
}
