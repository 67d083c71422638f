package dev.harness.convert.testdrive;

import dev.harness.model.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The imported check as YAML text: header comments, check keys, then the four phases with a {@code # from F:LINE} per entry. */
final class CheckWriter {
    private static final String[] PHASES = {"initialize", "manipulate 1", "manipulate 2", "validate"};

    private CheckWriter() {}

    static String write(String name, List<TestdriveImport.Fragment> fragments, List<List<OutItem>> phases, CheckContext check, String schema) {
        YamlText y = new YamlText();
        y.line(0, "# yaml-language-server: $schema=" + schema);
        List<String> from = new ArrayList<>();
        for (int i = 0; i < PHASES.length; i++) if (fragments.get(i) != null) from.add(PHASES[i] + " " + fragments.get(i).file());
        y.comment(0, "Imported by `harness import testdrive` from " + (from.isEmpty() ? "no files" : String.join(", ", from)) + ".");
        if (!check.untranslated.isEmpty()) {
            y.comment(0, check.untranslated.size() + (check.untranslated.size() == 1 ? " command" : " commands")
                    + " not translated: see the TODO comments.");
        }
        y.field(0, "", "check", name);
        y.field(0, "", "description", "Imported from testdrive: " + (from.isEmpty() ? "no files" : String.join(", ", from)));
        if (!check.services.isEmpty()) y.field(0, "", "services", new ArrayList<>(check.services));
        if (!check.vars.isEmpty()) {
            y.line(0, "vars:");
            for (Map.Entry<String, String> v : check.vars.entrySet()) y.field(2, "", v.getKey(), v.getValue());
        }
        if (check.retry != null) y.field(0, "", "retry", new OutItem.Scalar(Durations.format(check.retry)));
        phase(y, 0, "initialize", phases.get(0));
        y.line(0, "manipulate:");
        phase(y, 2, "1", phases.get(1));
        phase(y, 2, "2", phases.get(2));
        phase(y, 0, "validate", phases.get(3));
        return y.text();
    }

    private static void phase(YamlText y, int indent, String key, List<OutItem> items) {
        List<OutItem> all = items == null ? List.of() : items;
        boolean empty = all.stream().noneMatch(i -> i instanceof OutItem.Entry);
        y.line(indent, key + ":" + (empty ? " []" : ""));
        int in = indent + 2;
        for (OutItem item : all) {
            if (item instanceof OutItem.Note n) {
                y.comment(in, n.text());
            } else if (item instanceof OutItem.Todo t) {
                y.comment(in, "TODO " + t.from() + ": not translated: " + t.reason());
                for (String l : t.original()) y.comment(in, "  " + l);
            } else if (item instanceof OutItem.Entry e) {
                y.comment(in, "from " + e.from());
                String prefix = "- ";
                for (Map.Entry<String, Object> f : e.fields().entrySet()) {
                    y.field(in, prefix, f.getKey(), f.getValue());
                    prefix = "  ";
                }
            }
        }
    }
}
