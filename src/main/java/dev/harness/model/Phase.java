package dev.harness.model;

/** The lifecycle phases of a check. */
public enum Phase {
    INITIALIZE("initialize"),
    MANIPULATE_1("manipulate 1"),
    MANIPULATE_2("manipulate 2"),
    VALIDATE("validate");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Phase manipulate(int n) {
        return switch (n) {
            case 1 -> MANIPULATE_1;
            case 2 -> MANIPULATE_2;
            default -> throw new IllegalArgumentException("manipulate phase must be 1 or 2, not " + n);
        };
    }
}
