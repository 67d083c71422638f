package dev.harness.load;

/** The three kinds of YAML document the harness reads, each with its JSON Schema. */
public enum DocumentKind {
    CHECK("check"),
    SCENARIO("scenario"),
    CONFIG("config");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Classpath resource of the schema: the top-level schema/ folder, packaged into the jar. */
    public String schemaResource() {
        return "schema/" + label + ".schema.json";
    }
}
