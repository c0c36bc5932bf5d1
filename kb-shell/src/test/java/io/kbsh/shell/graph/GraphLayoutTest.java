package io.kbsh.shell.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.env.Environment;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.graph.LaidOutGraph.Box;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
