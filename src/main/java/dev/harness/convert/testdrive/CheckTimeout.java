package dev.harness.convert.testdrive;

import java.util.ArrayList;
import java.util.List;

/**
 * A check-level {@code retry:} from {@code $ set-sql-timeout}: when every fragment starts with the same one and sets
 * no other, it is the check's default budget; otherwise each fragment's timeout goes on its own statements.
 */
final class CheckTimeout {
    private CheckTimeout() {}

    /** Moves the common leading timeout into {@code check.retry} and replaces those commands by comments. */
    static void hoist(List<List<TdCommand>> fragments, CheckContext check) {
        String duration = null;
        List<Integer> at = new ArrayList<>();
        for (List<TdCommand> commands : fragments) {
            if (commands == null) continue;
            int first = firstCommand(commands);
            String d = first < 0 ? null : timeout(commands.get(first));
            if (d == null || (duration != null && !duration.equals(d))) return;
            for (int i = first + 1; i < commands.size(); i++) if (timeout(commands.get(i)) != null) return;
            duration = d;
            at.add(first);
        }
        if (duration == null || duration.equalsIgnoreCase("default")) return;
        try {
            check.retry = BuiltinTranslator.humantime(duration);
        } catch (Untranslatable e) {
            return; // left in place: the fragment translator reports it
        }
        int k = 0;
        for (List<TdCommand> commands : fragments) {
            if (commands == null) continue;
            int i = at.get(k++);
            TdCommand c = commands.get(i);
            commands.set(i, new TdCommand.Comment("$ set-sql-timeout duration=" + duration + " -> the check's retry:", c.first(), c.last()));
        }
    }

    private static int firstCommand(List<TdCommand> commands) {
        for (int i = 0; i < commands.size(); i++) if (!(commands.get(i) instanceof TdCommand.Comment)) return i;
        return -1;
    }

    /** The duration of an unguarded {@code $ set-sql-timeout} with only that argument, else null. */
    private static String timeout(TdCommand c) {
        if (c instanceof TdCommand.Builtin b && b.name().equals("set-sql-timeout")) {
            return b.guards().isEmpty() && b.args().size() == 1 ? b.args().get("duration") : "";
        }
        return null;
    }
}
