package dev.harness.convert.testdrive;

import dev.harness.load.BoundedFile;
import dev.harness.load.Loader;
import dev.harness.model.ExitCode;
import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code harness import testdrive}: testdrive files, one per phase, -> one YAML check. What has no harness form is kept
 * as a {@code # TODO} comment and listed; the YAML always loads: the check's node tree goes through the loader (rules,
 * schema, mapping) before the text is handed out, the text is written from the same document, and a converter that
 * wrote something the loader refuses is a bug.
 */
public final class TestdriveImport {
    /** A testdrive file as the phases use it: its name in comments and messages, and its text. */
    public record Fragment(String file, String text) {
        /** Reads {@code path} (at most 4 MB of UTF-8 text), named as given. */
        public static Fragment read(Path path) {
            return new Fragment(path.toString(), BoundedFile.readText(path, path.toString(), 4 * BoundedFile.MB));
        }
    }

    /** The fragments of a check; a missing phase (null) is empty. */
    public record Phases(Fragment initialize, Fragment manipulate1, Fragment manipulate2, Fragment validate) {
        /** The four phases in order, null where missing. */
        List<Fragment> all() {
            return java.util.Arrays.asList(initialize, manipulate1, manipulate2, validate);
        }
    }

    /** The YAML and the {@code F:LINE: not translated: …} lines; exit 0 when everything translated, else 1. */
    public record Result(String yaml, List<String> untranslated) {
        public int exitCode() {
            return untranslated.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    private TestdriveImport() {}

    /** The {@code $schema} comment's path for a check written to {@code out}: the schema of the folder the import runs in. */
    public static String schemaRef(Path out) {
        Path schema = Path.of("schema", "check.schema.json").toAbsolutePath();
        if (out == null || out.toAbsolutePath().getParent() == null) return "schema/check.schema.json";
        return out.toAbsolutePath().getParent().relativize(schema).toString().replace('\\', '/');
    }

    /**
     * @param schema the {@code $schema} path written in the first line's comment
     * @throws HarnessException.InvalidInput a testdrive syntax error ({@code file:line:column}) or an invalid name
     */
    public static Result convert(String name, Phases phases, String schema) {
        CheckContext check = new CheckContext();
        CheckWriter.Document doc = document(name, phases, schema, check);
        String yaml = CheckWriter.text(doc);
        try {
            Loader.checkTree(CheckTree.of(doc), name + ".yaml");
        } catch (HarnessException.InvalidInput e) {
            throw new IllegalStateException("the imported check does not load: " + e.getMessage() + "\n" + yaml, e);
        }
        return new Result(yaml, List.copyOf(check.untranslated));
    }

    /** The check's document, before it is written or validated; what did not translate goes into {@code check}. */
    static CheckWriter.Document document(String name, Phases phases, String schema, CheckContext check) {
        Names.requireEntity("check", name);
        List<Fragment> all = phases.all();
        List<TestdriveLines> lines = new ArrayList<>();
        List<List<TdCommand>> parsed = new ArrayList<>();
        for (Fragment f : all) {
            TestdriveLines l = f == null ? null : new TestdriveLines(f.file(), f.text());
            lines.add(l);
            parsed.add(l == null ? null : TestdriveParser.parse(l));
        }
        CheckTimeout.hoist(parsed, check);
        List<List<OutItem>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(parsed.get(i) == null ? null : new FragmentTranslator(lines.get(i), check).translate(parsed.get(i)));
        }
        return CheckWriter.document(name, all, out, check, schema);
    }
}
