package dev.harness.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class XmlTextTest {
    @Test
    void showsCharactersXmlForbidsAsVisibleEscapes() {
        assertEquals("a\\x00b\\x1bc\\ufffe\\udc00d\\x01\\uffff\\ud800", XmlText.legal("a\u0000b\u001bc\uFFFE\uDC00d\u0001\uFFFF\uD800"));
    }

    @Test
    void showsC1ControlsAndBidiOverridesAsVisibleEscapes() {
        assertEquals("x\\u009by\\u202ez\\u2066", XmlText.legal("x\u009by\u202ez\u2066"));
    }

    @Test
    void keepsLegalTextIncludingSupplementaryCharacters() {
        String s = "tab\tnl\n 😀 é";
        assertSame(s, XmlText.legal(s));
        assertEquals("cr\\r overwrites, parsers drop it", XmlText.legal("cr\r overwrites, parsers drop it"));
    }

    @Test
    void attributeEscapesWhitespaceAsCharacterReferences() {
        assertEquals("a&#10;b&#9;c\\r&lt;&amp;&quot;&gt;", XmlText.attribute("a\nb\tc\r<&\">"));
    }
}
