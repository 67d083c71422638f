package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Bounds what a YAML document expands to, as the composer reads it event by event: the text and the number of
 * values after every alias is replaced by what it names (an alias to a scalar counts too, so one long anchored
 * scalar referenced thousands of times cannot become hundreds of MB of SQL), aliases to lists and mappings,
 * and nesting. A limit is reported at the alias or the list that crosses it.
 */
final class ExpansionBudget implements Parser {
    /** Twice the largest file: room for a file's anchors to be reused, nowhere near a memory problem. */
    static final long MAX_EXPANDED_CHARS = 2 * YamlReader.MAX_FILE_BYTES;
    static final int MAX_VALUES = 200_000;

    private final Parser parser;
    private final String name;
    /** Anchor -> what its node expands to. An anchor may be defined again later; the later one wins, as in YAML. */
    private final Map<String, Size> anchors = new HashMap<>();
    /** The collections being read, innermost first, with what they expand to so far. */
    private final Deque<Open> open = new ArrayDeque<>();
    private long chars;
    private long values;
    private int collectionAliases;

    private record Size(long chars, long values, boolean collection) {}

    private static final class Open {
        final String anchor;
        long chars;
        long values = 1;

        Open(String anchor) {
            this.anchor = anchor;
        }
    }

    ExpansionBudget(Parser parser, String name) {
        this.parser = parser;
        this.name = name;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = parser.getEvent();
        if (event instanceof ScalarEvent s) {
            Size size = new Size(s.getValue().length(), 1, false);
            if (s.getAnchor() != null) anchors.put(s.getAnchor(), size);
            expand(size, s.getStartMark());
        } else if (event instanceof CollectionStartEvent c) {
            if (open.size() >= YamlReader.MAX_NESTING) {
                throw problem(c.getStartMark(), "nested too deeply: more than " + YamlReader.MAX_NESTING + " levels of lists or mappings");
            }
            count(0, 1, c.getStartMark());
            open.push(new Open(c.getAnchor()));
        } else if (event instanceof CollectionEndEvent && !open.isEmpty()) {
            Open closed = open.pop();
            if (closed.anchor != null) anchors.put(closed.anchor, new Size(closed.chars, closed.values, true));
            if (!open.isEmpty()) {
                open.peek().chars += closed.chars;
                open.peek().values += closed.values;
            }
        } else if (event instanceof AliasEvent a) {
            alias(a);
        }
        return event;
    }

    /** An alias costs what its anchor expands to; an unknown or recursive one is left to the composer's message. */
    private void alias(AliasEvent a) {
        Size size = anchors.get(a.getAnchor());
        if (size == null) return;
        if (size.collection() && ++collectionAliases > YamlReader.MAX_ALIASES) {
            throw problem(a.getStartMark(), "too many aliases: more than " + YamlReader.MAX_ALIASES
                    + " aliases (*name) to lists or mappings; the limit protects against alias bombs (\"billion laughs\")");
        }
        expand(size, a.getStartMark());
    }

    /** A scalar or an alias: part of the document and of every collection around it. */
    private void expand(Size size, Mark where) {
        count(size.chars(), size.values(), where);
        if (!open.isEmpty()) {
            open.peek().chars += size.chars();
            open.peek().values += size.values();
        }
    }

    private void count(long moreChars, long moreValues, Mark where) {
        chars += moreChars;
        values += moreValues;
        if (chars > MAX_EXPANDED_CHARS) {
            throw problem(where, "the document expands to more than " + MAX_EXPANDED_CHARS / BoundedFile.MB
                    + " MB of text through its aliases (*name); the limit protects against alias bombs");
        }
        if (values > MAX_VALUES) {
            throw problem(where, "the document has more than " + MAX_VALUES + " values (an alias counts as what it names);"
                    + " the limit protects against alias bombs");
        }
    }

    private HarnessException.InvalidInput problem(Mark mark, String message) {
        return new HarnessException.InvalidInput(List.of(new Problem(YamlReader.ref(name, mark), message)));
    }
}
