package io.kbsh.shell.env;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.MxRecord;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import io.kbsh.model.env.Server;
import io.kbsh.model.version.ReleaseLevel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks JSON binding cannot make: value ranges, known release lines, and references between objects. */
final class EnvironmentValidator {

    record Problem(String path, String message) {
    }

    /** Highest service pack of each release line the model accepts. */
    private static final Map<String, Integer> EXCHANGE = Map.of("4.0", 5, "5.0", 2, "5.5", 4);
    private static final Map<String, Integer> PROXY = Map.of("1.0", 1, "2.0", 1);
    private static final Map<String, Integer> WINDOWS_NT = Map.of("3.51", 5, "4.0", 6);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.:-]*[A-Za-z0-9_])?");

    private EnvironmentValidator() {
    }

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
        if (env.schemaVersion() != Environment.SCHEMA_VERSION) {
            fail("schemaVersion", "unsupported schema version " + env.schemaVersion()
                    + " (this kbsh reads version " + Environment.SCHEMA_VERSION + ")");
        }
        Set<String> ids = new HashSet<>();
        Set<String> siteIds = new HashSet<>();
        for (int i = 0; i < env.sites().size(); i++) {
            unique(ids, env.sites().get(i).id(), "sites[" + i + "].id");
            siteIds.add(env.sites().get(i).id());
        }
        Set<String> serverIds = new HashSet<>();
        for (int i = 0; i < env.servers().size(); i++) {
            Server s = env.servers().get(i);
            String at = "servers[" + i + "]";
            unique(ids, s.id(), at + ".id");
            serverIds.add(s.id());
            if (s.site() != null && !siteIds.contains(s.site())) {
                fail(at + ".site", "no site with id '" + s.site() + "'");
            }
            level(s.exchange(), EXCHANGE, "Exchange Server", at + ".exchange");
            if (s.windowsNt() != null) {
                level(s.windowsNt(), WINDOWS_NT, "Windows NT", at + ".windowsNt");
            }
            hosts(s.addresses(), at + ".addresses");
            hotfixes(s.hotfixes(), at + ".hotfixes");
            for (int j = 0; j < s.iniFiles().size(); j++) {
                IniFile f = s.iniFiles().get(j);
                if (f.serverPath().isBlank() || f.fileName().isBlank()) {
                    fail(at + ".iniFiles[" + j + "].serverPath", "must name a file, e.g. C:\\Mspclnt\\Mspclnt.ini");
                }
            }
        }
        Set<String> proxyIds = new HashSet<>();
        for (int i = 0; i < env.proxies().size(); i++) {
            ProxyServer p = env.proxies().get(i);
            String at = "proxies[" + i + "]";
            unique(ids, p.id(), at + ".id");
            proxyIds.add(p.id());
            level(p.version(), PROXY, "Proxy Server", at + ".version");
            if (p.internalAddress() != null) {
                host(p.internalAddress(), at + ".internalAddress");
            }
            if (p.externalAddress() != null) {
                host(p.externalAddress(), at + ".externalAddress");
            }
            if (p.runsOn() != null && !serverIds.contains(p.runsOn())) {
                fail(at + ".runsOn", "no server with id '" + p.runsOn() + "'");
            }
            hotfixes(p.hotfixes(), at + ".hotfixes");
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
        }
        for (int i = 0; i < env.connectors().size(); i++) {
            Connector c = env.connectors().get(i);
            String at = "connectors[" + i + "]";
            unique(ids, c.id(), at + ".id");
            if (!serverIds.contains(c.server())) {
                fail(at + ".server", "no server with id '" + c.server() + "'");
            }
            if (c.type() == ConnectorType.X400 && c.transport() == null) {
                fail(at, "an X.400 connector needs 'transport' (tcpip, tp4 or x25)");
            }
            if (c.type() != ConnectorType.X400 && c.transport() != null) {
                fail(at + ".transport", "only X.400 connectors have a transport");
            }
            if (c.type() != ConnectorType.INTERNET_MAIL && !c.domains().isEmpty()) {
                fail(at + ".domains", "only the Internet Mail Connector/Service delivers to domains");
            }
            if (c.remoteMta() != null) {
                host(c.remoteMta(), at + ".remoteMta");
            }
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
            if (p.port() != null && (p.port() < 1 || p.port() > 65535)) {
                fail(at + ".port", "port must be between 1 and 65535, got " + p.port());
            }
        }
        Set<String> domainNames = new HashSet<>();
        for (int i = 0; i < env.domains().size(); i++) {
            DnsDomain d = env.domains().get(i);
            String at = "domains[" + i + "]";
            host(d.name(), at + ".name");
            if (!domainNames.add(d.name().toLowerCase(java.util.Locale.ROOT))) {
                fail(at + ".name", "domain '" + d.name() + "' is listed twice");
            }
            for (int j = 0; j < d.mx().size(); j++) {
                MxRecord mx = d.mx().get(j);
                if (mx.preference() < 0 || mx.preference() > 65535) {
                    fail(at + ".mx[" + j + "].preference", "MX preference must be between 0 and 65535, got " + mx.preference());
                }
                host(mx.host(), at + ".mx[" + j + "].host");
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
            fail(path, product + " has no version " + level.release() + " (known: "
                    + String.join(", ", lines.keySet().stream().sorted().toList()) + ")");
        }
        if (level.servicePack() > last) {
            fail(path, product + " " + level.release() + " has no service pack " + level.servicePack()
                    + " (the last is SP" + last + ")");
        }
    }

    private static void hosts(List<String> hosts, String path) {
        for (int i = 0; i < hosts.size(); i++) {
            host(hosts.get(i), path + "[" + i + "]");
        }
    }

    private static void host(String host, String path) {
        if (host == null || !HOST.matcher(host).matches()) {
            fail(path, "not a host name or address: '" + host + "'");
        }
    }

    private static void hotfixes(List<String> hotfixes, String path) {
        for (int i = 0; i < hotfixes.size(); i++) {
            if (ArticleId.tryParse(hotfixes.get(i)).isEmpty()) {
                fail(path + "[" + i + "]", "a hotfix is named by its article, e.g. Q232588; got '" + hotfixes.get(i) + "'");
            }
        }
    }
}
