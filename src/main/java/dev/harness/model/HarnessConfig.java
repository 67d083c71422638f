package dev.harness.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * harness.yaml: the release catalog and system/runtime choices. Built-in defaults make a checkout run as is;
 * CLI flags override it. Each system's own settings are in its section, keyed by the system's name
 * (see {@link SystemKinds}). {@code services} are declared for every scenario (a scenario's own declaration of the
 * same name wins). {@code consistency} false ({@code consistency: off}) compiles plans without the implicit consistency
 * steps; a scenario's own {@code consistency:} wins.
 */
public record HarnessConfig(
        String system,
        String runtime,
        List<Version> versions,
        Version current,
        Timeouts timeouts,
        Map<String, SystemSection> sections,
        SourceRef source,
        List<Scenario.Service> services,
        Map<String, String> vars,
        boolean consistency,
        Report report) {

    public HarnessConfig {
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(vars));
        Map<String, SystemSection> present = new LinkedHashMap<>();
        if (sections != null) sections.forEach((name, s) -> {
            if (s != null) present.put(name, s);
        });
        sections = java.util.Collections.unmodifiableMap(present);
        services = services == null ? List.of() : List.copyOf(services);
        report = report == null ? Report.DEFAULTS : report;
    }

    /**
     * {@code report:} how the reports are written.
     *
     * @param junit {@code default} or {@code strict} (junit.xml without testcase file/line, valid against junit-10.xsd)
     */
    public record Report(String junit) {
        public static final Report DEFAULTS = new Report("default");
    }

    /** A configuration without run-level variables. */
    public HarnessConfig(String system, String runtime, List<Version> versions, Version current, Timeouts timeouts,
            Map<String, SystemSection> sections, SourceRef source, List<Scenario.Service> services, boolean consistency) {
        this(system, runtime, versions, current, timeouts, sections, source, services, Map.of(), consistency, Report.DEFAULTS);
    }

    /** A configuration without run-level variables, with the consistency steps on and the default report settings. */
    public HarnessConfig(String system, String runtime, List<Version> versions, Version current, Timeouts timeouts,
            Map<String, SystemSection> sections, SourceRef source, List<Scenario.Service> services) {
        this(system, runtime, versions, current, timeouts, sections, source, services, Map.of(), true, Report.DEFAULTS);
    }

    /** A configuration that declares no services (built in code). */
    public HarnessConfig(String system, String runtime, List<Version> versions, Version current, Timeouts timeouts,
            Map<String, SystemSection> sections, SourceRef source) {
        this(system, runtime, versions, current, timeouts, sections, source, List.of());
    }

    /** The two sections of today's systems, for code and tests that build a configuration by hand. */
    public HarnessConfig(String system, String runtime, List<Version> versions, Version current, Timeouts timeouts,
            Materialize materialize, Postgres postgres, SourceRef source) {
        this(system, runtime, versions, current, timeouts, sectionsOf(materialize, postgres), source);
    }

    private static Map<String, SystemSection> sectionsOf(Materialize materialize, Postgres postgres) {
        Map<String, SystemSection> out = new LinkedHashMap<>();
        out.put("postgres", postgres);
        out.put("materialize", materialize);
        return out;
    }

    public record Timeouts(Duration statement, Duration start, Duration promote) {
        /** The one home of the timeout defaults, for keys neither harness.yaml nor the built-in file sets. */
        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(600));

        /** These timeouts with each unset one from {@link #DEFAULTS}. */
        public Timeouts orDefaults() {
            return new Timeouts(statement != null ? statement : DEFAULTS.statement, start != null ? start : DEFAULTS.start,
                    promote != null ? promote : DEFAULTS.promote);
        }
    }

    /** The timeouts a run uses: the configured ones, each unset one from {@link Timeouts#DEFAULTS}. */
    public Timeouts effectiveTimeouts() {
        return timeouts == null ? Timeouts.DEFAULTS : timeouts.orDefaults();
    }

    /** The section of a registered system (null when this configuration has none); any other name is a bug. */
    public SystemSection section(String systemName) {
        SystemKind kind = SystemKinds.find(systemName)
                .orElseThrow(() -> new IllegalArgumentException("not a registered system: " + systemName));
        return sections.get(kind.name());
    }

    /** The section of a registered system as its type; null when this configuration has none. */
    public <T extends SystemSection> T section(String systemName, Class<T> type) {
        SystemSection s = section(systemName);
        return s == null ? null : type.cast(s);
    }

    public HarnessConfig withSection(String systemName, SystemSection section) {
        Map<String, SystemSection> out = new LinkedHashMap<>(sections);
        out.put(SystemKinds.require(systemName).name(), section);
        return new HarnessConfig(system, runtime, versions, current, timeouts, out, source, services, vars, consistency, report);
    }

    public HarnessConfig withTimeouts(Timeouts t) {
        return new HarnessConfig(system, runtime, versions, current, t, sections, source, services, vars, consistency, report);
    }

    /** This configuration with {@code overrides} ({@code --var}) over its run-level variables. */
    public HarnessConfig withVars(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(vars);
        merged.putAll(overrides);
        return new HarnessConfig(system, runtime, versions, current, timeouts, sections, source, services, merged, consistency, report);
    }

    public Materialize materialize() {
        return section("materialize", Materialize.class);
    }

    public Postgres postgres() {
        return section("postgres", Postgres.class);
    }

    /** The release catalog of a system, oldest first: its own section's {@code versions}, else the top-level list. */
    public List<Version> catalog(String systemName) {
        SystemSection s = section(systemName);
        List<Version> own = s == null ? null : s.versions();
        return own == null || own.isEmpty() ? versions : own;
    }

    /** What {@code current} means for a system: its own section's {@code current}, else the top-level one. */
    public Version current(String systemName) {
        SystemSection s = section(systemName);
        Version own = s == null ? null : s.current();
        return own == null ? current : own;
    }

    /**
     * @param versions          catalog for Materialize (empty = top-level {@code versions})
     * @param image             image pattern with {@code {version}}
     * @param currentImage      image of {@code current} (the locally built one)
     * @param imagePolicy       never | missing | always
     * @param systemParameters  merged into MZ_SYSTEM_PARAMETER_DEFAULT
     * @param replicationFactor replicas of the default cluster (default_cluster_replication_factor); 1 as in PR CI
     * @param parametersMode    default | minimal | random (with the run's seed): the platform checks' CI_SYSTEM_PARAMETERS
     */
    public record Materialize(
            List<Version> versions,
            Version current,
            String image,
            String currentImage,
            String imagePolicy,
            Map<String, String> systemParameters,
            Integer replicationFactor,
            String parametersMode) implements SystemSection {
        public static final Materialize DEFAULTS = new Materialize(List.of(), null, "materialize/materialized:{version}",
                "materialize/materialized:latest", "missing", Map.of(), 1, "default");
        public static final List<String> PARAMETER_MODES = List.of("default", "minimal", "random");
        public static final int MAX_REPLICATION_FACTOR = 16;
        private static final String PARAMETER = "system-parameters.";

        /** A section without the replication factor and parameter mode (they default). */
        public Materialize(List<Version> versions, Version current, String image, String currentImage, String imagePolicy,
                Map<String, String> systemParameters) {
            this(versions, current, image, currentImage, imagePolicy, systemParameters, null, null);
        }

        /** The replication factor in effect: the configured one, else 1. */
        public int effectiveReplicationFactor() {
            return replicationFactor == null ? DEFAULTS.replicationFactor : replicationFactor;
        }

        /** The parameter mode in effect: the configured one, else default. */
        public String effectiveParametersMode() {
            return parametersMode == null ? DEFAULTS.parametersMode : parametersMode;
        }

        @Override
        public List<String> keys() {
            return List.of("versions", "current", "image", "current-image", "image-policy", "system-parameters.<name>",
                    "replication-factor", "system-parameters-mode");
        }

        @Override
        public Materialize with(String key, String value) {
            if (key.startsWith(PARAMETER) && key.length() > PARAMETER.length()) {
                Map<String, String> params = new LinkedHashMap<>(systemParameters == null ? Map.of() : systemParameters);
                params.put(key.substring(PARAMETER.length()), value);
                return new Materialize(versions, current, image, currentImage, imagePolicy, params, replicationFactor, parametersMode);
            }
            return switch (key) {
                case "versions" -> new Materialize(Version.catalog(value), current, image, currentImage, imagePolicy, systemParameters,
                        replicationFactor, parametersMode);
                case "current" -> new Materialize(versions, new Version(value), image, currentImage, imagePolicy, systemParameters,
                        replicationFactor, parametersMode);
                case "image" -> new Materialize(versions, current, ImagePattern.require(value, true), currentImage, imagePolicy,
                        systemParameters, replicationFactor, parametersMode);
                case "current-image" -> new Materialize(versions, current, image, ImagePattern.require(value, false), imagePolicy,
                        systemParameters, replicationFactor, parametersMode);
                case "image-policy" -> new Materialize(versions, current, image, currentImage, ImagePattern.requirePolicy(value),
                        systemParameters, replicationFactor, parametersMode);
                case "replication-factor" -> new Materialize(versions, current, image, currentImage, imagePolicy, systemParameters,
                        requireReplicationFactor(value), parametersMode);
                case "system-parameters-mode" -> new Materialize(versions, current, image, currentImage, imagePolicy, systemParameters,
                        replicationFactor, requireParametersMode(value));
                default -> throw new IllegalArgumentException("unknown key '" + key + "'");
            };
        }

        public static int requireReplicationFactor(String value) {
            int factor;
            try {
                factor = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + Printable.line(value) + "' is not a whole number");
            }
            if (factor < 0 || factor > MAX_REPLICATION_FACTOR) {
                throw new IllegalArgumentException(factor + " is not from 0 to " + MAX_REPLICATION_FACTOR);
            }
            return factor;
        }

        public static String requireParametersMode(String value) {
            if (!PARAMETER_MODES.contains(value)) {
                throw new IllegalArgumentException("'" + Printable.line(value) + "' is not " + String.join(", ", PARAMETER_MODES));
            }
            return value;
        }

        @Override
        public Map<String, String> runSettings() {
            Map<String, String> out = new TreeMap<>();
            putIfSet(out, "image", image);
            putIfSet(out, "current-image", currentImage);
            putIfSet(out, "image-policy", imagePolicy);
            // The effective values: a replay keeps them even if a later harness changes the built-in defaults.
            out.put("replication-factor", String.valueOf(effectiveReplicationFactor()));
            out.put("system-parameters-mode", effectiveParametersMode());
            if (systemParameters != null) systemParameters.forEach((k, v) -> out.put(PARAMETER + k, v));
            return out;
        }

        @Override
        public List<String> images() {
            return java.util.stream.Stream.of(image, currentImage).filter(java.util.Objects::nonNull).toList();
        }
    }

    /**
     * @param versions    catalog for PostgreSQL (empty = top-level {@code versions})
     * @param binaries    version -> local install folder (with bin/); empty = Maven-packaged binaries
     * @param image       docker image pattern with {@code {version}}
     * @param imagePolicy never | missing | always
     */
    public record Postgres(List<Version> versions, Version current, Map<String, String> binaries, String image, String imagePolicy)
            implements SystemSection {
        public static final Postgres DEFAULTS = new Postgres(List.of(), null, Map.of(), "harness/postgres:{version}", "never");
        private static final String BINARIES = "binaries.";

        @Override
        public List<String> keys() {
            return List.of("versions", "current", "image", "image-policy", "binaries.<version>");
        }

        @Override
        public Postgres with(String key, String value) {
            if (key.startsWith(BINARIES) && key.length() > BINARIES.length()) {
                Map<String, String> bins = new LinkedHashMap<>(binaries == null ? Map.of() : binaries);
                bins.put(new Version(key.substring(BINARIES.length())).text(), value);
                return new Postgres(versions, current, bins, image, imagePolicy);
            }
            return switch (key) {
                case "versions" -> new Postgres(Version.catalog(value), current, binaries, image, imagePolicy);
                case "current" -> new Postgres(versions, new Version(value), binaries, image, imagePolicy);
                case "image" -> new Postgres(versions, current, binaries, ImagePattern.require(value, true), imagePolicy);
                case "image-policy" -> new Postgres(versions, current, binaries, image, ImagePattern.requirePolicy(value));
                default -> throw new IllegalArgumentException("unknown key '" + key + "'");
            };
        }

        @Override
        public Map<String, String> runSettings() {
            Map<String, String> out = new TreeMap<>();
            putIfSet(out, "image", image);
            putIfSet(out, "image-policy", imagePolicy);
            if (binaries != null) binaries.forEach((k, v) -> out.put(BINARIES + k, v));
            return out;
        }

        @Override
        public List<String> images() {
            return image == null ? List.of() : List.of(image);
        }
    }

    private static void putIfSet(Map<String, String> out, String key, String value) {
        if (value != null) out.put(key, value);
    }
}
