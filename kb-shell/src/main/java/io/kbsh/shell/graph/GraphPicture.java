package io.kbsh.shell.graph;

import io.kbsh.model.finding.ObjectRef;
import io.kbsh.shell.graph.LaidOutGraph.Box;
import io.kbsh.shell.graph.LaidOutGraph.Route;
import io.kbsh.shell.graph.SiteGraph.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A laid-out graph as the SVG template draws it: every shape's outline, text lines and state, every line's
 * points, label and state. Numbers are rounded to a tenth of a pixel so that the same graph gives the same
 * bytes.
 */
public record GraphPicture(String title, String width, String height, List<Shape> shapes, List<Line> lines) {

    public GraphPicture {
        shapes = List.copyOf(shapes);
        lines = List.copyOf(lines);
    }

    /**
     * @param anchor the id of the report section listing the object's findings ({@code #obj-…})
     * @param outline an SVG path
     * @param text each line with its baseline position
     */
    public record Shape(
            String id,
            String anchor,
            String kind,
            String kindLabel,
            boolean container,
            String outline,
            List<Text> text,
            String state,
            String tooltip,
            String badgeX,
            String badgeY,
            String symbol) {
        public Shape {
            text = List.copyOf(text);
        }
    }

    /**
     * @param css {@code title}, {@code detail} or {@code status}
     * @param fit the width the line is condensed to (SVG {@code textLength}) when it is longer than its shape
     *     is wide, or empty
     */
    public record Text(String x, String y, String text, String css, String fit) {}

    /** @param anchor the findings section of the connector the line is a hop of, or empty */
    public record Line(
            String id,
            String kind,
            String anchor,
            String points,
            String labelX,
            String labelY,
            String label,
            String state,
            String tooltip) {}

    /** The anchor a report uses for the findings of {@code ref}. */
    public static String anchor(ObjectRef ref) {
        return "obj-" + (ref.kind() + "-" + ref.id()).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /**
     * The picture of {@code laid}; {@code marks} gives the mark of each environment object (objects without
     * one are drawn plainly).
     */
    public static GraphPicture of(LaidOutGraph laid, Function<ObjectRef, Mark> marks) {
        List<Shape> shapes = new ArrayList<>();
        // The template draws containers first, then lines, then what the containers hold.
        for (Box box : laid.boxes()) {
            shapes.add(shape(box, laid.statusLines(), marks));
        }
        List<Line> lines = new ArrayList<>();
        for (Route r : laid.routes()) {
            Mark mark = Mark.NONE;
            String anchor = "";
            for (ObjectRef ref : r.edge().refs()) {
                if (ref.kind().equals("connector") && marks.apply(ref).state() != Mark.State.OK) {
                    mark = mark.with(marks.apply(ref));
                    anchor = "#" + anchor(ref);
                }
            }
            String label = r.edge().label();
            lines.add(new Line(
                    r.edge().id(),
                    r.edge().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    anchor,
                    r.svgPoints(),
                    n(r.labelAt().x()),
                    n(r.labelAt().y()),
                    label,
                    mark.state().css(),
                    r.edge().title() + mark.line().map(l -> " — " + l).orElse("")));
        }
        return new GraphPicture(laid.graph().title(), n(laid.width()), n(laid.height()), shapes, lines);
    }

    private static Shape shape(Box box, boolean statusLines, Function<ObjectRef, Mark> marks) {
        SiteGraph.Node node = box.node();
        Mark mark = Mark.NONE;
        for (ObjectRef ref : node.refs()) {
            mark = mark.with(marks.apply(ref));
        }
        double x = box.x();
        double y = box.y();
        double w = box.width();
        double h = box.height();
        List<Text> text = new ArrayList<>();
        boolean container = node.kind() == Kind.SITE;
        double lineY = y + (container ? 16 : 10 + GraphLayout.LINE_HEIGHT - 3);
        double textX = container ? x + 8 : x + 10;
        text.add(new Text(n(textX), n(lineY), node.label(), "title", ""));
        if (!container) {
            for (String d : node.details()) {
                lineY += GraphLayout.LINE_HEIGHT;
                text.add(new Text(n(textX), n(lineY), d, "detail", ""));
            }
            if (statusLines && GraphLayout.hasStatusLine(node)) {
                // The line the layout kept: the mark in words, so that it reads without colour.
                String status = mark.line().orElse(mark.state().word());
                double room = w - 2 * (textX - x);
                String fit = status.length() * GraphLayout.CHAR_WIDTH > room ? n(room) : "";
                lineY += GraphLayout.LINE_HEIGHT;
                text.add(new Text(n(textX), n(lineY), status, "status", fit));
            }
        }
        // Only objects with findings have a section to go to.
        String anchor = "";
        for (ObjectRef ref : node.refs()) {
            if (marks.apply(ref).state() != Mark.State.OK) {
                anchor = "#" + anchor(ref);
                break;
            }
        }
        String tooltip = node.kind().label() + " " + node.label()
                + mark.line().map(l -> " — " + l).orElse("");
        return new Shape(
                node.id(),
                anchor,
                node.kind().cssName(),
                node.kind().label(),
                container,
                outline(node.kind(), x, y, w, h),
                text,
                mark.state().css(),
                tooltip,
                n(x + w - 14),
                n(y + 14),
                mark.state().symbol());
    }

    /** Each kind its own outline, so shapes tell kinds apart without colour. */
    static String outline(Kind kind, double x, double y, double w, double h) {
        return switch (kind) {
            case PROXY -> { // a hexagon
                double c = Math.min(12, w / 6);
                yield "M" + n(x + c) + " " + n(y) + " H" + n(x + w - c) + " L" + n(x + w) + " " + n(y + h / 2) + " L"
                        + n(x + w - c) + " " + n(y + h) + " H" + n(x + c) + " L" + n(x) + " " + n(y + h / 2) + " Z";
            }
            case FIREWALL -> { // a wall: a box with a course line
                yield rect(x, y, w, h, 0) + " M" + n(x) + " " + n(y + 6) + " H" + n(x + w);
            }
            case DOMAIN, INTERNET -> { // an ellipse
                double rx = w / 2;
                double ry = h / 2;
                yield "M" + n(x) + " " + n(y + ry) + " A" + n(rx) + " " + n(ry) + " 0 1 0 " + n(x + w) + " " + n(y + ry)
                        + " A" + n(rx) + " " + n(ry) + " 0 1 0 " + n(x) + " " + n(y + ry) + " Z";
            }
            case SITE -> rect(x, y, w, h, 8);
            case MX_HOST, REMOTE -> rect(x, y, w, h, 10);
            default -> rect(x, y, w, h, 3);
        };
    }

    private static String rect(double x, double y, double w, double h, double r) {
        if (r == 0) {
            return "M" + n(x) + " " + n(y) + " H" + n(x + w) + " V" + n(y + h) + " H" + n(x) + " Z";
        }
        return "M" + n(x + r) + " " + n(y) + " H" + n(x + w - r) + " Q" + n(x + w) + " " + n(y) + " " + n(x + w) + " "
                + n(y + r) + " V" + n(y + h - r) + " Q" + n(x + w) + " " + n(y + h) + " " + n(x + w - r) + " "
                + n(y + h)
                + " H" + n(x + r) + " Q" + n(x) + " " + n(y + h) + " " + n(x) + " " + n(y + h - r) + " V" + n(y + r)
                + " Q" + n(x) + " " + n(y) + " " + n(x + r) + " " + n(y) + " Z";
    }

    static String n(double v) {
        double rounded = Math.round(v * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    /** Marks for a picture without findings. */
    public static Function<ObjectRef, Mark> unmarked() {
        return ref -> Mark.NONE;
    }

    /** Marks looked up in a map. */
    public static Function<ObjectRef, Mark> marks(Map<ObjectRef, Mark> marks) {
        return ref -> marks.getOrDefault(ref, Mark.NONE);
    }
}
