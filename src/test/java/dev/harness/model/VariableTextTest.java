package dev.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ${name}} syntax of check text: testdrive's variables, with {@code $${} as the literal. */
class VariableTextTest {
    @Test
    void referencesAreFoundInOrderWithTheirOffsets() {
        assertEquals(List.of(new VariableText.Ref("a", 7), new VariableText.Ref("upstream.url", 14)),
                VariableText.refs("SELECT ${a}, '${upstream.url}'"));
    }

    @Test
    void aDoubledDollarIsALiteralAndNotAReference() {
        assertEquals(List.of(), VariableText.refs("SELECT '$${a}'"));
        assertEquals("SELECT '${a}'", VariableText.substitute("SELECT '$${a}'", n -> "x"));
    }

    @Test
    void anUnclosedBraceIsText() {
        assertEquals(List.of(), VariableText.refs("SELECT '${a'"));
        assertEquals("SELECT '${a'", VariableText.substitute("SELECT '${a'", n -> "x"));
    }

    @Test
    void valuesAreInsertedAsTheyAreWithoutASecondRound() {
        // testdrive: a variable's value is text; a ${…} inside it is not looked up again
        Map<String, String> v = Map.of("a", "${b}", "b", "never", "d", "$1\\");
        assertEquals("x ${b} $1\\ y", VariableText.substitute("x ${a} ${d} y", v::get));
    }

    @Test
    void anUndefinedNameIsNeverLeftAsWritten() {
        VariableText.Undefined e = assertThrows(VariableText.Undefined.class, () -> VariableText.substitute("SELECT ${nope}", n -> null));
        assertEquals("nope", e.name());
    }

    @Test
    void malformedNamesAreReferencesThatAreNotWellFormed() {
        assertFalse(VariableText.refs("${a b}").get(0).wellFormed());
        assertFalse(VariableText.refs("${1a}").get(0).wellFormed());
        assertTrue(VariableText.refs("${_a-1}").get(0).wellFormed());
        assertTrue(VariableText.refs("${db.port}").get(0).wellFormed());
    }

    @Test
    void runLevelNamesAreNamesAndNotBuiltIns() {
        assertNull(VariableText.runNameProblem("table_1"));
        assertTrue(VariableText.runNameProblem("seed").contains("built-in"), VariableText.runNameProblem("seed"));
        assertTrue(VariableText.runNameProblem("a.b").contains("not a variable name"));
        assertTrue(VariableText.runNameProblem("").contains("not a variable name"));
    }
}
