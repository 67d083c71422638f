package dev.harness.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import org.junit.jupiter.api.Test;

class RunIdTest {
    @Test
    void eachRunOfTheSameNameGetsItsOwnIdThatReadsAsTheName() {
        String a = RunId.next("upgrade_entire-42").value();
        String b = RunId.next("upgrade_entire-42").value();
        assertNotEquals(a, b);
        assertTrue(a.matches("upgrade_entire-42-[a-z0-9]{8}"), a);
    }

    @Test
    void anyNameBecomesAValidName() {
        for (String name : new String[] {"../../etc", ".hidden", "a b'c\"$(x)", "x".repeat(300), "", null, "-7"}) {
            String id = RunId.next(name).value();
            assertTrue(Names.ENTITY.matcher(id).matches(), name + " -> " + id);
        }
        assertEquals("run-", RunId.next(null).value().substring(0, 4));
    }

    @Test
    void anIdThatIsNoValidNameIsRefused() {
        assertThrows(HarnessException.InvalidInput.class, () -> new RunId("../x"));
    }
}
