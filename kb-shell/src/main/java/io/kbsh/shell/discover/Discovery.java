package io.kbsh.shell.discover;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeRequest;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TlsMode;
import io.kbsh.shell.net.Probes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env discover HOST…}: probes each host's Exchange ports (SMTP, POP3, IMAP4, NNTP, LDAP plain and
 * SSL, X.400 on 102) and Proxy Server's (WinSock Proxy control 1745, SOCKS 1080, the Web Proxy on 80), reads
 * the products and builds the greetings name, maps builds to levels with {@link ExchangeBuilds} and writes an
 * environment (schema version 2) a person can edit: an Exchange server per host that greets like one, with
 * its level, components and the protocols it serves, each derived field with its provenance (the greeting,
 * where it was seen, the article whose build table decided, when); a mail host for an SMTP server that is
 * not Exchange, naming no product or version it did not say.
 */
public final class Discovery {

    /** One port discover looks at; {@code name} is how {@code --port NAME=PORT} moves it. */
    public record Port(String name, String probe, int port, TlsMode tls, String means) {}

    public static final List<Port> PORTS = List.of(
            new Port("smtp", "smtp", 25, TlsMode.NONE, "internet-mail"),
            new Port("pop3", "pop3", 110, TlsMode.NONE, "information-store"),
            new Port("pop3s", "pop3", 995, TlsMode.IMPLICIT, "information-store"),
            new Port("imap4", "imap4", 143, TlsMode.NONE, "information-store"),
            new Port("imap4s", "imap4", 993, TlsMode.IMPLICIT, "information-store"),
            new Port("nntp", "nntp", 119, TlsMode.NONE, "information-store"),
            new Port("nntps", "nntp", 563, TlsMode.IMPLICIT, "information-store"),
            new Port("ldap", "ldap", 389, TlsMode.NONE, "directory"),
            new Port("ldaps", "ldap", 636, TlsMode.IMPLICIT, "directory"),
            new Port("x400", "rfc1006", 102, TlsMode.NONE, "mta"),
            new Port("wsp", "tcp", 1745, TlsMode.NONE, "WinSock Proxy control channel"),
            new Port("socks", "tcp", 1080, TlsMode.NONE, "SOCKS proxy"),
            new Port("web", "tcp", 80, TlsMode.NONE, "Web Proxy (or another web server)"));

    /** What discover found about one host: every port's result and what the greetings say. */
    public record HostReport(
            String host,
            List<Port> ports,
            List<ProbeResult> results,
            List<WireLevel> greetings,
            Optional<ReleaseLevel> level,
            Optional<WireLevel> decidedBy) {

        /** True when a greeting was Exchange's. */
        public boolean exchange() {
            return greetings.stream().anyMatch(g -> g.greeting().exchange());
        }
    }

    private final ExchangeBuilds builds;

    public Discovery(ExchangeBuilds builds) {
        this.builds = builds;
    }

    /** Probes {@code hosts} on the ports (moved by {@code overrides}, name to port) within the options' bounds. */
    public List<HostReport> discover(
            List<String> hosts, Map<String, Integer> overrides, ProbeOptions options, ProbeRunner runner) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        Probes.builtIn().forEach(p -> probes.put(p.id(), p));
        List<ProbeRequest> requests = new ArrayList<>();
        List<Port> ports = new ArrayList<>();
        for (Port p : PORTS) {
            ports.add(new Port(p.name(), p.probe(), overrides.getOrDefault(p.name(), p.port()), p.tls(), p.means()));
        }
        for (String host : hosts) {
            for (Port p : ports) {
                requests.add(new ProbeRequest(
                        probes.get(p.probe()), ProbeTarget.of(host, p.port()), options.withTls(p.tls())));
            }
        }
        List<ProbeResult> all =
                runner.run(requests, Instant.now().plus(options.deadline()).plusSeconds(1));
        List<HostReport> reports = new ArrayList<>();
        for (int h = 0; h < hosts.size(); h++) {
            List<ProbeResult> mine = all.subList(h * ports.size(), Math.min(all.size(), (h + 1) * ports.size()));
            reports.add(report(hosts.get(h), ports, mine));
        }
        return reports;
    }

    private HostReport report(String host, List<Port> ports, List<ProbeResult> results) {
        List<WireLevel> greetings = new ArrayList<>();
        for (ProbeResult r : results) {
            if (r.status() == ProbeStatus.OK || r.status() == ProbeStatus.REJECTED) {
                WireLevel.of(r.toFact(), builds).ifPresent(greetings::add);
            }
        }
        // The server's pack is the lowest any component shows: a component's hotfix does not raise the others.
        Optional<WireLevel> decided = greetings.stream()
                .filter(g -> g.match().isPresent())
                .min(Comparator.comparing(
                                (WireLevel g) -> g.match().get().level().servicePack())
                        .thenComparing(
                                g -> !g.origin().endsWith(":" + ports.get(0).port())));
        Optional<ReleaseLevel> level = decided.map(g -> g.match().get().level())
                .or(() -> greetings.stream()
                        .filter(g -> g.greeting().release().isPresent())
                        .findFirst()
                        .map(g -> new ReleaseLevel(g.greeting().release().get(), 0)));
        if (decided.isEmpty()) {
            decided = greetings.stream()
                    .filter(g -> g.greeting().release().isPresent())
                    .findFirst();
        }
        return new HostReport(host, ports, results, greetings, level, decided);
    }

    /** The environment JSON (schema version 2) for {@code reports}. */
    public static ObjectNode environment(List<HostReport> reports, Instant when) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode().put("schemaVersion", 2).put("organisation", "discovered");
        root.putArray("sites").addObject().put("id", "discovered").put("name", "found by env discover on " + when);
        ArrayNode servers = root.putArray("servers");
        ArrayNode mailHosts = json.arrayNode();
        for (HostReport r : reports) {
            if (r.exchange() && r.level().isPresent()) {
                servers.add(server(r, when));
            } else {
                for (int i = 0; i < r.results().size(); i++) {
                    ProbeResult res = r.results().get(i);
                    if (res.probe().equals("smtp") && res.ok()) {
                        ObjectNode m = mailHosts.addObject().put("id", r.host()).put("host", r.host());
                        m.putObject("provenance")
                                .set(
                                        "host",
                                        provenance(
                                                res.evidence("greeting"),
                                                res.target().toString(),
                                                Optional.empty(),
                                                when));
                    }
                }
            }
        }
        if (!mailHosts.isEmpty()) {
            root.set("mailHosts", mailHosts);
        }
        return root;
    }

    private static ObjectNode server(HostReport r, Instant when) {
        ObjectNode s = JsonNodeFactory.instance.objectNode().put("id", r.host()).put("site", "discovered");
        s.putArray("addresses").add(r.host());
        s.put("exchange", r.level().get().toString());
        ArrayNode components = s.putArray("components");
        ArrayNode serves = s.putArray("serves");
        List<String> seen = new ArrayList<>();
        List<String> servedEvidence = new ArrayList<>();
        for (int i = 0; i < r.results().size(); i++) {
            ProbeResult res = r.results().get(i);
            Port p = r.ports().get(i);
            if (!res.ok() || p.probe().equals("tcp")) {
                continue;
            }
            if (!seen.contains(p.means())) {
                seen.add(p.means());
                components.add(p.means());
            }
            if (!p.probe().equals("rfc1006")) {
                ObjectNode served = serves.addObject().put("protocol", p.probe());
                if (p.tls() == TlsMode.IMPLICIT) {
                    served.put("ssl", true);
                }
                PORTS.stream()
                        .filter(d -> d.name().equals(p.name()) && d.port() != p.port())
                        .findFirst()
                        .ifPresent(d -> served.put("port", p.port()));
            }
            servedEvidence.add(p.name() + " " + res.target() + " " + res.stage());
        }
        ObjectNode provenance = s.putObject("provenance");
        WireLevel by = r.decidedBy().get();
        String evidence = by.line()
                + (by.match().isEmpty()
                        ? " (no build in the greeting: the service pack is" + " not known, edit it)"
                        : "");
        provenance.set(
                "exchange",
                provenance(
                        evidence, by.origin(), by.match().map(m -> m.article().toString()), when));
        provenance.set("components", provenance(String.join("; ", servedEvidence), r.host(), Optional.empty(), when));
        provenance.set("serves", provenance(String.join("; ", servedEvidence), r.host(), Optional.empty(), when));
        return s;
    }

    private static ObjectNode provenance(String evidence, String origin, Optional<String> article, Instant when) {
        ObjectNode p = JsonNodeFactory.instance
                .objectNode()
                .put("source", "discover")
                .put("evidence", evidence)
                .put("origin", origin);
        article.ifPresent(a -> p.put("article", a));
        return p.put("observedAt", when.toString());
    }

    /** The facts discover leaves in the session, so that a later {@code check} can compare declared levels. */
    public static List<EndpointFact> facts(List<HostReport> reports) {
        List<EndpointFact> facts = new ArrayList<>();
        reports.forEach(r -> r.results().stream()
                .filter(x -> x.status() != ProbeStatus.CANCELLED)
                .forEach(x -> facts.add(x.toFact())));
        return facts;
    }
}
