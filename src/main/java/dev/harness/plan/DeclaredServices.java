package dev.harness.plan;

import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Phase;
import dev.harness.model.Scenario;
import dev.harness.model.SourceRef;
import dev.harness.model.StartSettings;
import dev.harness.model.Statement;
import dev.harness.model.SupportService;
import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.model.VariableText;
import dev.harness.model.Version;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services besides the system under test, resolved for the plan: those every plan of its system has (Materialize's
 * metadata store, {@code SystemKind.ownServices}) and those harness.yaml and the scenario declare; each system known and able
 * to run as such a service in the plan's runtime, each version resolved against its own system's catalog, each
 * setting a setting name. It also judges what refers to them: a statement's {@code on:} and a {@code ${name.key}} in
 * SQL must name a declared service (and an address key), else the compile fails at the statement.
 */
final class DeclaredServices {
    /**
     * The systems that can run as a declared service. Materialize cannot: each environment needs its own metadata
     * store and a deploy generation of its own, which only the system under test has.
     */
    static final List<String> CAN_SERVE = List.of("postgres");
    /** {@code ${name.key}}: a service's address in SQL (the plain {@code ${check}} and friends have no dot). */
    static final Pattern ADDRESS = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_-]*)\\.([A-Za-z]+)}");

    private final Map<String, SupportService> byName = new LinkedHashMap<>();
    private final ProblemList problems;

    private DeclaredServices(ProblemList problems) {
        this.problems = problems;
    }

    /** The services the plan's system always has (Materialize's metadata store), then those of harness.yaml and of the scenario. */
    static DeclaredServices resolve(Scenario scenario, HarnessConfig config, String system, String runtime, ProblemList problems) {
        DeclaredServices out = new DeclaredServices(problems);
        SystemKind kind = SystemKinds.require(system);
        // harness.yaml declares services for every scenario; a scenario's own entry of the same name replaces it
        Map<String, Scenario.Service> declared = new LinkedHashMap<>();
        for (Scenario.Service s : kind.ownServices()) declared.put(s.name(), withSource(s, scenario.source()));
        for (Scenario.Service s : config.services()) out.declareBeside(kind, s, declared);
        for (Scenario.Service s : scenario.services()) out.declareBeside(kind, s, declared);
        for (Scenario.Service s : declared.values()) out.declare(s, config, runtime);
        return out;
    }

    /** The system's own services are its: a scenario or harness.yaml may not replace one with a service of its own. */
    private void declareBeside(SystemKind kind, Scenario.Service s, Map<String, Scenario.Service> declared) {
        if (kind.owns(s.name())) {
            problems.add(s.source(), "service " + s.name() + ": every " + kind.name() + " plan has a service of this name (its own, started"
                    + " before the first step); choose another name");
        } else {
            declared.put(s.name(), s);
        }
    }

    /** A system's own service is reported at the scenario it serves. */
    private static Scenario.Service withSource(Scenario.Service s, SourceRef source) {
        return new Scenario.Service(s.name(), s.system(), s.version(), s.settings(), source);
    }

    private void declare(Scenario.Service s, HarnessConfig config, String runtime) {
        String what = "service " + s.name();
        Optional<SystemKind> kind = SystemKinds.find(s.system());
        if (kind.isEmpty() || !CAN_SERVE.contains(s.system())) {
            problems.add(s.source(), what + ": " + (kind.isEmpty() ? "unknown system '" + s.system() + "'" : "system '" + s.system()
                    + "' cannot run as a declared service") + "; expected " + String.join(" or ", CAN_SERVE));
            return;
        }
        String runtimeProblem = SystemKinds.runtimeProblem(kind.get(), runtime);
        if (runtimeProblem != null) problems.add(s.source(), what + ": " + runtimeProblem);
        Version current = config.current(s.system());
        if (current == null) {
            problems.add(s.source(), what + ": no current version configured for " + s.system());
            return;
        }
        List<Version> catalog = config.catalog(s.system()) == null ? List.of() : config.catalog(s.system());
        VersionResolver.Result version = new VersionResolver(s.system(), catalog, current).resolve(s.version() == null ? "current" : s.version());
        if (!version.ok()) problems.add(s.source(), what + ": " + version.error());
        s.settings().forEach((name, value) -> {
            String problem = settingProblem(name);
            if (problem != null) problems.add(s.source(), what + ": " + problem);
            if (value == null) problems.add(s.source(), what + ": setting '" + name + "' has no value");
        });
        byName.put(s.name(), new SupportService(s.name(), s.system(), version.version(), s.settings(), s.source()));
    }

    /** A service's settings are server settings like a start's: the same names, the same ones the harness keeps. */
    static String settingProblem(String name) {
        if (!StartSettings.Postgres.isName(name)) return "'" + name + "' is not a setting name";
        return StartSettings.Postgres.isReserved(name) ? name + StartSettings.Postgres.RESERVED_REASON : null;
    }

    boolean declared(String name) {
        return name != null && byName.containsKey(name);
    }

    SupportService get(String name) {
        return byName.get(name);
    }

    List<SupportService> all() {
        return List.copyOf(byName.values());
    }

    /** Why {@code check} cannot run beside these services (it needs one the scenario does not declare), or null. */
    String skipReason(Check check) {
        List<String> missing = check.services().stream().filter(s -> !declared(s)).toList();
        return missing.isEmpty() ? null : "needs the service" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                + ", which the scenario does not declare";
    }

    /** Every statement of the checks that run: its {@code on:} and the addresses in its SQL. */
    void checkReferences(List<Check> checks) {
        for (Check c : checks) {
            for (Phase phase : Phase.values()) {
                for (Statement s : c.statements(phase)) {
                    if (s.on() != null && !declared(s.on())) problems.add(s.source(), "on: " + unknown(s.on()));
                    checkSql(s.sql(), s.source());
                }
            }
        }
    }

    /** The declared services the statements of {@code checks} reach, by {@code on:} or {@code ${name.…}}. */
    java.util.Set<String> reachedBy(List<Check> checks) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Check c : checks) {
            for (Phase phase : Phase.values()) {
                for (Statement s : c.statements(phase)) {
                    if (declared(s.on())) out.add(s.on());
                    for (String[] ref : addresses(s.sql())) if (declared(ref[0])) out.add(ref[0]);
                }
            }
        }
        return out;
    }

    /** A {@code ${name.key}} must name a declared service and one of its address keys. */
    void checkSql(String sql, SourceRef where) {
        for (String[] ref : addresses(sql)) {
            String written = "${" + ref[0] + "." + ref[1] + "}";
            if (!declared(ref[0])) {
                problems.add(where, written + ": " + unknown(ref[0]));
            } else if (!SupportService.ADDRESS_KEYS.contains(ref[1])) {
                problems.add(where, written + ": unknown key '" + ref[1] + "'; expected one of " + String.join(", ", SupportService.ADDRESS_KEYS));
            }
        }
    }

    /** The {@code ${name.key}} references of {@code sql} as {name, key}; a {@code $${…}} is a literal and not among them. */
    private static List<String[]> addresses(String sql) {
        if (sql == null || !sql.contains("${")) return List.of();
        List<String[]> out = new java.util.ArrayList<>();
        for (VariableText.Ref ref : VariableText.refs(sql)) {
            Matcher m = ADDRESS.matcher("${" + ref.name() + "}");
            if (m.matches()) out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    private String unknown(String name) {
        return "unknown service '" + name + "': the scenario declares " + (byName.isEmpty() ? "no services"
                : "only " + String.join(", ", byName.keySet())) + " under 'services:'";
    }
}
