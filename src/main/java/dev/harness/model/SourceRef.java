package dev.harness.model;

/** A position in a YAML file; line and column are 1-based. Printed as {@code file:line:column}. */
public record SourceRef(String file, int line, int column) {
    public static final SourceRef NONE = new SourceRef("<none>", 0, 0);

    public static SourceRef of(String file, int line, int column) {
        return new SourceRef(file, line, column);
    }

    /** {@code file:line}, the form used in plans and reports. */
    public String fileLine() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
