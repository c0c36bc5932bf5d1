package io.kbsh.shell.graph;

import java.util.List;
import java.util.Objects;

/**
 * A {@link SiteGraph} with every node placed and every edge routed, in absolute picture coordinates.
 *
 * @param statusLines whether the shapes that can carry a finding have room for a status line at their foot
 */
public record LaidOutGraph(
        SiteGraph graph, boolean statusLines, double width, double height, List<Box> boxes, List<Route> routes) {

    public LaidOutGraph {
        Objects.requireNonNull(graph, "graph");
        boxes = List.copyOf(boxes);
        routes = List.copyOf(routes);
    }

    /** Where a node is drawn. */
    public record Box(SiteGraph.Node node, double x, double y, double width, double height) {}

    /** The line an edge is drawn as (start, bends, end) and where its label goes. */
    public record Route(SiteGraph.Edge edge, List<Point> points, Point labelAt) {
        public Route {
            points = List.copyOf(points);
        }

        /** The points as the SVG {@code points} attribute writes them. */
        public String svgPoints() {
            StringBuilder out = new StringBuilder();
            for (Point p : points) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(Point.format(p.x())).append(',').append(Point.format(p.y()));
            }
            return out.toString();
        }
    }

    public record Point(double x, double y) {
        static String format(double v) {
            return String.valueOf(Math.round(v * 10) / 10.0);
        }
    }
}
