package io.kbsh.shell.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.env.Environment;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.shell.graph.GraphPicture.Shape;
import io.kbsh.shell.graph.GraphPicture.Text;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A report's picture: its geometry is the environment's alone (so it can be laid out while the checks run),
 * and each shape that can carry a finding says its state in words on the line the layout kept for it.
 */
class ReportPictureTest {

    private static final ObjectRef NWMAIL1 = ObjectRef.server("NWMAIL1");

    private static Shape shape(GraphPicture picture, String id) {
        return picture.shapes().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Text status(Shape shape) {
        Text last = shape.text().get(shape.text().size() - 1);
        assertEquals("status", last.css(), shape.id() + " ends with its status line: " + shape.text());
        return last;
    }

    @Test
    void findingsChangeTheWordsAndColoursButNotTheGeometry() throws Exception {
        Environment env = GraphLayoutTest.example("site-q254909-q187225.json");
        LaidOutGraph laid = GraphLayout.layoutForReport(SiteGraphBuilder.build(env));
        GraphPicture clean = GraphPicture.of(laid, GraphPicture.unmarked());
        GraphPicture marked =
                GraphPicture.of(laid, GraphPicture.marks(Map.of(NWMAIL1, new Mark(Mark.State.ERROR, 2, 1))));

        assertEquals(clean.width(), marked.width());
        assertEquals(clean.height(), marked.height());
        assertEquals(
                clean.shapes().stream().map(Shape::outline).toList(),
                marked.shapes().stream().map(Shape::outline).toList());
        assertEquals(
                clean.lines().stream().map(GraphPicture.Line::points).toList(),
                marked.lines().stream().map(GraphPicture.Line::points).toList());

        assertEquals("no findings", status(shape(clean, "server:NWMAIL1")).text());
        Text error = status(shape(marked, "server:NWMAIL1"));
        assertEquals("\u2716 error: 2 open, 1 waived", error.text());
        assertEquals("state-error", shape(marked, "server:NWMAIL1").state());
        assertEquals("no findings", status(shape(marked, "server:PLANTMAIL")).text());
    }

    @Test
    void theStatusLineHasItsOwnRoomAndALongerOneIsCondensedToTheShape() throws Exception {
        Environment env = GraphLayoutTest.example("site-q254909-q187225.json");
        SiteGraph graph = SiteGraphBuilder.build(env);
        LaidOutGraph plain = GraphLayout.layout(graph);
        LaidOutGraph report = GraphLayout.layoutForReport(graph);
        for (int i = 0; i < graph.nodes().size(); i++) {
            SiteGraph.Node node = graph.nodes().get(i);
            if (node.kind() != SiteGraph.Kind.SITE) {
                double extra =
                        report.boxes().get(i).height() - plain.boxes().get(i).height();
                assertEquals(GraphLayout.hasStatusLine(node) ? GraphLayout.LINE_HEIGHT : 0, extra, 0.01, node.id());
            }
        }
        Shape fits = shape(
                GraphPicture.of(report, GraphPicture.marks(Map.of(NWMAIL1, new Mark(Mark.State.CRITICAL, 9, 0)))),
                "server:NWMAIL1");
        assertEquals("", status(fits).fit(), "the kept room holds a critical mark with its count");
        Shape squeezed = shape(
                GraphPicture.of(report, GraphPicture.marks(Map.of(NWMAIL1, new Mark(Mark.State.CRITICAL, 12, 34)))),
                "server:NWMAIL1");
        Text longer = status(squeezed);
        assertNotEquals("", longer.fit());
        LaidOutGraph.Box box = report.boxes().stream()
                .filter(b -> b.node().id().equals("server:NWMAIL1"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                Double.parseDouble(longer.x()) + Double.parseDouble(longer.fit()) <= box.x() + box.width(),
                "condensed into the shape: " + longer + " in " + box);
    }

    @Test
    void aLayoutStartedAheadIsHandedOutOnceAndOnlyForItsOwnGraph() throws Exception {
        Environment env = GraphLayoutTest.example("site-q254909-q187225.json");
        Environment other = GraphLayoutTest.example("site-healthy.json");
        SiteGraph graph = SiteGraphBuilder.build(env);

        LayoutAhead.start(env);
        LaidOutGraph ahead = LayoutAhead.taken(graph).orElseThrow();
        assertEquals(graph, ahead.graph());
        assertTrue(ahead.statusLines(), "laid out as a report draws it");
        assertEquals(GraphLayout.layoutForReport(graph), ahead, "the same layout as one made on the spot");
        assertTrue(LayoutAhead.taken(graph).isEmpty(), "given up once handed out");

        LayoutAhead.start(other);
        assertTrue(LayoutAhead.taken(graph).isEmpty(), "another site's layout is not this one's");
        assertTrue(LayoutAhead.taken(SiteGraphBuilder.build(other)).isEmpty(), "and is given up all the same");

        LayoutAhead.start(env);
        SiteGraph probed = graph.withEdges(List.of(new SiteGraph.Edge(
                "probe:x",
                SiteGraphBuilder.INTERNET,
                "server:NWMAIL1",
                SiteGraph.EdgeKind.REACH,
                "probe: 25 refused",
                List.of())));
        LaidOutGraph drawn = LayoutAhead.layoutForReport(probed);
        assertEquals(probed, drawn.graph(), "a graph with probe edges is laid out on its own");
    }
}
