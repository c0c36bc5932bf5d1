package io.kbsh.shell.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.env.Environment;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.graph.LaidOutGraph.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphLayoutTest {

    static Environment example(String name) throws Exception {
        return EnvironmentReader.read(Path.of("..", "examples", name));
    }

    @Test
    void placesEveryNodeWithoutOverlapAndRoutesEveryEdge() throws Exception {
        for (String site : new String[] {"site-q254909-q187225.json", "site-q178532-ssl.json", "site-healthy.json"}) {
            SiteGraph graph = SiteGraphBuilder.build(example(site));
            LaidOutGraph laid = GraphLayout.layout(graph);
            assertEquals(graph.nodes().size(), laid.boxes().size());
            assertEquals(graph.edges().size(), laid.routes().size(), site);
            for (Box a : laid.boxes()) {
                assertTrue(
                        a.x() >= 0
                                && a.y() >= 0
                                && a.x() + a.width() <= laid.width() + 0.5
                                && a.y() + a.height() <= laid.height() + 0.5,
                        site + ": " + a);
                for (Box b : laid.boxes()) {
                    boolean nested = a.node().id().equals(b.node().parent().orElse(""))
                            || b.node().id().equals(a.node().parent().orElse(""));
                    if (a != b && !nested) {
                        boolean apart = a.x() + a.width() <= b.x()
                                || b.x() + b.width() <= a.x()
                                || a.y() + a.height() <= b.y()
                                || b.y() + b.height() <= a.y();
                        assertTrue(
                                apart,
                                site + ": " + a.node().id() + " overlaps "
                                        + b.node().id());
                    }
                }
            }
            for (LaidOutGraph.Route r : laid.routes()) {
                assertTrue(r.points().size() >= 2, r.edge().id());
            }
            System.out.println(site + ": " + graph.nodes().size() + " nodes " + laid.width() + "x" + laid.height());
            graph.edges().forEach(e -> System.out.println("  " + e.from() + " -> " + e.to() + " " + e.label()));
        }
    }

    /**
     * A site of {@code sites} sites of {@code perSite} servers each, every server but the first with an X.400
     * connector to the one before it (a chain, as bench/report/SiteGenerator.java makes them) and the first
     * with an Internet Mail Service: the shape of site whose connector labels once set the picture's width.
     */
    static Environment connectorChains(Path dir, int sites, int perSite) throws Exception {
        List<String> siteList = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        List<String> connectors = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            siteList.add("{\"id\": \"site%d\", \"name\": \"Site %d\"}".formatted(s, s));
            for (int i = 0; i < perSite; i++) {
                servers.add(
                        "{\"id\": \"EX%d-%d\", \"site\": \"site%d\", \"exchange\": \"5.5 SP3\"}".formatted(s, i, s));
                connectors.add(
                        i == 0
                                ? "{\"id\": \"ims-%d\", \"type\": \"internet-mail\", \"server\": \"EX%d-0\"}"
                                        .formatted(s, s)
                                : ("{\"id\": \"x400-EX%d-%d-to-EX%d-%d\", \"type\": \"x400\", \"server\": \"EX%d-%d\","
                                                + " \"transport\": \"tcpip\", \"remoteMta\": \"EX%d-%d\"}")
                                        .formatted(s, i, s, i - 1, s, i, s, i - 1));
            }
        }
        Path file = dir.resolve("chains.json");
        Files.writeString(
                file,
                "{\"schemaVersion\": 1, \"organisation\": \"Chains\", \"sites\": [" + String.join(",", siteList)
                        + "], \"servers\": [" + String.join(",", servers) + "], \"connectors\": ["
                        + String.join(",", connectors) + "]}");
        return EnvironmentReader.read(file);
    }

    @Test
    void connectorLabelsWidenTheReportPictureByAtMostAHalf(@TempDir Path dir) throws Exception {
        SiteGraph graph = SiteGraphBuilder.build(connectorChains(dir, 3, 12));
        SiteGraph bare = new SiteGraph(
                graph.title(),
                graph.nodes(),
                graph.edges().stream().map(SiteGraph.Edge::unlabelled).toList());
        assertTrue(
                graph.edges().stream()
                                .filter(e -> e.kind() == SiteGraph.EdgeKind.CONNECTOR
                                        && !e.label().isEmpty())
                                .count()
                        >= 33,
                "every connector's first hop is labelled");

        double labelled = GraphLayout.layoutForReport(graph).width();
        double unlabelled = GraphLayout.layoutForReport(bare).width();
        assertTrue(labelled <= 1.5 * unlabelled, labelled + " px with labels, " + unlabelled + " px without");
    }

    @Test
    void aConnectorsLineSaysItsTypeAndItsTooltipItsId(@TempDir Path dir) throws Exception {
        SiteGraph graph = SiteGraphBuilder.build(connectorChains(dir, 1, 3));
        SiteGraph.Edge hop = graph.edges().stream()
                .filter(e -> e.id().equals("connector:x400-EX0-2-to-EX0-1#0"))
                .findFirst()
                .orElseThrow();
        assertEquals("X.400/TCP/IP", hop.label());
        assertEquals("connector x400-EX0-2-to-EX0-1 (X.400/TCP/IP)", hop.title());
        GraphPicture.Line line =
                GraphPicture.of(GraphLayout.layoutForReport(graph), GraphPicture.unmarked()).lines().stream()
                        .filter(l -> l.id().equals(hop.id()))
                        .findFirst()
                        .orElseThrow();
        assertEquals("X.400/TCP/IP", line.label());
        assertEquals("connector x400-EX0-2-to-EX0-1 (X.400/TCP/IP)", line.tooltip());
    }
}
