package io.kbsh.shell.graph;

import io.kbsh.model.finding.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects of a site and how they connect, as a picture shows them: sites holding their servers, the
 * proxies and firewalls in the way, the domains with their MX hosts in order, and the Internet. Every node
 * and edge names the environment objects it stands for ({@link ObjectRef}s), so findings and probe
 * results can be drawn on the right shapes.
 */
public record SiteGraph(String title, List<Node> nodes, List<Edge> edges) {

    public SiteGraph {
        Objects.requireNonNull(title, "title");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** What a node is, which decides its shape. */
    public enum Kind {
        SITE("site"),
        SERVER("server"),
        PROXY("proxy server"),
        FIREWALL("firewall"),
        DOMAIN("domain"),
        MX_HOST("MX host"),
        REMOTE("remote system"),
        INTERNET("the Internet");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String cssName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What an edge stands for. */
    public enum EdgeKind {
        /** A hop of a connector's route (server, then each proxy or firewall on its path, then the far end). */
        CONNECTOR,
        /** A server's WinSock Proxy client using a proxy server. */
        WINSOCK_PROXY,
        /** A proxy publishing a server's protocol to the Internet. */
        PUBLICATION,
        /** A firewall in front of what it protects. */
        PROTECTS,
        /** A domain's MX record, labelled with its preference. */
        MX,
        /** The way from the Internet to an address; probe results are drawn on it. */
        REACH
    }

    /**
     * @param parent the site a server sits in
     * @param details lines under the label (versions, addresses)
     * @param refs the environment objects the node stands for
     * @param addresses names and addresses by which probes reach the node
     */
    public record Node(
            String id,
            Kind kind,
            String label,
            List<String> details,
            Optional<String> parent,
            List<ObjectRef> refs,
            List<String> addresses) {
        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
            details = List.copyOf(details);
            Objects.requireNonNull(parent, "parent");
            refs = List.copyOf(refs);
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * @param label the words drawn on the line, kept short: each character of an edge label widens the layer
     *     gap it sits in, so a long one widens the whole picture (a connector's hop says only its type and
     *     transport, {@code X.400/TCP/IP})
     * @param title everything the edge stands for, in words ({@code connector x400-hq (X.400/TCP/IP)}): the
     *     SVG tooltip, and the label of the DOT and Mermaid texts, which other tools lay out
     */
    public record Edge(
            String id, String from, String to, EdgeKind kind, String label, String title, List<ObjectRef> refs) {
        public Edge {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(title, "title");
            refs = List.copyOf(refs);
        }

        /** An edge whose label says all there is to say about it. */
        public Edge(String id, String from, String to, EdgeKind kind, String label, List<ObjectRef> refs) {
            this(id, from, to, kind, label, label, refs);
        }

        /** The same edge without its label drawn (its title kept). */
        public Edge unlabelled() {
            return new Edge(id, from, to, kind, "", title, refs);
        }
    }

    /** The same graph with {@code more} edges. */
    public SiteGraph withEdges(List<Edge> more) {
        List<Edge> all = new java.util.ArrayList<>(edges);
        all.addAll(more);
        return new SiteGraph(title, nodes, all);
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The nodes inside {@code parent}, or the top-level nodes for an empty parent. */
    public List<Node> children(Optional<String> parent) {
        return nodes.stream().filter(n -> n.parent().equals(parent)).toList();
    }
}
