package dev.harness.report.junit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a tool that merges junit.xml files and pretty-prints the result does to them, after Python's
 * {@code minidom.toprettyxml} (used by merge scripts): an element whose only child is one text node stays on one
 * line; every other child (elements, and CDATA sections too) goes on its own indented line — whitespace that a
 * parser then reads as part of the text.
 */
final class ReindentingMerger {
    private ReindentingMerger() {}

    static String reindent(String xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" ?>\n");
        write(doc.getDocumentElement(), "", out);
        return out.toString();
    }

    private static void write(Node node, String indent, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> element((Element) node, indent, out);
            case Node.CDATA_SECTION_NODE -> out.append(indent).append("<![CDATA[").append(node.getNodeValue()).append("]]>\n");
            case Node.TEXT_NODE -> {
                if (!node.getNodeValue().isBlank()) out.append(indent).append(escape(node.getNodeValue())).append('\n');
            }
            default -> { }
        }
    }

    private static void element(Element e, String indent, StringBuilder out) {
        out.append(indent).append('<').append(e.getTagName());
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            out.append(' ').append(a.getNodeName()).append("=\"").append(escape(a.getNodeValue()).replace("\"", "&quot;")).append('"');
        }
        Node first = e.getFirstChild();
        if (first == null) {
            out.append("/>\n");
        } else if (first.getNextSibling() == null && first.getNodeType() == Node.TEXT_NODE) {
            out.append('>').append(escape(first.getNodeValue())).append("</").append(e.getTagName()).append(">\n");
        } else {
            out.append(">\n");
            for (Node c = first; c != null; c = c.getNextSibling()) write(c, indent + "  ", out);
            out.append(indent).append("</").append(e.getTagName()).append(">\n");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "&#10;").replace("\t", "&#9;");
    }
}
