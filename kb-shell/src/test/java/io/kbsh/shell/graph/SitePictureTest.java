package io.kbsh.shell.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.env.Environment;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.graph.SitePicture.Format;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code env graph}'s three formats, read back by real parsers where there is one (XML for SVG). */
class SitePictureTest {

    private static Document xml(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> ids(Document doc, String cssClass) {
        List<String> ids = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ((" " + g.getAttribute("class") + " ").contains(" " + cssClass + " ")) {
                ids.add(g.getAttribute("data-id"));
            }
        }
        return ids;
    }

    private static Element group(Document doc, String id) {
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("data-id").equals(id)) {
                return g;
            }
        }
        throw new AssertionError("no group " + id);
    }

    @Test
    void theSvgDrawsEveryObjectOfTheSiteAsWellFormedXml() throws Exception {
        Environment env = GraphLayoutTest.example("site-q254909-q187225.json");
        String svg = SitePicture.render(env, Format.SVG);
        Document doc = xml(svg);

        assertEquals("svg", doc.getDocumentElement().getLocalName());
        List<String> shapes = ids(doc, "shape");
        assertTrue(
                shapes.containsAll(List.of(
                        "site:hq",
                        "site:plant",
                        "server:NWMAIL1",
                        "server:PLANTMAIL",
                        "proxy:wsp",
                        "internet",
                        "domain:partner.example",
                        "mx:mail.partner.example")),
                shapes.toString());
        assertTrue(
                ids(doc, "edge").contains("connector:x400-hq-plant#0"),
                ids(doc, "edge").toString());
        Element x400 = group(doc, "connector:x400-hq-plant#0");
        assertEquals(
                "X.400/TCP/IP",
                x400.getElementsByTagName("text").item(0).getTextContent(),
                "the line says the connector's type and transport");
        assertEquals(
                "connector x400-hq-plant (X.400/TCP/IP)",
                x400.getElementsByTagName("title").item(0).getTextContent(),
                "its tooltip names the connector");
        assertTrue(
                SitePicture.render(env, Format.DOT).contains("label=\"connector x400-hq-plant (X.400/TCP/IP)\""),
                "DOT, which Graphviz lays out, keeps the connector's id on its line");
        assertTrue(svg.contains("Exchange 5.5 SP3"), "a server's version and pack are drawn");
        assertFalse(svg.contains("state-error"), "no findings, no marks");
        assertEquals(svg, SitePicture.render(env, Format.SVG), "the same site gives the same picture");
    }

    @Test
    void namesFromTheEnvironmentStayTextInEveryFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evil.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "organisation": "</title><script>alert(1)</script>",
                 "sites": [{"id": "s", "name": "a\\"b|c#d"}],
                 "servers": [{"id": "<script>alert(\\"x\\")</script>", "site": "s", "exchange": "5.5"}]}
                """);
        Environment env = EnvironmentReader.read(file);

        String svg = SitePicture.render(env, Format.SVG);
        Document doc = xml(svg);
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertTrue(svg.contains("&lt;script&gt;"), svg);
        assertTrue(ids(doc, "shape").contains("server:<script>alert(\"x\")</script>"));

        String dot = SitePicture.render(env, Format.DOT);
        assertTrue(dot.contains("\"<script>alert(\\\"x\\\")</script>\\nExchange 5.5\""), dot);
        String mermaid = SitePicture.render(env, Format.MERMAID);
        assertFalse(mermaid.contains("<script>"), mermaid);
        assertTrue(mermaid.contains("#lt;script#gt;alert(#quot;x#quot;)"), mermaid);
        assertTrue(mermaid.contains("a#quot;b#124;c#35;d"), mermaid);
    }

    @Test
    void dotAndMermaidKeepSitesAndEdgeKinds() throws Exception {
        Environment env = GraphLayoutTest.example("site-q178532-ssl.json");
        String dot = SitePicture.render(env, Format.DOT);
        assertTrue(dot.startsWith("digraph site {"), dot);
        assertTrue(dot.contains("subgraph cluster_"), dot);
        assertTrue(dot.contains("shape=hexagon"), "a proxy is a hexagon: " + dot);
        assertTrue(dot.contains("label=\"publishes POP3 over SSL (port 995)\""), dot);
        String mermaid = SitePicture.render(env, Format.MERMAID);
        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains(" -.->|\"WinSock Proxy client\"| "), mermaid);
        assertTrue(mermaid.contains("subgraph "), mermaid);
    }
}
