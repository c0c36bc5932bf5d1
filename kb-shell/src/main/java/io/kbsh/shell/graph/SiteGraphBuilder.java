package io.kbsh.shell.graph;

import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.MxRecord;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Site;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.shell.graph.SiteGraph.Edge;
import io.kbsh.shell.graph.SiteGraph.EdgeKind;
import io.kbsh.shell.graph.SiteGraph.Kind;
import io.kbsh.shell.graph.SiteGraph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link SiteGraph} of an environment. */
public final class SiteGraphBuilder {

    /** The id of the one node that stands for everything outside the site. */
    public static final String INTERNET = "internet";

    private final Environment env;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private SiteGraphBuilder(Environment env) {
        this.env = env;
    }

    public static SiteGraph build(Environment env) {
        return new SiteGraphBuilder(env).build();
    }

    private SiteGraph build() {
        for (Site site : env.sites()) {
            nodes.put(
                    siteId(site.id()),
                    new Node(
                            siteId(site.id()),
                            Kind.SITE,
                            site.name(),
                            List.of(),
                            Optional.empty(),
                            List.of(new ObjectRef("site", site.id())),
                            List.of()));
        }
        for (Server s : env.servers()) {
            server(s);
        }
        for (ProxyServer p : env.proxies()) {
            proxy(p);
        }
        for (Firewall f : env.firewalls()) {
            nodes.put(
                    firewallId(f.id()),
                    new Node(
                            firewallId(f.id()),
                            Kind.FIREWALL,
                            f.name(),
                            f.name().equals(f.id()) ? List.of() : List.of(f.id()),
                            Optional.empty(),
                            List.of(new ObjectRef("firewall", f.id())),
                            List.of(f.id())));
        }
        for (Server s : env.servers()) {
            if (s.winsockProxyClient()) {
                winsockProxyClient(s);
            }
        }
        for (Connector c : env.connectors()) {
            connector(c);
        }
        for (Publication p : env.publications()) {
            if (nodes.containsKey(proxyId(p.proxy())) && nodes.containsKey(serverId(p.server()))) {
                internet();
                reach(proxyId(p.proxy()), "");
                edges.add(new Edge(
                        "publication:" + p.proxy() + ":" + p.server() + ":" + p.describe(),
                        proxyId(p.proxy()),
                        serverId(p.server()),
                        EdgeKind.PUBLICATION,
                        "publishes " + p.describe(),
                        List.of(ObjectRef.proxy(p.proxy()), ObjectRef.server(p.server()))));
            }
        }
        for (Firewall f : env.firewalls()) {
            for (String protectedId : f.protects()) {
                resolve(protectedId).ifPresent(target -> {
                    internet();
                    reach(firewallId(f.id()), "");
                    edges.add(new Edge(
                            "protects:" + f.id() + ":" + protectedId,
                            firewallId(f.id()),
                            target,
                            EdgeKind.PROTECTS,
                            "protects",
                            List.of(new ObjectRef("firewall", f.id()))));
                });
            }
        }
        for (DnsDomain d : env.domains()) {
            domain(d);
        }
        String title = env.organisation().isEmpty() ? "site" : env.organisation();
        return new SiteGraph(title, List.copyOf(nodes.values()), edges);
    }

    private void server(Server s) {
        List<String> details = new ArrayList<>();
        details.add("Exchange " + s.exchange());
        s.os().ifPresent(os -> details.add(os.toString()));
        if (s.clustered()) {
            details.add("cluster node");
        }
        if (!s.addresses().isEmpty()) {
            details.add(String.join(", ", s.addresses()));
        }
        List<String> addresses = new ArrayList<>(s.addresses());
        addresses.add(s.id());
        Optional<String> parent = s.site().map(SiteGraphBuilder::siteId).filter(nodes::containsKey);
        nodes.put(
                serverId(s.id()),
                new Node(
                        serverId(s.id()),
                        Kind.SERVER,
                        s.id(),
                        details,
                        parent,
                        List.of(ObjectRef.server(s.id())),
                        addresses));
    }

    private void proxy(ProxyServer p) {
        List<String> details = new ArrayList<>();
        details.add("Proxy Server " + p.version());
        List<String> addresses = new ArrayList<>();
        addresses.add(p.id());
        p.internalAddress().ifPresent(a -> {
            details.add("internal " + a);
            addresses.add(a);
        });
        p.externalAddress().ifPresent(a -> {
            details.add("external " + a);
            addresses.add(a);
        });
        p.runsOn().ifPresent(host -> details.add("on " + host));
        nodes.put(
                proxyId(p.id()),
                new Node(
                        proxyId(p.id()),
                        Kind.PROXY,
                        p.id(),
                        details,
                        Optional.empty(),
                        List.of(ObjectRef.proxy(p.id())),
                        addresses));
    }

    private void winsockProxyClient(Server s) {
        // Schema version 2 names the proxy the client uses; version 1 says only that the client is
        // installed, and with one proxy in the site it is that one.
        Optional<String> named = s.wspClient().flatMap(c -> c.proxy());
        Optional<String> used = named.isPresent()
                ? named
                : env.proxies().size() == 1 ? Optional.of(env.proxies().get(0).id()) : Optional.empty();
        if (used.isPresent() && env.proxies().stream().anyMatch(p -> p.id().equals(used.get()))) {
            String proxy = used.get();
            edges.add(new Edge(
                    "wsp:" + s.id() + ":" + proxy,
                    serverId(s.id()),
                    proxyId(proxy),
                    EdgeKind.WINSOCK_PROXY,
                    "WinSock Proxy client",
                    List.of(ObjectRef.server(s.id()), ObjectRef.proxy(proxy))));
        }
    }

    private void connector(Connector c) {
        if (!nodes.containsKey(serverId(c.server()))) {
            return;
        }
        List<String> hops = new ArrayList<>();
        hops.add(serverId(c.server()));
        for (String member : c.path()) {
            resolve(member).ifPresent(hops::add);
        }
        String end;
        if (c.type() == ConnectorType.INTERNET_MAIL) {
            end = internet();
        } else if (c.remoteMta().isPresent()) {
            String mta = c.remoteMta().get();
            end = resolve(mta).orElseGet(() -> remote(mta));
        } else {
            end = internet();
        }
        hops.add(end);
        String type =
                shortType(c.type()) + c.transport().map(t -> "/" + t.label()).orElse("");
        String title = "connector " + c.id() + " (" + type + ")";
        ObjectRef ref = ObjectRef.connector(c.id());
        for (int i = 0; i + 1 < hops.size(); i++) {
            // Only the first hop is labelled, and only with the type: the id (often long, one per connector)
            // made a 200-server site's picture twice as wide. It is in the tooltip and the findings section.
            edges.add(new Edge(
                    "connector:" + c.id() + "#" + i,
                    hops.get(i),
                    hops.get(i + 1),
                    EdgeKind.CONNECTOR,
                    i == 0 ? type : "",
                    title,
                    List.of(ref)));
        }
        if (c.type() == ConnectorType.INTERNET_MAIL) {
            for (String domain : c.domains()) {
                domainNode(domain);
            }
        }
    }

    private void domain(DnsDomain d) {
        String domain = domainNode(d.name());
        for (MxRecord mx : d.byPreference()) {
            String host = mx.host().toLowerCase(Locale.ROOT);
            String id = resolve(host).orElseGet(() -> {
                String mxId = "mx:" + host;
                nodes.putIfAbsent(
                        mxId,
                        new Node(mxId, Kind.MX_HOST, mx.host(), List.of(), Optional.empty(), List.of(), List.of(host)));
                return mxId;
            });
            edges.add(new Edge(
                    "mx:" + d.name() + ":" + mx.preference() + ":" + host,
                    domain,
                    id,
                    EdgeKind.MX,
                    "MX " + mx.preference(),
                    List.of(ObjectRef.domain(d.name()))));
        }
    }

    private String domainNode(String name) {
        String id = "domain:" + name.toLowerCase(Locale.ROOT);
        if (!nodes.containsKey(id)) {
            nodes.put(
                    id,
                    new Node(
                            id,
                            Kind.DOMAIN,
                            name,
                            List.of(),
                            Optional.empty(),
                            List.of(ObjectRef.domain(name)),
                            List.of(name)));
            edges.add(new Edge("reach:" + id, internet(), id, EdgeKind.REACH, "DNS", List.of(ObjectRef.domain(name))));
        }
        return id;
    }

    private String internet() {
        nodes.putIfAbsent(
                INTERNET,
                new Node(INTERNET, Kind.INTERNET, "Internet", List.of(), Optional.empty(), List.of(), List.of()));
        return INTERNET;
    }

    private void reach(String target, String label) {
        String id = "reach:" + target;
        if (edges.stream().noneMatch(e -> e.id().equals(id))) {
            edges.add(new Edge(id, INTERNET, target, EdgeKind.REACH, label, List.of()));
        }
    }

    private String remote(String name) {
        String id = "remote:" + name.toLowerCase(Locale.ROOT);
        nodes.putIfAbsent(
                id,
                new Node(
                        id,
                        Kind.REMOTE,
                        name,
                        List.of("outside this description"),
                        Optional.empty(),
                        List.of(),
                        List.of(name)));
        return id;
    }

    /** The node a name in the environment (an object id, an address, a host name) stands for. */
    private Optional<String> resolve(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String firstLabel = lower.contains(".") && !Character.isDigit(lower.charAt(0))
                ? lower.substring(0, lower.indexOf('.'))
                : lower;
        for (Node n : nodes.values()) {
            if (n.kind() == Kind.SITE || n.kind() == Kind.INTERNET) {
                continue;
            }
            for (String address : n.addresses()) {
                String a = address.toLowerCase(Locale.ROOT);
                if (a.equals(lower) || (n.kind() == Kind.SERVER && a.equals(firstLabel))) {
                    return Optional.of(n.id());
                }
            }
        }
        return Optional.empty();
    }

    /** Connector types as short as a picture's edge label wants them. */
    private static String shortType(ConnectorType type) {
        return switch (type) {
            case X400 -> "X.400";
            case SITE -> "Site";
            case DYNAMIC_RAS -> "Dynamic RAS";
            case INTERNET_MAIL -> "IMS";
        };
    }

    static String siteId(String id) {
        return "site:" + id;
    }

    static String serverId(String id) {
        return "server:" + id;
    }

    static String proxyId(String id) {
        return "proxy:" + id;
    }

    static String firewallId(String id) {
        return "firewall:" + id;
    }
}
