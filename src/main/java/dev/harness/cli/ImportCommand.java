package dev.harness.cli;

import dev.harness.convert.testdrive.TestdriveImport;
import dev.harness.convert.testdrive.TestdriveSets;
import dev.harness.model.ExitCode;
import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.model.Printable;
import dev.harness.model.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harness import testdrive}: testdrive fragments -> a YAML check. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Convert tests of other tools into checks.",
        subcommands = ImportCommand.Testdrive.class)
final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing tool: testdrive");
    }

    @Command(name = "testdrive", mixinStandardHelpOptions = true,
            description = {
                "Convert testdrive files (one per phase, any subset) into one YAML check. Commands without a harness form are kept"
                        + " as '# TODO' comments and listed on stderr as 'FILE:LINE: not translated: reason'.",
                "Exit 0: everything translated; 1: some commands not translated (the check still loads); 2: a testdrive syntax error"
                        + " (FILE:LINE:COLUMN) or bad options."
            })
    static final class Testdrive implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", paramLabel = "N", description = "the check's name (default: the output file's name, else the first input file's)")
        String name;

        @Option(names = "--initialize", paramLabel = "F", description = "the initialize fragment")
        Path initialize;

        @Option(names = "--manipulate", paramLabel = "F", arity = "2", description = "the two manipulate fragments, 1 then 2")
        List<Path> manipulate;

        @Option(names = "--validate", paramLabel = "F", description = "the validate fragment")
        Path validate;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "the YAML file to write (default: stdout); with --sets, the folder")
        Path output;

        @Option(names = "--sets", paramLabel = "DIR", description = "import every sub-folder of DIR holding initialize.td, manipulate-1.td,"
                + " manipulate-2.td or validate.td as one check named after it, into the folder -o")
        Path sets;

        @Override
        public Integer call() throws IOException {
            if (sets != null) return importSets();
            if (initialize == null && manipulate == null && validate == null) {
                throw new HarnessException.InvalidInput("give at least one of --initialize, --manipulate, --validate (or --sets)");
            }
            TestdriveImport.Phases phases = new TestdriveImport.Phases(read(initialize), manipulate == null ? null : read(manipulate.get(0)),
                    manipulate == null ? null : read(manipulate.get(1)), read(validate));
            TestdriveImport.Result r = TestdriveImport.convert(checkName(), phases, TestdriveImport.schemaRef(output));
            if (output == null) {
                spec.commandLine().getOut().print(r.yaml());
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(output, r.yaml(), StandardCharsets.UTF_8);
            }
            listUntranslated(r);
            return r.exitCode();
        }

        private Integer importSets() throws IOException {
            if (output == null) throw new HarnessException.InvalidInput("--sets needs -o, the folder to write the checks into");
            Files.createDirectories(output);
            int exit = ExitCode.OK;
            PrintWriter err = spec.commandLine().getErr();
            for (TestdriveSets.Outcome o : TestdriveSets.importAll(TestdriveSets.under(sets), n -> TestdriveImport.schemaRef(output.resolve(n + ".yaml")))) {
                if (o.result() == null) {
                    for (Problem p : o.problems()) err.println(Printable.line(p.toString()));
                    exit = ExitCode.INVALID_INPUT;
                    continue;
                }
                Files.writeString(Names.inside(output, o.name() + ".yaml"), o.result().yaml(), StandardCharsets.UTF_8);
                listUntranslated(o.result());
                exit = Math.max(exit, o.result().exitCode());
            }
            err.flush();
            return exit;
        }

        private void listUntranslated(TestdriveImport.Result r) {
            PrintWriter err = spec.commandLine().getErr();
            for (String line : r.untranslated()) err.println(Printable.line(line));
            err.flush();
        }

        private static TestdriveImport.Fragment read(Path p) {
            return p == null ? null : TestdriveImport.Fragment.read(p);
        }

        private String checkName() {
            if (name != null) return name;
            for (Path p : new Path[] {output, initialize, manipulate == null ? null : manipulate.get(0), validate}) {
                if (p != null && p.getFileName() != null) {
                    String f = p.getFileName().toString();
                    return f.contains(".") ? f.substring(0, f.lastIndexOf('.')) : f;
                }
            }
            throw new HarnessException.InvalidInput("--name: missing");
        }
    }
}
