package dev.harness.report.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The merged junit.xml: one {@code <testsuite>} per scenario holding the testcases of all its shards. A suite
 * keeps every property its inputs carry (each distinct name and value once, so per-shard values such as
 * {@code command} appear once per shard) plus {@code shard} for an input that was a shard and did not say so.
 * Testcases are copied node by node (a check in two inputs is kept twice, the later one renamed), their text (CDATA included) untouched but for attachment paths, which
 * are pointed at the copies in the merged folder; the counts are recounted from the testcases.
 */
final class JUnitMerge {
    private final Document out;
    private final Element root;
    private final Map<String, Suite> suites = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    /** A merged suite and what it has so far. */
    private record Suite(Element element, Element properties, Set<List<String>> propertyValues, Set<String> caseKeys,
                         List<Element> trailing, double[] time) {}

    JUnitMerge() {
        try {
            out = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK cannot make an empty XML document", e);
        }
        root = out.createElement("testsuites");
        out.appendChild(root);
    }

    /** Adds an input's suites; {@code attachments} maps an attachment path to its copy in the merged folder. */
    void add(InputReport input, UnaryOperator<String> attachments) {
        Element inRoot = input.junit().getDocumentElement();
        if (root.getAttributes().getLength() == 0 && inRoot.getTagName().equals("testsuites")) copyAttributes(inRoot, root);
        List<Element> inSuites = inRoot.getTagName().equals("testsuite") ? List.of(inRoot) : children(inRoot, "testsuite");
        for (Element s : inSuites) addSuite(input, s, attachments);
    }

    /** "check x of scenario y is in more than one input": the later ones renamed. */
    List<String> duplicates() {
        return duplicates;
    }

    Document finish() {
        double total = 0;
        int[] sums = new int[4];
        root.appendChild(out.createTextNode("\n"));
        for (Suite s : suites.values()) {
            if (s.propertyValues().isEmpty()) s.element().removeChild(s.properties()); // junit-10.xsd: none or at least one
            for (Element t : s.trailing()) s.element().appendChild(t);
            int[] counts = counts(s.element());
            setCounts(s.element(), counts, s.time()[0]);
            for (int i = 0; i < 4; i++) sums[i] += counts[i];
            total += s.time()[0];
            s.element().appendChild(out.createTextNode("\n"));
            root.appendChild(s.element());
            root.appendChild(out.createTextNode("\n"));
        }
        setCounts(root, sums, total);
        if (!root.hasAttribute("name")) root.setAttribute("name", "harness");
        return out;
    }

    private void addSuite(InputReport input, Element in, UnaryOperator<String> attachments) {
        String name = in.getAttribute("name");
        Suite suite = suites.computeIfAbsent(name, n -> newSuite(in));
        List<Element> props = new ArrayList<>();
        for (Element list : children(in, "properties")) props.addAll(children(list, "property"));
        // The shard first: the properties that differ per shard follow their shard's.
        boolean saysShard = props.stream().anyMatch(p -> p.getAttribute("name").equals("shard"));
        if (!saysShard && input.shard() != null) addProperty(suite, "shard", input.shard());
        for (Element p : props) addProperty(suite, p.getAttribute("name"), p.getAttribute("value"));
        suite.time()[0] += seconds(in.getAttribute("time"));
        for (Element c : children(in, "testcase")) {
            String key = c.getAttribute("classname") + "\u0000" + c.getAttribute("name");
            Element copy = (Element) out.importNode(c, true);
            if (!suite.caseKeys().add(key)) {
                // Overlapping inputs (a shard given twice, a rerun): both results stay, a failure is never dropped.
                String renamed = c.getAttribute("name") + " [" + (input.shard() != null ? "shard " + input.shard() : input.dir().getFileName()) + "]";
                copy.setAttribute("name", renamed);
                duplicates.add("check " + c.getAttribute("name") + " of " + name + " is in more than one input; the one from "
                        + input.dir() + " is named '" + renamed + "'");
            }
            pointAttachments(copy, attachments);
            suite.element().appendChild(out.createTextNode("\n"));
            suite.element().appendChild(copy);
        }
        for (String tag : List.of("system-out", "system-err")) {
            for (Element e : children(in, tag)) suite.trailing().add((Element) out.importNode(e, true));
        }
    }

    private Suite newSuite(Element in) {
        Element e = out.createElement("testsuite");
        copyAttributes(in, e);
        Element props = out.createElement("properties");
        e.appendChild(out.createTextNode("\n"));
        e.appendChild(props);
        return new Suite(e, props, new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>(), new double[1]);
    }

    private void addProperty(Suite suite, String name, String value) {
        if (!suite.propertyValues().add(List.of(name, value))) return;
        Element p = out.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", value);
        suite.properties().appendChild(out.createTextNode("\n"));
        suite.properties().appendChild(p);
    }

    /** Rewrites {@code [[ATTACHMENT|path]]} in the testcase's system-out (text and CDATA alike). */
    private static void pointAttachments(Element testcase, UnaryOperator<String> attachments) {
        for (Element so : children(testcase, "system-out")) {
            for (Node n = so.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    n.setNodeValue(Attachments.rewrite(n.getNodeValue(), attachments));
                }
            }
        }
    }

    /** tests, failures, errors, skipped, from the testcases themselves. */
    private static int[] counts(Element suite) {
        int[] c = new int[4];
        for (Element t : children(suite, "testcase")) {
            c[0]++;
            if (!children(t, "failure").isEmpty()) c[1]++;
            else if (!children(t, "error").isEmpty()) c[2]++;
            else if (!children(t, "skipped").isEmpty()) c[3]++;
        }
        return c;
    }

    /** tests, failures and errors always (the schemas require them); skipped and time where the input wrote them. */
    private static void setCounts(Element e, int[] c, double seconds) {
        e.setAttribute("tests", Integer.toString(c[0]));
        e.setAttribute("failures", Integer.toString(c[1]));
        e.setAttribute("errors", Integer.toString(c[2]));
        if (e.hasAttribute("skipped")) e.setAttribute("skipped", Integer.toString(c[3]));
        if (e.hasAttribute("time")) e.setAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", seconds));
    }

    private static double seconds(String text) {
        try {
            return text.isEmpty() ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void copyAttributes(Element from, Element to) {
        NamedNodeMap attrs = from.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) to.setAttribute(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) out.add(e);
        }
        return out;
    }
}
