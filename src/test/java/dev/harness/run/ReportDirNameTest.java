package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder is built from the scenario name, which is data: it never leaves --out. */
class ReportDirNameTest {
    private static final RunSession SESSION = new RunSession(null, logs -> null, null, List.of(), ExecutorOptions.defaults(), p -> "");

    private static Plan named(String scenario) {
        Plan p = new PlanBuilder().start("db").allPhases().build();
        return new Plan(scenario, p.description(), p.scenarioFile(), p.system(), p.runtime(), p.seed(), p.base(), p.versions(),
                p.current(), p.checks(), p.actions(), p.settings());
    }

    @TempDir
    Path out;

    @Test
    void aValidNameIsAFolderInsideOut() {
        Path dir = SESSION.reportDir(out, named("zero_downtime"));
        assertEquals(out, dir.getParent());
        assertTrue(dir.getFileName().toString().startsWith("zero_downtime-"), dir.toString());
    }

    @Test
    void aNameThatIsAPathIsRefused() {
        for (String name : List.of("../x", "../../tmp/y", "/tmp/x", "a/b", "..", ".hidden")) {
            HarnessException.InvalidInput e = assertThrows(HarnessException.InvalidInput.class,
                    () -> SESSION.reportDir(out, named(name)), name);
            assertTrue(e.getMessage().startsWith("scenario: '"), e.getMessage());
        }
    }
}
