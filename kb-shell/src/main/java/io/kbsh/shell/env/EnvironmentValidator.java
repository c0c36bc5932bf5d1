package io.kbsh.shell.env;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.DnsServer;
import io.kbsh.model.env.DnsZone;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.FlowRule;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.InstalledService;
import io.kbsh.model.env.MailHost;
import io.kbsh.model.env.MxRecord;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.WindowsDomain;
import io.kbsh.model.internal.IpNetworks;
import io.kbsh.model.version.ReleaseLevel;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks JSON binding cannot make: value ranges, known release lines, and references between objects. */
final class EnvironmentValidator {

    record Problem(String path, String message) {}

    /** Highest service pack of each release line the model accepts. */
    private static final Map<String, Integer> EXCHANGE = Map.of("4.0", 5, "5.0", 2, "5.5", 4);

    private static final Map<String, Integer> PROXY = Map.of("1.0", 1, "2.0", 1);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.:-]*[A-Za-z0-9_])?");

    private EnvironmentValidator() {}

    static Optional<Problem> firstProblem(Environment env) {
        try {
            validate(env);
            return Optional.empty();
        } catch (Found f) {
            return Optional.of(f.problem);
        }
    }

    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Found(String path, String message) {
            super(message, null, false, false);
            this.problem = new Problem(path, message);
        }
    }

    private static void fail(String path, String message) {
        throw new Found(path, message);
    }

    private static void validate(Environment env) {
        Set<String> ids = new HashSet<>();
        Set<String> siteIds = new HashSet<>();
        for (int i = 0; i < env.sites().size(); i++) {
            unique(ids, env.sites().get(i).id(), "sites[" + i + "].id");
            siteIds.add(env.sites().get(i).id());
        }
        Set<String> windowsDomains = new HashSet<>();
        for (int i = 0; i < env.windowsDomains().size(); i++) {
            String name = env.windowsDomains().get(i).name();
            if (name.isBlank() || !windowsDomains.add(name.toLowerCase(Locale.ROOT))) {
                fail(
                        "windowsDomains[" + i + "].name",
                        name.isBlank() ? "must not be empty" : "domain '" + name + "' is listed twice");
            }
        }
        Set<String> serverIds = new HashSet<>();
        for (int i = 0; i < env.servers().size(); i++) {
            unique(ids, env.servers().get(i).id(), "servers[" + i + "].id");
            serverIds.add(env.servers().get(i).id());
        }
        Set<String> proxyIds = new HashSet<>();
        for (int i = 0; i < env.proxies().size(); i++) {
            unique(ids, env.proxies().get(i).id(), "proxies[" + i + "].id");
            proxyIds.add(env.proxies().get(i).id());
        }
        for (int i = 0; i < env.servers().size(); i++) {
            Server s = env.servers().get(i);
            String at = "servers[" + i + "]";
            if (s.site().isPresent() && !siteIds.contains(s.site().get())) {
                fail(at + ".site", "no site with id '" + s.site().get() + "'");
            }
            level(s.exchange(), EXCHANGE, "Exchange Server", at + ".exchange");
            hosts(s.addresses(), at + ".addresses");
            hotfixes(s.hotfixes(), at + ".hotfixes");
            for (int j = 0; j < s.iniFiles().size(); j++) {
                IniFile f = s.iniFiles().get(j);
                if (f.serverPath().isBlank() || f.fileName().isBlank()) {
                    fail(at + ".iniFiles[" + j + "].serverPath", "must name a file, e.g. C:\\Mspclnt\\Mspclnt.ini");
                }
            }
            if (s.cluster().isPresent()) {
                hosts(s.cluster().get().nodeAddresses(), at + ".cluster.nodeAddresses");
                hosts(s.cluster().get().virtualAddresses(), at + ".cluster.virtualAddresses");
            }
            for (int j = 0; j < s.serves().size(); j++) {
                port(s.serves().get(j).port(), at + ".serves[" + j + "].port");
            }
            if (s.windowsDomain().isPresent()
                    && !windowsDomains.contains(s.windowsDomain().get().toLowerCase(Locale.ROOT))) {
                fail(
                        at + ".windowsDomain",
                        "no Windows domain named '" + s.windowsDomain().get() + "' in windowsDomains");
            }
            hosts(s.dnsServers(), at + ".dnsServers");
            if (s.wspClient().flatMap(c -> c.proxy()).isPresent()
                    && !proxyIds.contains(s.wspClient().get().proxy().get())) {
                fail(
                        at + ".wspClient.proxy",
                        "no proxy with id '" + s.wspClient().get().proxy().get() + "'");
            }
            if (s.ims().flatMap(m -> m.smartHost()).isPresent()) {
                host(s.ims().get().smartHost().get(), at + ".ims.smartHost");
            }
            names(s.services().stream().map(InstalledService::name).toList(), at + ".services", "name");
        }
        for (int i = 0; i < env.proxies().size(); i++) {
            ProxyServer p = env.proxies().get(i);
            String at = "proxies[" + i + "]";
            level(p.version(), PROXY, "Proxy Server", at + ".version");
            p.internalAddress().ifPresent(a -> host(a, at + ".internalAddress"));
            p.externalAddress().ifPresent(a -> host(a, at + ".externalAddress"));
            if (p.runsOn().isPresent() && !serverIds.contains(p.runsOn().get())) {
                fail(at + ".runsOn", "no server with id '" + p.runsOn().get() + "'");
            }
            hotfixes(p.hotfixes(), at + ".hotfixes");
            names(p.services().stream().map(InstalledService::name).toList(), at + ".services", "name");
        }
        Set<String> firewallIds = new HashSet<>();
        for (int i = 0; i < env.firewalls().size(); i++) {
            Firewall f = env.firewalls().get(i);
            String at = "firewalls[" + i + "]";
            unique(ids, f.id(), at + ".id");
            firewallIds.add(f.id());
            for (int j = 0; j < f.protects().size(); j++) {
                String id = f.protects().get(j);
                if (!serverIds.contains(id) && !proxyIds.contains(id)) {
                    fail(at + ".protects[" + j + "]", "no server or proxy with id '" + id + "'");
                }
            }
            for (int j = 0; j < f.rules().size(); j++) {
                FlowRule r = f.rules().get(j);
                side(r.from(), at + ".rules[" + j + "].from");
                side(r.to(), at + ".rules[" + j + "].to");
            }
        }
        for (int i = 0; i < env.connectors().size(); i++) {
            Connector c = env.connectors().get(i);
            String at = "connectors[" + i + "]";
            unique(ids, c.id(), at + ".id");
            if (!serverIds.contains(c.server())) {
                fail(at + ".server", "no server with id '" + c.server() + "'");
            }
            if (c.type() == ConnectorType.X400 && c.transport().isEmpty()) {
                fail(at, "an X.400 connector needs 'transport' (tcpip, tp4 or x25)");
            }
            if (c.type() != ConnectorType.X400 && c.transport().isPresent()) {
                fail(at + ".transport", "only X.400 connectors have a transport");
            }
            if (c.type() != ConnectorType.INTERNET_MAIL && !c.domains().isEmpty()) {
                fail(at + ".domains", "only the Internet Mail Connector/Service delivers to domains");
            }
            c.remoteMta().ifPresent(h -> host(h, at + ".remoteMta"));
            for (int j = 0; j < c.path().size(); j++) {
                String hop = c.path().get(j);
                if (!proxyIds.contains(hop) && !firewallIds.contains(hop)) {
                    fail(at + ".path[" + j + "]", "no proxy or firewall with id '" + hop + "'");
                }
            }
        }
        for (int i = 0; i < env.publications().size(); i++) {
            Publication p = env.publications().get(i);
            String at = "publications[" + i + "]";
            if (!proxyIds.contains(p.proxy())) {
                fail(at + ".proxy", "no proxy with id '" + p.proxy() + "'");
            }
            if (!serverIds.contains(p.server())) {
                fail(at + ".server", "no server with id '" + p.server() + "'");
            }
            port(p.port(), at + ".port");
        }
        Set<String> domainNames = new HashSet<>();
        for (int i = 0; i < env.domains().size(); i++) {
            DnsDomain d = env.domains().get(i);
            String at = "domains[" + i + "]";
            host(d.name(), at + ".name");
            if (!domainNames.add(d.name().toLowerCase(Locale.ROOT))) {
                fail(at + ".name", "domain '" + d.name() + "' is listed twice");
            }
            for (int j = 0; j < d.mx().size(); j++) {
                MxRecord mx = d.mx().get(j);
                if (mx.preference() < 0 || mx.preference() > 65535) {
                    fail(
                            at + ".mx[" + j + "].preference",
                            "MX preference must be between 0 and 65535, got " + mx.preference());
                }
                host(mx.host(), at + ".mx[" + j + "].host");
            }
        }
        for (int i = 0; i < env.dnsServers().size(); i++) {
            DnsServer d = env.dnsServers().get(i);
            String at = "dnsServers[" + i + "]";
            unique(ids, d.id(), at + ".id");
            hosts(d.addresses(), at + ".addresses");
            if (d.runsOn().isPresent() && !serverIds.contains(d.runsOn().get())) {
                fail(at + ".runsOn", "no server with id '" + d.runsOn().get() + "'");
            }
            for (int j = 0; j < d.zones().size(); j++) {
                DnsZone z = d.zones().get(j);
                host(z.name(), at + ".zones[" + j + "].name");
                hosts(z.masters(), at + ".zones[" + j + "].masters");
                if (z.role() == DnsZone.Role.PRIMARY && !z.masters().isEmpty()) {
                    fail(at + ".zones[" + j + "].masters", "a primary zone has no masters; a secondary names them");
                }
            }
        }
        for (int i = 0; i < env.windowsDomains().size(); i++) {
            WindowsDomain d = env.windowsDomains().get(i);
            String at = "windowsDomains[" + i + "]";
            hosts(d.controllers(), at + ".controllers");
            for (int j = 0; j < d.trusts().size(); j++) {
                String t = d.trusts().get(j);
                if (!windowsDomains.contains(t.toLowerCase(Locale.ROOT))) {
                    fail(at + ".trusts[" + j + "]", "no Windows domain named '" + t + "' in windowsDomains");
                }
                if (t.equalsIgnoreCase(d.name())) {
                    fail(at + ".trusts[" + j + "]", "a domain does not trust itself");
                }
            }
        }
        for (int i = 0; i < env.mailHosts().size(); i++) {
            MailHost m = env.mailHosts().get(i);
            unique(ids, m.id(), "mailHosts[" + i + "].id");
            host(m.host(), "mailHosts[" + i + "].host");
        }
        Set<String> collectedFrom = new HashSet<>();
        for (int i = 0; i < env.collected().size(); i++) {
            String from = env.collected().get(i).from();
            if (!serverIds.contains(from) && !proxyIds.contains(from)) {
                fail("collected[" + i + "].from", "no server or proxy with id '" + from + "'");
            }
            if (!collectedFrom.add(from)) {
                fail("collected[" + i + "].from", "'" + from + "' is listed twice; put all its evidence in one entry");
            }
        }
    }

    /** A flow rule's side: {@code any}, an object id, or a host, address or address/prefix. */
    private static void side(String side, String path) {
        if (side.equalsIgnoreCase(FlowRule.ANY)) {
            return;
        }
        if (side.indexOf('/') < 0) {
            host(side, path);
            return;
        }
        Optional<String> why = IpNetworks.problem(side);
        if (why.isPresent()) {
            fail(
                    path,
                    "an address range is address/prefix (10.0.0.0/8, fd00::/64) or IPv4 address/mask"
                            + " (10.0.0.0/255.0.0.0): '" + side + "': " + why.get());
        }
    }

    private static void port(Optional<Integer> port, String path) {
        if (port.isPresent() && (port.get() < 1 || port.get() > 65535)) {
            fail(path, "port must be between 1 and 65535, got " + port.get());
        }
    }

    private static void names(List<String> names, String path, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i).toLowerCase(Locale.ROOT))) {
                fail(path + "[" + i + "]." + field, "'" + names.get(i) + "' is listed twice");
            }
        }
    }

    private static void unique(Set<String> ids, String id, String path) {
        if (id == null || id.isBlank()) {
            fail(path, "must not be empty");
        }
        if (!ids.add(id)) {
            fail(path, "id '" + id + "' is used twice");
        }
    }

    private static void level(ReleaseLevel level, Map<String, Integer> lines, String product, String path) {
        Integer last = lines.get(level.release());
        if (last == null) {
            fail(
                    path,
                    product + " has no version " + level.release() + " (known: "
                            + String.join(", ", lines.keySet().stream().sorted().toList()) + ")");
        }
        if (level.servicePack() > last) {
            fail(
                    path,
                    product + " " + level.release() + " has no service pack " + level.servicePack() + " (the last is SP"
                            + last + ")");
        }
    }

    private static void hosts(List<String> hosts, String path) {
        for (int i = 0; i < hosts.size(); i++) {
            host(hosts.get(i), path + "[" + i + "]");
        }
    }

    /** A host name, or an IP literal: IPv4, or IPv6 with or without brackets ({@code fd00::25}, {@code [::1]}). */
    private static void host(String host, String path) {
        if (host == null
                || (!HOST.matcher(host).matches() && IpNetworks.literal(host).isEmpty())) {
            fail(path, "not a host name or address: '" + host + "'");
        }
    }

    private static void hotfixes(List<String> hotfixes, String path) {
        for (int i = 0; i < hotfixes.size(); i++) {
            if (ArticleId.tryParse(hotfixes.get(i)).isEmpty()) {
                fail(
                        path + "[" + i + "]",
                        "a hotfix is named by its article, e.g. Q232588; got '" + hotfixes.get(i) + "'");
            }
        }
    }
}
