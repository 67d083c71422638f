package dev.harness.model;

/**
 * One expected value in a {@code rows} table, with the YAML type it was written as and its source text.
 * Comparison rules (numbers numerically, booleans against t/true/f/false, strings exactly, null = SQL NULL)
 * depend on the type, so it is kept.
 */
public record Cell(Type type, String text) {
    public enum Type { NULL, BOOLEAN, NUMBER, STRING }

    public static Cell nul() {
        return new Cell(Type.NULL, null);
    }

    public static Cell string(String s) {
        return new Cell(Type.STRING, s);
    }

    public static Cell number(String s) {
        return new Cell(Type.NUMBER, s);
    }

    public static Cell bool(boolean b) {
        return new Cell(Type.BOOLEAN, Boolean.toString(b));
    }

    @Override
    public String toString() {
        return type == Type.NULL ? "null" : text;
    }
}
