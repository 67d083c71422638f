package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Guard;
import dev.harness.model.HarnessException;
import dev.harness.model.Login;
import dev.harness.model.Mask;
import dev.harness.model.Phase;
import dev.harness.model.PhaseItem;
import dev.harness.model.Problem;
import dev.harness.model.Statement;
import dev.harness.model.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check language's testdrive constructs (issue 11) as the loader maps them, and misuse it rejects at its position. */
class CheckLanguageLoadingTest {
    private static final String DIR = "src/test/resources/load/language/";

    private static List<Problem> problems(String file) {
        return assertThrows(HarnessException.InvalidInput.class, () -> Loader.loadCheck(Path.of(DIR + file))).problems();
    }

    @Test
    void everyConstructMapsToItsModel() {
        Check c = Loader.loadCheck(Path.of(DIR + "all_constructs.yaml"));
        assertEquals(Map.of("table", "all_constructs_t", "limit", "10"), c.vars());
        assertEquals(List.of("u[0-9]+"), c.masks().stream().map(Mask::regex).toList());
        assertEquals(Duration.ofSeconds(45), c.retry());

        List<Statement> init = c.statements(Phase.INITIALIZE);
        assertEquals(Duration.ofSeconds(5), init.get(1).retry());
        assertEquals("time0", init.get(2).capture());

        List<PhaseItem> m1 = c.items(Phase.MANIPULATE_1);
        PhaseItem.Sleep sleep = (PhaseItem.Sleep) m1.get(0);
        assertEquals(Duration.ofSeconds(2), sleep.duration());
        assertEquals(new Guard(Guard.Subject.CURRENT, Guard.Op.NE, null, "current != base"), sleep.when().get(0));
        PhaseItem.OpenSession open = (PhaseItem.OpenSession) m1.get(1);
        assertEquals(new Login("alice", "secret", Login.Listener.PASSWORD), open.as());
        assertEquals("reader", ((Statement) m1.get(2)).session());
        assertEquals("N ms", ((PhaseItem.SetMasks) m1.get(3)).masks().get(0).replace());
        Statement asBob = (Statement) m1.get(4);
        assertEquals(new Login("bob", null, Login.Listener.SQL), asBob.as());
        assertTrue(!asBob.asSystem());

        List<PhaseItem> m2 = c.items(Phase.MANIPULATE_2);
        assertEquals(List.of(), ((PhaseItem.SetMasks) m2.get(0)).masks());
        assertEquals(new Expectation.Fails(new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.EXACT, "division by zero")),
                ((Statement) m2.get(1)).expect());

        List<Guard> range = c.statements(Phase.VALIDATE).get(0).when();
        assertEquals(2, range.size());
        assertNull(c.statements(Phase.VALIDATE).get(0).capture());
        assertEquals(new Version("v27.0.0"), range.get(1).version());
    }

    @Test
    void guardComparingCurrentWithBaseHoldsByTheirVersions() {
        Guard same = Guards.parse("current == base");
        assertTrue(same.holds(new Version("1.2"), new Version("1.2")));
        assertTrue(!same.holds(new Version("1.3"), new Version("1.2")));
        assertTrue(Guards.parse("base < current").holds(new Version("1.3"), new Version("1.2")));
        assertThrows(IllegalArgumentException.class, () -> Guards.parse("current == current"));
    }

    @Test
    void aSessionUsedBeforeItsOpenSessionIsRefusedAtTheStatement() {
        List<Problem> ps = problems("session_before_open.yaml");
        assertEquals(1, ps.size(), ps::toString);
        assertEquals(DIR + "session_before_open.yaml:4:14", ps.get(0).where().toString());
        assertTrue(ps.get(0).message().contains("session 'other' is used before it is opened"), ps.get(0).message());
    }

    @Test
    void aMaskWhoseRegexDoesNotCompileIsRefusedAtTheRegex() {
        List<Problem> ps = problems("bad_mask.yaml");
        assertEquals(List.of(DIR + "bad_mask.yaml:3:13", DIR + "bad_mask.yaml:7:23"), ps.stream().map(p -> p.where().toString()).toList());
        assertTrue(ps.stream().allMatch(p -> p.message().startsWith("'regex' is not a valid regular expression")), ps::toString);
    }

    @Test
    void keysThatDoNotGoTogetherAreNamed() {
        List<String> messages = problems("directive_keys.yaml").stream().map(p -> p.where().line() + ": " + p.message()).toList();
        assertEquals(List.of(
                "4: 'retry' does not go with 'sleep'",
                "7: 'rows' and 'capture' exclude each other: a capture binds the one value the query returns",
                "9: 'capture' belongs to a 'query': write 'query:' instead of 'sql:'",
                "11: session 's' is used before it is opened: write '- open-session: s' earlier in this phase",
                "12: 'as' and 'session' exclude each other: the session has its own login"), messages);
    }
}
