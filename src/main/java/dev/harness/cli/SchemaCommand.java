package dev.harness.cli;

import dev.harness.load.DocumentKind;
import dev.harness.load.SchemaValidator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness schema [check|scenario|config]}: print a JSON Schema, e.g. for an editor's YAML plugin. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Print the JSON Schema (draft-07) of check, scenario or config files.")
final class SchemaCommand implements Callable<Integer> {
    enum Kind { check, scenario, config }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "KIND", defaultValue = "check", description = "check (default), scenario or config.")
    Kind kind;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(SchemaValidator.schemaText(DocumentKind.valueOf(kind.name().toUpperCase(java.util.Locale.ROOT))));
        out.flush();
        return 0;
    }
}
