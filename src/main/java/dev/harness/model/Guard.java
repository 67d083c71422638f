package dev.harness.model;

/**
 * A {@code when:} guard such as {@code current >= v0.135.0}: {@code subject} is {@code current}
 * (the version of the server the statement talks to) or {@code base} (the scenario's base version).
 * A null {@code version} compares the subject with the other one ({@code current == base}).
 */
public record Guard(Subject subject, Op op, Version version, String text) {
    public enum Subject { CURRENT, BASE }

    public enum Op {
        LT("<"), LE("<="), EQ("=="), NE("!="), GE(">="), GT(">");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean test(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GE -> comparison >= 0;
                case GT -> comparison > 0;
            };
        }
    }

    /**
     * Compared as testdrive compares {@code mz_version_num()}: the pre-release is ignored on both sides, so a
     * {@code v26.16.0-dev} server satisfies {@code >= v26.16.0-dev} and {@code >= v26.16.0} but not {@code < v26.16.0}.
     */
    public boolean holds(Version current, Version base) {
        Version actual = subject == Subject.CURRENT ? current : base;
        Version bound = version != null ? version : subject == Subject.CURRENT ? base : current;
        return op.test(actual.compareRelease(bound));
    }

    /** True when every guard holds (an empty list always does). */
    public static boolean allHold(java.util.List<Guard> guards, Version current, Version base) {
        return guards.stream().allMatch(g -> g.holds(current, base));
    }
}
