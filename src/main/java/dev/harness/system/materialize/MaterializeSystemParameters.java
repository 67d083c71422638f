package dev.harness.system.materialize;

import dev.harness.model.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The system parameters a Materialize start gets by default, read from {@code system-parameters.yaml} beside this
 * class: the minimal set tests need and the parameters tests vary, each entry gated on the version it is given to
 * (an old binary refuses a parameter it does not know). The mode is the platform checks' {@code CI_SYSTEM_PARAMETERS}.
 */
public final class MaterializeSystemParameters {
    static final String RESOURCE = "system-parameters.yaml";
    private static final Catalog CATALOG = Catalog.load();

    /** What is added to the minimal set: each varied parameter's default, nothing, or a seeded choice of its values. */
    public enum Mode {
        DEFAULT, MINIMAL, RANDOM;

        public static Mode parse(String text) {
            return text == null ? DEFAULT : valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** One entry of the resource: a value (minimal) or a default and its alternatives (variable), with its version gate. */
    record Entry(String name, String value, List<String> values, Version since, Version after, Version before) {
        boolean appliesTo(Version v) {
            if (v == null) return before == null; // no version known: the newest, as the original takes its own build
            return (since == null || v.compareTo(since) >= 0) && (after == null || v.compareTo(after) > 0)
                    && (before == null || v.compareTo(before) < 0);
        }
    }

    private record Catalog(List<Entry> minimal, List<Entry> variable) {
        static Catalog load() {
            try (InputStream in = MaterializeSystemParameters.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
                Map<String, List<Map<String, Object>>> doc = textOnly().load(in);
                return new Catalog(entries(doc.get("minimal"), "value"), entries(doc.get("variable"), "default"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every scalar as its text: "true", "1.0" and "" stay what the file says. */
        private static Yaml textOnly() {
            LoaderOptions options = new LoaderOptions();
            Resolver textOnly = new Resolver() {
                @Override
                protected void addImplicitResolvers() {
                    // no implicit types: every plain scalar is a string
                }
            };
            return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, textOnly);
        }

        @SuppressWarnings("unchecked")
        private static List<Entry> entries(List<Map<String, Object>> raw, String valueKey) {
            List<Entry> out = new ArrayList<>();
            for (Map<String, Object> e : raw) {
                out.add(new Entry((String) e.get("name"), (String) e.get(valueKey), (List<String>) e.get("values"),
                        version(e.get("since")), version(e.get("after")), version(e.get("before"))));
            }
            return List.copyOf(out);
        }

        private static Version version(Object text) {
            return text == null ? null : Version.parse((String) text);
        }
    }

    private MaterializeSystemParameters() {}

    /** The parameters tests need to run at all, for {@code version}, in the resource's order. */
    public static Map<String, String> minimal(Version version) {
        Map<String, String> out = new LinkedHashMap<>();
        effective(CATALOG.minimal(), version).forEach((name, e) -> out.put(name, e.value()));
        return out;
    }

    /**
     * The defaults for {@code version}: the minimal set, then per varied parameter its default ({@link Mode#DEFAULT}),
     * nothing ({@link Mode#MINIMAL}) or one of its values drawn in the resource's order from {@code seed} ({@link Mode#RANDOM}).
     */
    public static Map<String, String> defaults(Version version, Mode mode, long seed) {
        Map<String, String> out = minimal(version);
        if (mode == Mode.MINIMAL) return out;
        Random random = new Random(seed);
        effective(CATALOG.variable(), version).forEach((name, e) -> out.put(name,
                mode == Mode.RANDOM ? e.values().get(random.nextInt(e.values().size())) : e.value()));
        return out;
    }

    /** Per name the last entry that applies to {@code version}, in the order names first appear. */
    private static Map<String, Entry> effective(List<Entry> entries, Version version) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.appliesTo(version)) out.put(e.name(), e);
        }
        return out;
    }
}
