package dev.harness.model;

/** One problem found in an input file: printed as {@code file:line:column: message}. */
public record Problem(SourceRef where, String message) {
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
