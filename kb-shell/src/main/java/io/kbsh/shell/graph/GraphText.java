package io.kbsh.shell.graph;

import io.kbsh.shell.graph.SiteGraph.Edge;
import io.kbsh.shell.graph.SiteGraph.Kind;
import io.kbsh.shell.graph.SiteGraph.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site graph in the two text formats documentation tools render themselves: Graphviz DOT and
 * Mermaid flowcharts. Every label is quoted and escaped for its format, so names from the environment
 * cannot break out of them.
 */
public final class GraphText {

    private GraphText() {}

    public static String dot(SiteGraph graph) {
        StringBuilder out = new StringBuilder("digraph site {\n");
        out.append("  label=").append(dotQuote(graph.title())).append(";\n");
        out.append(
                "  rankdir=LR;\n  node [fontname=\"monospace\" fontsize=11];\n  edge [fontname=\"monospace\" fontsize=9];\n");
        Map<String, String> ids = ids(graph);
        dotNodes(graph, Optional.empty(), ids, out, "  ");
        for (Edge e : graph.edges()) {
            out.append("  ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to()));
            StringBuilder attrs = new StringBuilder();
            if (!e.title().isEmpty()) {
                attrs.append("label=").append(dotQuote(e.title()));
            }
            if (e.kind() == SiteGraph.EdgeKind.WINSOCK_PROXY || e.kind() == SiteGraph.EdgeKind.PROTECTS) {
                attrs.append(attrs.length() > 0 ? " " : "").append("style=dashed");
            }
            if (attrs.length() > 0) {
                out.append(" [").append(attrs).append(']');
            }
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static void dotNodes(
            SiteGraph graph, Optional<String> parent, Map<String, String> ids, StringBuilder out, String indent) {
        for (Node n : graph.children(parent)) {
            if (n.kind() == Kind.SITE) {
                out.append(indent)
                        .append("subgraph cluster_")
                        .append(ids.get(n.id()))
                        .append(" {\n");
                out.append(indent)
                        .append("  label=")
                        .append(dotQuote("site " + n.label()))
                        .append(";\n");
                out.append(indent).append("  style=dashed;\n");
                dotNodes(graph, Optional.of(n.id()), ids, out, indent + "  ");
                out.append(indent).append("}\n");
                continue;
            }
            String label = n.label() + (n.details().isEmpty() ? "" : "\n" + String.join("\n", n.details()));
            out.append(indent)
                    .append(ids.get(n.id()))
                    .append(" [label=")
                    .append(dotQuote(label))
                    .append(" shape=")
                    .append(dotShape(n.kind()))
                    .append("];\n");
        }
    }

    private static String dotShape(Kind kind) {
        return switch (kind) {
            case PROXY -> "hexagon";
            case FIREWALL -> "box3d";
            case DOMAIN, INTERNET -> "ellipse";
            case MX_HOST, REMOTE -> "box style=rounded";
            default -> "box";
        };
    }

    static String dotQuote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> {}
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.append('"').toString();
    }

    public static String mermaid(SiteGraph graph) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, String> ids = ids(graph);
        mermaidNodes(graph, Optional.empty(), ids, out, "  ");
        for (Edge e : graph.edges()) {
            String arrow = e.kind() == SiteGraph.EdgeKind.WINSOCK_PROXY || e.kind() == SiteGraph.EdgeKind.PROTECTS
                    ? "-.->"
                    : "-->";
            out.append("  ").append(ids.get(e.from())).append(' ').append(arrow);
            if (!e.title().isEmpty()) {
                out.append('|').append(mermaidQuote(e.title())).append('|');
            }
            out.append(' ');
            out.append(ids.get(e.to())).append('\n');
        }
        return out.toString();
    }

    private static void mermaidNodes(
            SiteGraph graph, Optional<String> parent, Map<String, String> ids, StringBuilder out, String indent) {
        for (Node n : graph.children(parent)) {
            if (n.kind() == Kind.SITE) {
                out.append(indent)
                        .append("subgraph ")
                        .append(ids.get(n.id()))
                        .append(" [")
                        .append(mermaidQuote("site " + n.label()))
                        .append("]\n");
                mermaidNodes(graph, Optional.of(n.id()), ids, out, indent + "  ");
                out.append(indent).append("end\n");
                continue;
            }
            StringBuilder label = new StringBuilder("\"").append(mermaidText(n.label()));
            n.details().forEach(d -> label.append("<br>").append(mermaidText(d)));
            label.append('"');
            String[] shape = switch (n.kind()) {
                case PROXY -> new String[] {"{{", "}}"};
                case FIREWALL -> new String[] {"[[", "]]"};
                case DOMAIN, INTERNET -> new String[] {"([", "])"};
                case MX_HOST, REMOTE -> new String[] {"(", ")"};
                default -> new String[] {"[", "]"};
            };
            out.append(indent)
                    .append(ids.get(n.id()))
                    .append(shape[0])
                    .append(label)
                    .append(shape[1])
                    .append('\n');
        }
    }

    static String mermaidQuote(String text) {
        return "\"" + mermaidText(text) + "\"";
    }

    /** Mermaid's entity codes for what would end a quoted label or start markup. */
    private static String mermaidText(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '#' -> out.append("#35;");
                case '|' -> out.append("#124;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Identifiers both formats accept: n0, n1, … in node order. */
    private static Map<String, String> ids(SiteGraph graph) {
        Map<String, String> ids = new HashMap<>();
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            ids.put(nodes.get(i).id(), "n" + i);
        }
        return ids;
    }
}
