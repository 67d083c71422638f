package dev.harness.plan;

import dev.harness.model.SystemKinds;
import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Durations;
import dev.harness.model.Expectation;
import dev.harness.model.Guard;
import dev.harness.model.Login;
import dev.harness.model.Mask;
import dev.harness.model.Names;
import dev.harness.model.PhaseItem;
import dev.harness.model.PlannedCheck;
import dev.harness.model.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The checks of a replayed plan, field by field: what the loader guarantees for a check read from YAML. */
final class ReplayedChecks {
    /** Numbers as the YAML loader keeps them (its core-schema int and float shapes). */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");

    private final FieldProblems problems;

    ReplayedChecks(FieldProblems problems) {
        this.problems = problems;
    }

    void checks(List<PlannedCheck> checks) {
        Set<String> names = new HashSet<>();
        problems.each("checks", checks, (field, planned) -> {
            if (!problems.required(field + ".check", planned.check())) return;
            check(field + ".check", planned.check());
            if (planned.check().name() != null && !names.add(planned.check().name())) {
                problems.add(field + ".check.name", "duplicate check name '" + planned.check().name() + "'");
            }
        });
    }

    private void check(String field, Check c) {
        problems.entity(field + ".name", c.name());
        problems.each(field + ".systems", c.systems(), (f, s) -> problems.oneOf(f, s, SystemKinds.names()));
        problems.source(field + ".source", c.source());
        problems.each(field + ".tags", c.tags(), (f, tag) -> {
            if (!Names.TAG.matcher(tag).matches()) problems.add(f, "'" + tag + "' is not a tag (lower-case letters, digits, _ and -)");
        });
        if (c.retry() != null && Durations.problem(c.retry()) != null) problems.add(field + ".retry", Durations.problem(c.retry()));
        problems.each(field + ".masks", c.masks(), this::mask);
        if (c.vars() != null) c.vars().forEach((k, v) -> problems.required(field + ".vars." + k, v));
        items(field + ".initialize", c.initialize());
        items(field + ".manipulate1", c.manipulate1());
        items(field + ".manipulate2", c.manipulate2());
        items(field + ".validate", c.validate());
    }

    private void items(String field, List<PhaseItem> items) {
        problems.each(field, items, this::item);
    }

    private void item(String field, PhaseItem item) {
        item.accept(new PhaseItem.Visitor<Void>() {
            @Override
            public Void statement(Statement s) {
                ReplayedChecks.this.statement(field, s);
                return null;
            }

            @Override
            public Void sleep(PhaseItem.Sleep s) {
                problems.source(field + ".source", s.source());
                if (problems.required(field + ".duration", s.duration()) && Durations.problem(s.duration()) != null) {
                    problems.add(field + ".duration", Durations.problem(s.duration()));
                }
                problems.each(field + ".when", s.when(), ReplayedChecks.this::guard);
                return null;
            }

            @Override
            public Void setMasks(PhaseItem.SetMasks m) {
                problems.source(field + ".source", m.source());
                problems.each(field + ".masks", m.masks(), ReplayedChecks.this::mask);
                return null;
            }

            @Override
            public Void openSession(PhaseItem.OpenSession o) {
                problems.source(field + ".source", o.source());
                problems.required(field + ".name", o.name());
                if (o.as() != null) login(field + ".as", o.as());
                return null;
            }
        });
    }

    private void mask(String field, Mask m) {
        if (problems.required(field + ".regex", m.regex())) {
            try {
                Pattern.compile(m.regex());
            } catch (PatternSyntaxException e) {
                problems.add(field + ".regex", "not a valid regular expression: " + e.getDescription());
            }
        }
        problems.required(field + ".replace", m.replace());
    }

    private void login(String field, Login l) {
        problems.required(field + ".user", l.user());
    }

    private void statement(String field, Statement s) {
        problems.required(field + ".sql", s.sql());
        problems.source(field + ".source", s.source());
        if (s.retry() != null && Durations.problem(s.retry()) != null) problems.add(field + ".retry", Durations.problem(s.retry()));
        problems.each(field + ".when", s.when(), this::guard);
        if (s.as() != null) login(field + ".as", s.as());
        if (!problems.required(field + ".expect", s.expect())) return;
        s.expect().accept(new Expectation.Visitor<Void>() {
            @Override
            public Void succeeds(Expectation.Succeeds e) {
                return null;
            }

            @Override
            public Void rows(Expectation.Rows rows) {
                problems.each(field + ".expect.rows", rows.rows(), (rowField, row) -> problems.each(rowField, row, ReplayedChecks.this::cell));
                if (rows.columns() != null) problems.each(field + ".expect.columns", rows.columns(), (f, c) -> { }); // each() reports null items
                return null;
            }

            @Override
            public Void fails(Expectation.Fails fails) {
                error(field + ".expect.match", fails.match());
                return null;
            }
        });
    }

    private void guard(String field, Guard g) {
        problems.required(field + ".subject", g.subject());
        problems.required(field + ".op", g.op());
        problems.required(field + ".text", g.text());
    }

    private void cell(String field, Cell c) {
        if (!problems.required(field + ".type", c.type())) return;
        switch (c.type()) {
            case NULL -> { }
            case NUMBER -> {
                if (problems.required(field + ".text", c.text()) && !NUMBER.matcher(c.text()).matches()) {
                    problems.add(field + ".text", "'" + c.text() + "' is not a number");
                }
            }
            case BOOLEAN -> {
                if (problems.required(field + ".text", c.text()) && !List.of("true", "false").contains(c.text())) {
                    problems.add(field + ".text", "'" + c.text() + "' is not true or false");
                }
            }
            case STRING -> problems.required(field + ".text", c.text());
        }
    }

    private void error(String field, Expectation.ErrorMatch match) {
        if (!problems.required(field, match) || !problems.required(field + ".kind", match.kind())
                || !problems.required(field + ".value", match.value())) {
            return;
        }
        switch (match.kind()) {
            case REGEX -> {
                try {
                    Pattern.compile(match.value());
                } catch (PatternSyntaxException e) {
                    problems.add(field + ".value", "not a valid regular expression: " + e.getDescription());
                }
            }
            case SQLSTATE -> {
                if (!SQLSTATE.matcher(match.value()).matches()) problems.add(field + ".value", "'" + match.value() + "' is not a SQLSTATE (five characters like 42P01)");
            }
            case CONTAINS, EXACT -> { }
        }
    }
}
