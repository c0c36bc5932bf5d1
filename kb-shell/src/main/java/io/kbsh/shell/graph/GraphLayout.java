package io.kbsh.shell.graph;

import io.kbsh.shell.graph.LaidOutGraph.Box;
import io.kbsh.shell.graph.LaidOutGraph.Point;
import io.kbsh.shell.graph.LaidOutGraph.Route;
import io.kbsh.shell.graph.SiteGraph.Edge;
import io.kbsh.shell.graph.SiteGraph.Kind;
import io.kbsh.shell.graph.SiteGraph.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.NodeLabelPlacement;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link SiteGraph} out with the Eclipse Layout Kernel's layered algorithm: left to right from the
 * site's servers through proxies and firewalls to the Internet, orthogonal edges, sites as boxes around
 * their servers. Sizes come from the text each shape holds (a fixed-width estimate: the picture uses a
 * monospace font so the estimate holds). Layout is deterministic: the same graph gives the same picture.
 *
 * <p>A report's picture ({@link #layoutForReport}) keeps one more line in every shape that stands for an
 * environment object, for the words of its mark ("✖ error: 1 open", "no findings"): the geometry then
 * depends on the environment alone, so the layout can be made while the checks run and the findings only
 * colour and label it ({@link LayoutAhead}).
 *
 * <p>Thread-safe: each call builds its own ELK graph.
 */
public final class GraphLayout {

    static final double CHAR_WIDTH = 7.4;
    static final double LINE_HEIGHT = 15;
    private static final double PAD = 10;
    private static final double TITLE = 22;
    /**
     * The width kept for a status line, in characters: room for {@code ✖ critical: 99 open}. A longer line
     * (open and waived counts together) is drawn condensed to the shape's width.
     */
    static final int STATUS_CHARS = 19;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private GraphLayout() {}

    /** The picture of {@code graph} as it is, for documentation ({@code env graph}). */
    public static LaidOutGraph layout(SiteGraph graph) {
        return layout(graph, false);
    }

    /** The picture of {@code graph} with a status line kept in each shape that can carry a finding. */
    public static LaidOutGraph layoutForReport(SiteGraph graph) {
        return layout(graph, true);
    }

    /** Whether a shape of a report's picture has a status line: it stands for an object findings can name. */
    static boolean hasStatusLine(Node n) {
        return n.kind() != Kind.SITE && !n.refs().isEmpty();
    }

    private static LaidOutGraph layout(SiteGraph graph, boolean statusLines) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(20));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);

        Map<String, ElkNode> elk = new HashMap<>();
        // Parents before children: sites are top-level, servers may sit in them.
        for (Node n : graph.nodes()) {
            if (n.parent().isEmpty()) {
                elk.put(n.id(), node(root, n, graph, statusLines));
            }
        }
        for (Node n : graph.nodes()) {
            if (n.parent().isPresent()) {
                elk.put(n.id(), node(elk.get(n.parent().get()), n, graph, statusLines));
            }
        }
        Map<ElkEdge, Edge> edges = new HashMap<>();
        List<ElkEdge> order = new ArrayList<>();
        for (Edge e : graph.edges()) {
            ElkNode from = elk.get(e.from());
            ElkNode to = elk.get(e.to());
            if (from == null || to == null || from == to) {
                continue;
            }
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
            if (!e.label().isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(e.label(), edge);
                label.setWidth(e.label().length() * CHAR_WIDTH * 0.85 + 4);
                label.setHeight(LINE_HEIGHT);
            }
            edges.put(edge, e);
            order.add(edge);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<Box> boxes = new ArrayList<>();
        for (Node n : graph.nodes()) {
            ElkNode e = elk.get(n.id());
            double[] at = absolute(e);
            boxes.add(new Box(n, at[0], at[1], e.getWidth(), e.getHeight()));
        }
        List<Route> routes = new ArrayList<>();
        for (ElkEdge edge : order) {
            ElkNode container = edge.getContainingNode();
            double[] offset = container == null || container == root ? new double[] {0, 0} : absolute(container);
            List<Point> points = new ArrayList<>();
            for (ElkEdgeSection s : edge.getSections()) {
                points.add(new Point(offset[0] + s.getStartX(), offset[1] + s.getStartY()));
                for (ElkBendPoint b : s.getBendPoints()) {
                    points.add(new Point(offset[0] + b.getX(), offset[1] + b.getY()));
                }
                points.add(new Point(offset[0] + s.getEndX(), offset[1] + s.getEndY()));
            }
            Point labelAt = points.isEmpty() ? new Point(0, 0) : points.get(points.size() / 2);
            if (!edge.getLabels().isEmpty()) {
                ElkLabel l = edge.getLabels().get(0);
                labelAt = new Point(offset[0] + l.getX(), offset[1] + l.getY() + LINE_HEIGHT - 3);
            }
            routes.add(new Route(edges.get(edge), points, labelAt));
        }
        return new LaidOutGraph(graph, statusLines, root.getWidth(), root.getHeight(), boxes, routes);
    }

    private static ElkNode node(ElkNode parent, Node n, SiteGraph graph, boolean statusLines) {
        ElkNode e = ElkGraphUtil.createNode(parent);
        e.setIdentifier(n.id());
        ElkLabel label = ElkGraphUtil.createLabel(n.label(), e);
        label.setWidth(n.label().length() * CHAR_WIDTH);
        label.setHeight(LINE_HEIGHT);
        if (n.kind() == Kind.SITE) {
            e.setProperty(CoreOptions.NODE_LABELS_PLACEMENT, NodeLabelPlacement.insideTopCenter());
            e.setProperty(CoreOptions.PADDING, new ElkPadding(TITLE + PAD, PAD, PAD, PAD));
            e.setProperty(
                    CoreOptions.NODE_SIZE_CONSTRAINTS,
                    EnumSet.of(
                            org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE,
                            org.eclipse.elk.core.options.SizeConstraint.NODE_LABELS));
            e.setWidth(Math.max(120, n.label().length() * CHAR_WIDTH + 2 * PAD));
            e.setHeight(60);
            if (graph.children(java.util.Optional.of(n.id())).isEmpty()) {
                e.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(e.getWidth(), 60));
            }
            return e;
        }
        boolean status = statusLines && hasStatusLine(n);
        int longest = n.label().length();
        for (String d : n.details()) {
            longest = Math.max(longest, d.length());
        }
        if (status) {
            longest = Math.max(longest, STATUS_CHARS);
        }
        double width = Math.max(90, longest * CHAR_WIDTH + 2 * PAD + badgeRoom(n));
        double height = (1 + n.details().size() + (status ? 1 : 0)) * LINE_HEIGHT + 2 * PAD;
        if (n.kind() == Kind.INTERNET || n.kind() == Kind.DOMAIN) {
            width += 20; // ellipses need room at their ends
            height += 6;
        }
        e.setWidth(width);
        e.setHeight(height);
        return e;
    }

    /** Room for the severity mark drawn at a node's right end. */
    private static double badgeRoom(Node n) {
        return n.kind() == Kind.SITE ? 0 : 26;
    }

    private static double[] absolute(ElkNode node) {
        double x = 0;
        double y = 0;
        for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
            x += n.getX();
            y += n.getY();
        }
        return new double[] {x, y};
    }
}
