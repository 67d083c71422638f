package dev.harness.convert.testdrive;

import dev.harness.model.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * testdrive's builtins ({@code $ name …}) that have a harness form (src/testdrive/src/action/*.rs): variables,
 * masks, timeouts, sleeps, skips and PostgreSQL connections. Any other builtin is untranslated, with the reason.
 */
final class BuiltinTranslator {
    static final String SLEEP = "sleep-is-probably-flaky-i-have-justified-my-need-with-a-comment";
    /** testdrive's replacement when {@code $ set-regex} names none. */
    static final String DEFAULT_REPLACEMENT = "<regex_match>";
    private static final Pattern SKIP_IF = Pattern.compile(
            "(?is)\\s*SELECT\\s+(?:mz_version_num\\(\\)\\s*(<=|>=|<>|!=|=|<|>)\\s*(\\d+)|(\\d+)\\s*(<=|>=|<>|!=|=|<|>)\\s*mz_version_num\\(\\))\\s*;?\\s*");
    private static final Pattern HUMANTIME = Pattern.compile("\\s*([0-9]+)\\s*(msec|ms|seconds|second|secs|sec|s|minutes|minute|mins|min|m|hours|hour|hrs|hr|h)\\s*");

    private final FragmentTranslator fragment;
    private final FragmentState state;
    private final CheckContext check;

    BuiltinTranslator(FragmentTranslator fragment, FragmentState state, CheckContext check) {
        this.fragment = fragment;
        this.state = state;
        this.check = check;
    }

    void translate(TdCommand.Builtin b) throws Untranslatable {
        switch (b.name()) {
            case "set" -> set(b);
            case "set-from-sql" -> setFromSql(b);
            case "set-regex" -> setRegex(b);
            case "unset-regex" -> directive(b, "masks", List.of());
            case "set-sql-timeout" -> sqlTimeout(b);
            case SLEEP -> sleep(b);
            case "skip-if" -> skipIf(b);
            case "skip-end" -> {
                if (!b.guards().isEmpty()) throw new Untranslatable("$ skip-end under a version guard: the harness has no guarded form of it");
                state.skipGuards.clear();
            }
            case "postgres-connect" -> connect(b);
            case "postgres-execute" -> execute(b);
            case "nop", "skip-consistency-checks" -> fragment.add(new OutItem.Note(fragment.from(b) + ": $ " + b.name() + ": nothing to do in the harness"));
            default -> throw new Untranslatable(Unsupported.reason(b.name()));
        }
    }

    private void set(TdCommand.Builtin b) throws Untranslatable {
        unguarded(b);
        for (Map.Entry<String, String> arg : b.args().entrySet()) {
            String name = VariableRefs.checked(arg.getKey(), arg.getKey());
            String value = arg.getValue().isEmpty() ? String.join("\n", b.input()) : arg.getValue();
            if (VariableRefs.BUILT_INS.contains(name)) throw new Untranslatable("$ set " + name + ": '" + name + "' is a harness built-in variable");
            if (VariableRefs.refers(value)) throw new Untranslatable("$ set " + name + ": a value made of other variables is not a constant");
            String before = check.vars.putIfAbsent(name, value);
            if (before != null && !before.equals(value)) {
                throw new Untranslatable("$ set " + name + " again with another value; check vars are constants");
            }
        }
        fragment.add(new OutItem.Note(fragment.from(b) + ": $ set -> vars: " + String.join(", ", b.args().keySet())));
    }

    private void setFromSql(TdCommand.Builtin b) throws Untranslatable {
        String var = VariableRefs.checked(required(b, "var"), required(b, "var"));
        onlyArgs(b, "var");
        if (VariableRefs.BUILT_INS.contains(var) || check.vars.containsKey(var)) throw new Untranslatable("$ set-from-sql var=" + var + ": the name is taken");
        OutItem.Entry e = new OutItem.Entry(fragment.from(b)).put("query", VariableRefs.rewrite(String.join("\n", b.input()))).put("capture", var);
        fragment.retry(e);
        fragment.guards(e, b.guards());
        fragment.add(e);
    }

    private void setRegex(TdCommand.Builtin b) throws Untranslatable {
        String regex = VariableRefs.rewrite(required(b, "match"));
        String replacement = b.args().containsKey("replacement") ? VariableRefs.rewrite(b.args().get("replacement")) : DEFAULT_REPLACEMENT;
        onlyArgs(b, "match", "replacement");
        FragmentTranslator.compiles(regex, "$ set-regex match");
        if (replacement.replace("${", "").contains("$") || replacement.contains("\\")) {
            throw new Untranslatable("$ set-regex replacement '" + replacement + "': '$' and '\\' mean group references in Rust and Java alike, differently");
        }
        Map<String, Object> mask = new LinkedHashMap<>();
        mask.put("regex", regex);
        mask.put("replace", replacement);
        directive(b, "masks", List.of(mask));
    }

    /** A directive entry: it cannot carry guards, so a guarded one (or one under {@code $ skip-if}) does not translate. */
    private void directive(TdCommand.Builtin b, String key, Object value) throws Untranslatable {
        unguarded(b);
        fragment.add(new OutItem.Entry(fragment.from(b)).put(key, value));
    }

    private void sqlTimeout(TdCommand.Builtin b) throws Untranslatable {
        unguarded(b);
        String d = required(b, "duration");
        state.timeout = d.equalsIgnoreCase("default") ? null : humantime(d);
        fragment.add(new OutItem.Note(fragment.from(b) + ": $ set-sql-timeout -> retry: on the statements that follow"));
    }

    private void sleep(TdCommand.Builtin b) throws Untranslatable {
        OutItem.Entry e = new OutItem.Entry(fragment.from(b)).put("sleep", FragmentTranslator.duration(humantime(required(b, "duration"))));
        fragment.guards(e, b.guards());
        fragment.add(e);
    }

    /** {@code $ skip-if} with {@code SELECT mz_version_num() OP N}: the rest of the fragment runs only when it is false. */
    private void skipIf(TdCommand.Builtin b) throws Untranslatable {
        unguarded(b);
        Matcher m = SKIP_IF.matcher(String.join("\n", b.input()));
        if (!m.matches()) throw new Untranslatable("$ skip-if: only 'SELECT mz_version_num() OP N' translates (to guards)");
        boolean versionLeft = m.group(1) != null;
        String op = versionLeft ? m.group(1) : mirrored(m.group(4));
        int n = Integer.parseInt(versionLeft ? m.group(2) : m.group(3));
        state.skipGuards.add("current " + negated(op) + " " + VersionConstraint.version(n));
    }

    private void connect(TdCommand.Builtin b) throws Untranslatable {
        unguarded(b);
        String name = VariableRefs.checked(required(b, "name"), required(b, "name"));
        ConnectionTarget target = ConnectionTarget.url(required(b, "url"));
        onlyArgs(b, "name", "url");
        OutItem.Entry e = new OutItem.Entry(fragment.from(b)).put("open-session", name);
        if (target instanceof ConnectionTarget.Role r) {
            e.put("as", login(r));
        } else if (!(target instanceof ConnectionTarget.Plain)) {
            throw new Untranslatable("$ postgres-connect to " + describe(target) + ": a session opens only as the phase's user or a role");
        }
        state.sessions.add(name);
        fragment.add(e);
    }

    private void execute(TdCommand.Builtin b) throws Untranslatable {
        if ("true".equals(b.args().get("background"))) throw new Untranslatable("$ postgres-execute background=true: the harness runs statements one after another");
        String connection = required(b, "connection");
        onlyArgs(b, "connection", "background");
        ConnectionTarget target = ConnectionTarget.of(connection, state.sessions);
        for (String line : b.input()) {
            OutItem.Entry e = new OutItem.Entry(fragment.from(b)).put("sql", VariableRefs.rewrite(line));
            if (target instanceof ConnectionTarget.System) {
                e.put("as", "system");
            } else if (target instanceof ConnectionTarget.Role r) {
                e.put("as", login(r));
            } else if (target instanceof ConnectionTarget.Service s) {
                e.put("on", s.name());
                check.services.add(s.name());
            } else if (target instanceof ConnectionTarget.Session s) {
                e.put("session", s.name());
            }
            fragment.guards(e, b.guards());
            fragment.add(e);
        }
    }

    private static Map<String, Object> login(ConnectionTarget.Role r) {
        Map<String, Object> as = new LinkedHashMap<>();
        as.put("user", r.user());
        if (r.password() != null) as.put("password", r.password());
        if (!r.listener().equals("sql")) as.put("listener", r.listener());
        return as;
    }

    private static String describe(ConnectionTarget t) {
        if (t instanceof ConnectionTarget.Service s) return "the service " + s.name();
        return "mz_system";
    }

    private void unguarded(TdCommand.Builtin b) throws Untranslatable {
        if (!b.guards().isEmpty() || !state.skipGuards.isEmpty()) {
            throw new Untranslatable("$ " + b.name() + " under a version guard or $ skip-if: the harness has no guarded form of it");
        }
    }

    private static String required(TdCommand.Builtin b, String arg) throws Untranslatable {
        String v = b.args().get(arg);
        if (v == null) throw new Untranslatable("$ " + b.name() + " without " + arg + "=");
        return v;
    }

    private static void onlyArgs(TdCommand.Builtin b, String... known) throws Untranslatable {
        for (String key : b.args().keySet()) {
            if (!List.of(known).contains(key)) throw new Untranslatable("$ " + b.name() + " " + key + "=: no harness form");
        }
    }

    /** A humantime duration ({@code 60s}, {@code 5m}, {@code 1m 30s}) as a harness duration. */
    static Duration humantime(String text) throws Untranslatable {
        Matcher m = HUMANTIME.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2).charAt(0)) {
                case 's' -> Duration.ofSeconds(n);
                case 'h' -> Duration.ofHours(n);
                default -> m.group(2).startsWith("ms") ? Duration.ofMillis(n) : Duration.ofMinutes(n);
            });
            end = m.end();
        }
        if (end != text.length() || end == 0) throw new Untranslatable("duration '" + text + "' is not of the form 30s, 500ms, 5m or 1h");
        if (Durations.problem(total) != null) throw new Untranslatable("duration '" + text + "': " + Durations.problem(total));
        return total;
    }

    private static String mirrored(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static String negated(String op) {
        return switch (op) {
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            case "=" -> "!=";
            default -> "==";
        };
    }
}
