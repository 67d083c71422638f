package dev.harness.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.List;

/**
 * One entry of a check phase: a SQL {@link Statement}, or a directive that shapes the statements after it
 * (testdrive's {@code $ sleep…}, {@code $ set-regex}/{@code $ unset-regex}, {@code $ postgres-connect}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "item")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Statement.class, name = "statement"),
    @JsonSubTypes.Type(value = PhaseItem.Sleep.class, name = "sleep"),
    @JsonSubTypes.Type(value = PhaseItem.SetMasks.class, name = "masks"),
    @JsonSubTypes.Type(value = PhaseItem.OpenSession.class, name = "open-session")
})
public sealed interface PhaseItem permits Statement, PhaseItem.Sleep, PhaseItem.SetMasks, PhaseItem.OpenSession {

    /** Where the entry is written. */
    SourceRef source();

    /** Hands this entry to the visitor's method for its record, so a new kind that a visitor misses fails compilation. */
    <R> R accept(Visitor<R> v);

    interface Visitor<R> {
        R statement(Statement s);

        R sleep(Sleep s);

        R setMasks(SetMasks m);

        R openSession(OpenSession o);
    }

    /** {@code sleep: 2s}: waits, when its guards hold. */
    record Sleep(Duration duration, List<Guard> when, SourceRef source) implements PhaseItem {
        public Sleep {
            when = when == null ? List.of() : when; // not copied: a replayed plan's null entries are reported by ReplayedChecks
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.sleep(this);
        }
    }

    /** {@code masks: […]}: the phase-level masks from here to the end of the phase; empty clears them. */
    record SetMasks(List<Mask> masks, SourceRef source) implements PhaseItem {
        public SetMasks {
            masks = masks == null ? List.of() : masks;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.setMasks(this);
        }
    }

    /**
     * {@code open-session: NAME}: a further concurrent session on the phase's service, used by statements with
     * {@code session: NAME} until the end of the phase.
     *
     * @param asSystem it logs in as the privileged user ({@code as: system})
     * @param as       the role it logs in as; null = the phase's user (or the privileged one)
     */
    record OpenSession(String name, boolean asSystem, Login as, SourceRef source) implements PhaseItem {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.openSession(this);
        }
    }
}
