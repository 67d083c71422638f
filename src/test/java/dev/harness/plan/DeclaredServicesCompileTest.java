package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.harness.load.Loader;
import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.Problem;
import dev.harness.model.SupportService;
import dev.harness.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services a scenario declares, from real YAML: what the plan records and what the compiler refuses, at its position. */
class DeclaredServicesCompileTest {
    private static final String UPSTREAM = """
            scenario: s
            services:
              upstream: {system: postgres, version: last, settings: {wal_level: logical, max_wal_senders: 4}}
            steps:
            """;

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private Plan compile(String scenario, String... checks) throws IOException {
        Path s = write("s.yaml", scenario);
        Path checkDir = Files.createDirectories(dir.resolve("checks"));
        for (int i = 0; i < checks.length; i++) Files.writeString(checkDir.resolve("c" + i + ".yaml"), checks[i]);
        return Compiler.compile(Loader.loadScenario(s), Loader.loadChecks(List.of(checkDir)), Fixtures.config(), "postgres", "process", 1);
    }

    private List<String> problems(String scenario, String... checks) {
        var e = assertThrows(HarnessException.InvalidInput.class, () -> compile(scenario, checks));
        return e.problems().stream().map(Problem::toString).map(p -> p.replace(dir + "/", "")).toList();
    }

    private static String check(String... statements) {
        return "check: c\ninitialize:\n" + String.join("", statements) + "manipulate: {1: [], 2: []}\nvalidate: []\n";
    }

    @Test
    void theDeclarationIsCompiledIntoThePlanAndStartsBeforeTheFirstStepUnlessAStartNamesItFirst() throws IOException {
        Plan plan = compile(UPSTREAM + """
                  - start: {service: db_1, version: current}
                  - initialize
                  - stop: upstream
                  - start: upstream
                  - sql: {statements: ["SELECT 1"], on: upstream}
                """);
        assertEquals(List.of(new SupportService("upstream", "postgres", new Version("15.18"),
                Map.of("wal_level", "logical", "max_wal_senders", "4"), plan.services().get(0).source())), plan.services());
        assertEquals("s.yaml:3:3", plan.services().get(0).source().toString().replace(dir + "/", ""));
        assertEquals(List.of("start upstream 15.18 (service, postgres) [implicit before the first step]", "start db_1 15.19",
                "configure db_1 [implicit after start]", "assert-version db_1 15.19 [implicit after start]", "initialize on db_1",
                "consistency on db_1 after initialize [implicit after phase]", "stop upstream", "start upstream 15.18 (service, postgres)",
                "sql on upstream: SELECT 1", "consistency on db_1 after sql on upstream: SELECT 1 [implicit after the last step]"),
                CompilerTest.titles(plan));
        assertEquals(List.of("wal_level", "max_wal_senders"), List.copyOf(plan.services().get(0).settings().keySet()), "in the order written");

        Plan startedLater = compile(UPSTREAM + """
                  - start: {service: db_1, version: current}
                  - start: upstream
                """);
        assertEquals(List.of("start db_1 15.19", "configure db_1 [implicit after start]", "assert-version db_1 15.19 [implicit after start]",
                "start upstream 15.18 (service, postgres)"), CompilerTest.titles(startedLater));
        assertEquals(startedLater, PlanJson.read(PlanJson.write(startedLater)), "plan.json carries the services");
        assertEquals(List.of(), ReplayedPlan.problems(startedLater));
    }

    @Test
    void aServiceNameThatIsNoNameIsRefusedAtItsKey() throws IOException {
        Path file = write("s.yaml", "scenario: s\nservices:\n  9up: {system: postgres}\nsteps:\n  - start: {service: db_1, version: current}\n");
        var e = assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadScenario(file));
        assertEquals(List.of("s.yaml:3:3: service '9up': '9up' is not a valid name (a letter, then letters, digits, '_' and '-', at most 63 characters)"),
                e.problems().stream().map(Problem::toString).map(p -> p.replace(dir + "/", "")).toList());
    }

    @Test
    void badDeclarationsAreRefusedAtTheirPosition() {
        assertEquals(List.of(
                "s.yaml:3:3: service ora: unknown system 'oracle'; expected postgres",
                "s.yaml:4:3: service mz: system 'materialize' cannot run as a declared service; expected postgres",
                "s.yaml:5:3: service old: unknown version '9.6': not in the postgres catalog [15.10, 15.13, 15.15, 15.17, 15.18, 15.19] and not current (15.19)",
                "s.yaml:6:3: service bad: 'wal level' is not a setting name"), problems("""
                scenario: s
                services:
                  ora: {system: oracle}
                  mz: {system: materialize}
                  old: {system: postgres, version: "9.6"}
                  bad: {system: postgres, settings: {wal level: logical}}
                steps:
                  - start: {service: db_1, version: current}
                """));
    }

    /** The harness chooses a service's port and reads back its identity, as for any start: a setting may not move them. */
    @Test
    void aServiceMayNotSetWhatTheHarnessSetsItself() {
        assertEquals(List.of(
                "s.yaml:3:3: service up: Cluster_Name is set by the harness (port, listen address, identity and files are its own)",
                "s.yaml:3:3: service up: port is set by the harness (port, listen address, identity and files are its own)"), problems("""
                scenario: s
                services:
                  up: {system: postgres, settings: {port: 6543, Cluster_Name: mine, wal_level: logical}}
                steps:
                  - start: {service: db_1, version: current}
                """));
    }

    @Test
    void stepsThatMisuseADeclaredServiceAreRefusedAtTheStep() {
        assertEquals(List.of(
                "s.yaml:7:5: start upstream: upstream is declared under 'services:', which gives its system and version; write start: upstream",
                "s.yaml:8:5: initialize on upstream: upstream is a declared service; check phases run on the system under test (a statement reaches upstream with 'on: upstream')",
                "s.yaml:9:5: ${ghost.host}: unknown service 'ghost': the scenario declares only upstream under 'services:'",
                "s.yaml:10:5: start db_2: only a service declared under 'services:' starts without a version; write start: {service: db_2, version: …}"),
                problems(UPSTREAM + """
                          - start: {service: db_1, version: current}
                          - stop: upstream
                          - start: {service: upstream, version: current}
                          - initialize: {on: upstream}
                          - sql: "SELECT '${ghost.host}'"
                          - start: db_2
                        """));
    }

    @Test
    void checkStatementsNamingAnUndeclaredServiceAreRefusedAtTheStatement() {
        assertEquals(List.of(
                "checks/c0.yaml:3:5: on: unknown service 'ghost': the scenario declares only upstream under 'services:'",
                "checks/c0.yaml:5:5: ${upstream.user}: unknown key 'user'; expected one of host, port, url",
                "checks/c0.yaml:6:5: ${nobody.url}: unknown service 'nobody': the scenario declares only upstream under 'services:'"),
                problems(UPSTREAM + "  - start: {service: db_1, version: current}\n", check("""
                          - sql: SELECT 1
                            on: ghost
                          - sql: SELECT '${upstream.user}'
                          - sql: SELECT '${nobody.url}', '${upstream.url}', '${check}'
                        """)));
        assertEquals(List.of("checks/c0.yaml:3:5: on: unknown service 'upstream': the scenario declares no services under 'services:'"),
                problems("scenario: s\nsteps:\n  - start: {service: db_1, version: current}\n", check("  - sql: SELECT 1\n    on: upstream\n")));
    }

    @Test
    void aReplayedPlanWhoseServicesDoNotCheckOutIsRefusedNamingTheField() throws IOException {
        Plan p = compile(UPSTREAM + "  - start: {service: db_1, version: current}\n  - kill: upstream\n  - start: upstream\n");
        SupportService up = p.services().get(0);
        List<SupportService> hostile = List.of(new SupportService("../x", "oracle", up.version(), Map.of("a b", "1"), up.source()));
        List<Action> actions = new java.util.ArrayList<>(p.actions());
        Action.StartService restart = (Action.StartService) actions.get(actions.size() - 1);
        actions.set(actions.size() - 1, new Action.StartService("upstream", "postgres", new Version("15.10"), restart.source(), null));
        Plan bad = new Plan(p.scenario(), p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(),
                p.current(), p.checks(), actions, p.settings(), hostile);
        var e = assertThrows(HarnessException.InvalidInput.class, () -> PlanJson.read(PlanJson.write(bad), "saved/plan.json"));
        assertEquals(List.of(
                "saved/plan.json: services[0].name: '../x' is not a valid name (a letter, then letters, digits, '_' and '-', at most 63 characters)",
                "saved/plan.json: services[0].system: 'oracle' is not one of postgres",
                "saved/plan.json: services[0].settings: 'a b' is not a setting name",
                "saved/plan.json: actions[0].service: 'upstream' is not one of the plan's services",
                "saved/plan.json: actions[" + (actions.size() - 1) + "].service: 'upstream' is not one of the plan's services"),
                e.getMessage().lines().toList());
        Plan mismatch = new Plan(p.scenario(), p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(),
                p.current(), p.checks(), actions, p.settings(), p.services());
        var m = assertThrows(HarnessException.InvalidInput.class, () -> PlanJson.read(PlanJson.write(mismatch), "saved/plan.json"));
        assertEquals("saved/plan.json: actions[" + (actions.size() - 1) + "]: starts postgres 15.10, but the plan's services declare upstream postgres 15.18",
                m.getMessage());
    }

    @Test
    void harnessYamlDeclaresServicesForEveryScenarioAndAScenarioEntryOfTheSameNameWins() throws IOException {
        Path config = write("harness.yaml", "services:\n  upstream: {system: postgres, version: oldest}\n  audit: {system: oracle}\n");
        Path s = write("s.yaml", "scenario: s\nsteps:\n  - start: {service: db_1, version: current}\n");
        var e = assertThrows(HarnessException.InvalidInput.class, () -> Compiler.compile(Loader.loadScenario(s), List.of(),
                Loader.loadConfig(config), "postgres", "process", 1));
        assertEquals(List.of("harness.yaml:3:3: service audit: unknown system 'oracle'; expected postgres"),
                e.problems().stream().map(Problem::toString).map(p -> p.replace(dir + "/", "")).toList());

        Files.writeString(config, "services:\n  upstream: {system: postgres, version: oldest}\n  audit: {system: postgres}\n");
        Path own = write("own.yaml", "scenario: own\nservices:\n  audit: {system: postgres, version: last}\nsteps:\n"
                + "  - start: {service: db_1, version: current}\n");
        Plan plan = Compiler.compile(Loader.loadScenario(own), List.of(), Loader.loadConfig(config), "postgres", "process", 1);
        assertEquals(List.of("upstream postgres 15.10", "audit postgres 15.18"), plan.services().stream().map(SupportService::describe).toList());
        assertEquals(List.of("harness.yaml:2:3", "own.yaml:3:3"), plan.services().stream()
                .map(x -> x.source().toString().replace(dir + "/", "")).toList());
    }

    @Test
    void aPhaseWhoseChecksReachADeclaredServiceThatIsDownIsRefusedAtThePhase() {
        assertEquals(List.of(
                "s.yaml:8:5: await-ready upstream: upstream is a declared service, not a candidate to promote",
                "s.yaml:9:5: manipulate 1: the checks reach upstream, which is not running (it was killed or stopped at s.yaml:7)"),
                problems(UPSTREAM + """
                          - start: {service: db_1, version: current}
                          - initialize
                          - kill: upstream
                          - await-ready: upstream
                          - manipulate: 1
                          - start: upstream
                          - manipulate: 2
                        """, check("""
                          - sql: SELECT '${upstream.host}'
                        """)));
    }

    @Test
    void aCheckThatNeedsAServiceIsSkippedWithTheReasonWhereTheScenarioLacksIt() throws IOException {
        String needsUpstream = "check: c\nservices: [upstream]\ninitialize:\n  - sql: SELECT 1\n    on: upstream\n"
                + "manipulate: {1: [], 2: []}\nvalidate: []\n";
        Plan without = compile("scenario: s\nsteps:\n  - start: {service: db_1, version: current}\n", needsUpstream);
        assertEquals("needs the service upstream, which the scenario does not declare", without.checks().get(0).skipReason());
        Plan with = compile(UPSTREAM + "  - start: {service: db_1, version: current}\n", needsUpstream);
        assertEquals(null, with.checks().get(0).skipReason());
    }
}
