package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A start names its command first: only that command is built; help, a typo or no command get them all. */
class SubcommandsBuiltTest {
    private static final List<String> ALL = List.of("run", "merge", "plan", "validate", "list", "schema", "import", "help");

    private static List<String> built(String first) {
        return List.copyOf(Main.commandLine(Map.of(), first).getSubcommands().keySet());
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        assertEquals(List.of("validate"), built("validate"));
        assertEquals(List.of("import"), built("import"));
        assertEquals(List.of("testdrive"), List.copyOf(Main.commandLine(Map.of(), "import").getSubcommands().get("import").getSubcommands().keySet()));
    }

    @Test
    void helpATypoOrNoCommandBuildAll() {
        assertEquals(ALL, built("help"));
        assertEquals(ALL, built("impor"));
        assertEquals(ALL, built("--version"));
        assertEquals(ALL, built(null));
        assertEquals(ALL, List.copyOf(Main.commandLine().getSubcommands().keySet()));
    }

    @Test
    void helpStillExplainsAnotherCommandAndATypoIsStillSuggested() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine help = Main.commandLine(Map.of(), "help").setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        assertEquals(0, help.execute("help", "import"));
        assertEquals(true, out.toString().startsWith("Usage: harness import"), out::toString);
        CommandLine typo = Main.commandLine(Map.of(), "impor").setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        assertEquals(2, typo.execute("impor"));
        assertEquals(true, err.toString().contains("Did you mean: harness import?"), err::toString);
    }
}
