package io.kbsh.shell.env;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.env.Cluster;
import io.kbsh.model.env.CollectedEvidence;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.DnsServer;
import io.kbsh.model.env.DnsZone;
import io.kbsh.model.env.DomainFilters;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EventLogEntry;
import io.kbsh.model.env.Extensions;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.FirewallFeature;
import io.kbsh.model.env.FirewallMode;
import io.kbsh.model.env.FlowRule;
import io.kbsh.model.env.ImsSettings;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.InstalledService;
import io.kbsh.model.env.MailHost;
import io.kbsh.model.env.MxRecord;
import io.kbsh.model.env.ObjectKind;
import io.kbsh.model.env.OperatingSystem;
import io.kbsh.model.env.PortRange;
import io.kbsh.model.env.Protocol;
import io.kbsh.model.env.Provenance;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import io.kbsh.model.env.RegistryType;
import io.kbsh.model.env.RegistryValue;
import io.kbsh.model.env.RelayRestrictions;
import io.kbsh.model.env.ServedProtocol;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.ServerRole;
import io.kbsh.model.env.Site;
import io.kbsh.model.env.Transport;
import io.kbsh.model.env.WindowsDomain;
import io.kbsh.model.env.WinsockProxyClient;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.json.JsonFields;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.JsonTree;
import io.kbsh.shell.json.JsonTree.Node;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a located JSON tree to the environment model: schema version 1 as it always was, and version 2
 * with its new objects, plugin-declared fields and provenance. Version 1's fields map onto the model as
 * version 2 writes them ({@code windowsNt} is {@code os}, {@code clustered} is {@code cluster},
 * {@code winsockProxyClient} is {@code wspClient}); a field of the other version is refused with a hint.
 */
final class EnvironmentBinder {

    static final String LEVEL = "a release level such as '5.5 SP1'";

    /** The fields each kind of object has in version 2 (plugins may not declare these). */
    private static final Map<ObjectKind, Set<String>> CORE = new EnumMap<>(ObjectKind.class);

    static {
        core(
                ObjectKind.ENVIRONMENT,
                "schemaVersion",
                "organisation",
                "sites",
                "servers",
                "connectors",
                "proxies",
                "publications",
                "firewalls",
                "domains",
                "dnsServers",
                "windowsDomains",
                "mailHosts",
                "collected");
        core(ObjectKind.SITE, "id", "name");
        core(
                ObjectKind.SERVER,
                "id",
                "site",
                "addresses",
                "os",
                "exchange",
                "cluster",
                "components",
                "serves",
                "roles",
                "windowsDomain",
                "dnsServers",
                "services",
                "wspClient",
                "ims",
                "hotfixes",
                "iniFiles",
                "provenance",
                "windowsNt",
                "clustered",
                "winsockProxyClient");
        core(
                ObjectKind.CONNECTOR,
                "id",
                "type",
                "server",
                "transport",
                "remoteMta",
                "domains",
                "path",
                "passwordsMatch",
                "provenance");
        core(
                ObjectKind.PROXY,
                "id",
                "version",
                "name",
                "internalAddress",
                "externalAddress",
                "runsOn",
                "dynamicPacketFiltering",
                "accessControl",
                "domainFilters",
                "clientsConnectBy",
                "services",
                "hotfixes",
                "provenance");
        core(ObjectKind.PUBLICATION, "proxy", "server", "protocol", "ssl", "port");
        core(
                ObjectKind.FIREWALL,
                "id",
                "name",
                "protects",
                "vendor",
                "product",
                "version",
                "mode",
                "features",
                "rules",
                "provenance");
        core(ObjectKind.DNS_DOMAIN, "name", "mx", "own");
        core(ObjectKind.DNS_SERVER, "id", "addresses", "runsOn", "product", "version", "zones", "provenance");
        core(ObjectKind.WINDOWS_DOMAIN, "name", "controllers", "trusts", "provenance");
        core(ObjectKind.MAIL_HOST, "id", "host", "product", "requiresTls", "requiresAuth", "provenance");
    }

    private static void core(ObjectKind kind, String... names) {
        CORE.put(kind, Set.of(names));
    }

    /** Version 1 names that version 2 renamed, with what version 2 writes instead. */
    private static final Map<String, String> RENAMED = Map.of(
            "windowsNt", "'os': 'Windows NT 4.0 SP6'",
            "clustered", "'cluster': {} (with nodeAddresses and virtualAddresses when known)",
            "winsockProxyClient", "'wspClient': {} (with the proxy it uses when known)");

    static Set<String> coreFields(ObjectKind kind) {
        return CORE.get(kind);
    }

    private final String source;
    private final ExtensionRegistry extensions;
    private int version;

    EnvironmentBinder(String source, ExtensionRegistry extensions) {
        this.source = source;
        this.extensions = extensions;
    }

    Environment bind(Node root) throws JsonInputException {
        JsonFields f = JsonFields.of(root, source);
        Node versionNode =
                f.node("schemaVersion").orElseThrow(() -> f.problem("missing required field 'schemaVersion'"));
        int v = f.toInt(versionNode);
        if (v != 1 && v != 2) {
            throw JsonFields.problem(
                    source, versionNode, "unsupported schema version " + v + " (this kbsh reads versions 1 and 2)");
        }
        version = v;
        String organisation = f.optString("organisation").orElse("");
        List<Site> sites = f.objects("sites", this::site);
        List<Server> servers = f.objects("servers", this::server);
        List<Connector> connectors = f.objects("connectors", this::connector);
        List<ProxyServer> proxies = f.objects("proxies", this::proxy);
        List<Publication> publications = f.objects("publications", this::publication);
        List<Firewall> firewalls = f.objects("firewalls", this::firewall);
        List<DnsDomain> domains = f.objects("domains", this::dnsDomain);
        List<DnsServer> dnsServers = v2(f, "dnsServers") ? f.objects("dnsServers", this::dnsServer) : List.of();
        List<WindowsDomain> windowsDomains =
                v2(f, "windowsDomains") ? f.objects("windowsDomains", this::windowsDomain) : List.of();
        List<MailHost> mailHosts = v2(f, "mailHosts") ? f.objects("mailHosts", this::mailHost) : List.of();
        List<CollectedEvidence> collected = v2(f, "collected") ? f.objects("collected", this::collected) : List.of();
        Extensions ext = finish(f, ObjectKind.ENVIRONMENT);
        return new Environment(
                v,
                organisation,
                sites,
                servers,
                connectors,
                proxies,
                publications,
                firewalls,
                domains,
                dnsServers,
                windowsDomains,
                mailHosts,
                collected,
                ext);
    }

    /** True when the v2-only member {@code name} may be read; in a version 1 file its presence is refused. */
    private boolean v2(JsonFields f, String name) throws JsonInputException {
        Optional<Node> n = f.node(name);
        if (version == 1 && n.isPresent()) {
            throw JsonFields.problem(
                    source,
                    n.get(),
                    "'" + name + "' is a schema version 2 field (this file says \"schemaVersion\": 1)");
        }
        if (version == 1) {
            f.forget(name);
        }
        return version == 2;
    }

    /** True when the v1-only member {@code name} may be read; in a version 2 file its presence is refused. */
    private boolean v1(JsonFields f, String name) throws JsonInputException {
        Optional<Node> n = f.node(name);
        if (version == 2 && n.isPresent()) {
            throw JsonFields.problem(
                    source, n.get(), "'" + name + "' is schema version 1's; version 2 writes " + RENAMED.get(name));
        }
        if (version == 2) {
            f.forget(name);
        }
        return version == 1;
    }

    /**
     * Reads the plugin-declared fields left over and refuses any other member; then checks that provenance
     * names only members the object has (after the unknown-field check, so that a misspelled field is
     * reported as that, not as provenance without its field).
     */
    private Extensions finish(JsonFields f, ObjectKind kind) throws JsonInputException {
        Extensions ext = extensionsOf(f, kind);
        if (f.node().members().get("provenance") instanceof JsonTree.Obj p) {
            for (Map.Entry<String, Node> e : p.members().entrySet()) {
                if (!f.node().members().containsKey(e.getKey()) || e.getKey().equals("provenance")) {
                    throw JsonFields.problem(
                            source,
                            e.getValue(),
                            "provenance for '" + e.getKey() + "', which this object does not have");
                }
            }
        }
        return ext;
    }

    private Extensions extensionsOf(JsonFields f, ObjectKind kind) throws JsonInputException {
        Extensions.Builder ext = Extensions.builder();
        for (Node left : f.unread()) {
            String name = left.path().substring(left.path().lastIndexOf('.') + 1);
            Optional<ExtensionRegistry.Declared> declared = extensions.field(kind, name);
            if (declared.isEmpty() || version == 1) {
                Set<String> expected = new LinkedHashSet<>(f.expected());
                expected.addAll(version == 1 ? Set.of() : extensions.names(kind));
                String hint = declared.isPresent() ? " (plugin fields need \"schemaVersion\": 2)" : "";
                throw f.unknown(left, expected, hint);
            }
            switch (declared.get().field().type()) {
                case STRING -> ext.string(name, f.text(left));
                case INTEGER -> ext.integer(name, f.toLong(left));
                case BOOLEAN -> ext.flag(name, f.optFlag(name).orElseThrow());
                case STRING_LIST -> ext.strings(name, f.strings(name));
                case INTEGER_LIST -> ext.integers(name, f.values(name, f::toLong));
            }
        }
        return ext.build();
    }

    /** The {@code provenance} member: derived field name to its provenance; each must name a member present. */
    private Map<String, Provenance> provenance(JsonFields f) throws JsonInputException {
        Optional<Node> n = f.node("provenance");
        if (n.isEmpty()) {
            return Map.of();
        }
        JsonFields p = JsonFields.of(n.get(), source);
        Map<String, Provenance> found = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : p.node().members().entrySet()) {
            found.put(e.getKey(), provenanceEntry(JsonFields.of(e.getValue(), source)));
        }
        return found;
    }

    private Provenance provenanceEntry(JsonFields f) throws JsonInputException {
        Provenance p = new Provenance(
                f.enumValue("source", Provenance.Source.class),
                f.string("evidence"),
                f.optString("origin"),
                f.optParsed("article", ArticleId::parse, "an article id such as Q257618"),
                f.optParsed("observedAt", Instant::parse, "a UTC time such as 2026-12-01T22:00:00Z"));
        f.refuseUnknown();
        return p;
    }

    private Optional<Provenance> ownProvenance(JsonFields f) throws JsonInputException {
        return f.object("provenance", this::provenanceEntry);
    }

    private Site site(JsonFields f) throws JsonInputException {
        String id = f.string("id");
        String name = f.optString("name").orElse(id);
        return new Site(id, name, finish(f, ObjectKind.SITE));
    }

    private Server server(JsonFields f) throws JsonInputException {
        Server.Builder b = Server.builder(f.string("id"), f.parsed("exchange", ReleaseLevel::parse, LEVEL));
        f.optString("site").ifPresent(b::site);
        f.strings("addresses").forEach(b::address);
        if (v1(f, "windowsNt")) {
            Optional<Node> nt = f.node("windowsNt");
            if (nt.isPresent()) {
                b.os(f.parse(nt.get(), text -> OperatingSystem.windowsNt(ReleaseLevel.parse(text)), LEVEL));
            }
            b.clustered(v1(f, "clustered") && f.flag("clustered"));
            b.winsockProxyClient(v1(f, "winsockProxyClient") && f.flag("winsockProxyClient"));
        } else {
            v1(f, "clustered");
            v1(f, "winsockProxyClient");
        }
        f.enums("components", Component.class).forEach(b::components);
        f.strings("hotfixes").forEach(b::hotfix);
        for (IniFile ini : f.objects("iniFiles", this::iniFile)) {
            b.iniFile(ini);
        }
        if (v2(f, "os")) {
            f.optParsed("os", OperatingSystem::parse, "an operating system such as 'Windows NT 4.0 SP6'")
                    .ifPresent(b::os);
        }
        if (v2(f, "cluster")) {
            f.object("cluster", this::cluster).ifPresent(b::cluster);
        }
        if (v2(f, "serves")) {
            f.objects("serves", this::served).forEach(b::serves);
        }
        if (v2(f, "roles")) {
            f.enums("roles", ServerRole.class).forEach(b::role);
        }
        if (v2(f, "windowsDomain")) {
            f.optString("windowsDomain").ifPresent(b::windowsDomain);
        }
        if (v2(f, "dnsServers")) {
            f.strings("dnsServers").forEach(b::dnsServer);
        }
        if (v2(f, "services")) {
            f.objects("services", this::service).forEach(b::service);
        }
        if (v2(f, "wspClient")) {
            f.object("wspClient", this::wspClient).ifPresent(b::wspClient);
        }
        if (v2(f, "ims")) {
            f.object("ims", this::ims).ifPresent(b::ims);
        }
        if (v2(f, "provenance")) {
            provenance(f).forEach(b::provenance);
        }
        return b.extensions(finish(f, ObjectKind.SERVER)).build();
    }

    private IniFile iniFile(JsonFields f) throws JsonInputException {
        IniFile ini = new IniFile(f.string("serverPath"), f.optParsed("localCopy", Path::of, "a relative file path"));
        f.refuseUnknown();
        return ini;
    }

    private Cluster cluster(JsonFields f) throws JsonInputException {
        Cluster c =
                new Cluster(f.optString("virtualServer"), f.strings("nodeAddresses"), f.strings("virtualAddresses"));
        f.refuseUnknown();
        return c;
    }

    private ServedProtocol served(JsonFields f) throws JsonInputException {
        ServedProtocol p =
                new ServedProtocol(f.enumValue("protocol", Protocol.class), f.flag("ssl"), f.optInteger("port"));
        f.refuseUnknown();
        return p;
    }

    private InstalledService service(JsonFields f) throws JsonInputException {
        InstalledService s = new InstalledService(
                f.string("name"),
                f.optString("displayName"),
                f.optEnum("state", InstalledService.State.class),
                f.optEnum("startMode", InstalledService.StartMode.class));
        f.refuseUnknown();
        return s;
    }

    private WinsockProxyClient wspClient(JsonFields f) throws JsonInputException {
        WinsockProxyClient c = new WinsockProxyClient(f.optString("proxy"), f.optString("configuredName"));
        f.refuseUnknown();
        return c;
    }

    private ImsSettings ims(JsonFields f) throws JsonInputException {
        ImsSettings s = new ImsSettings(
                f.optFlag("reverseLookup"),
                f.object("relay", this::relay),
                f.strings("tlsDomains"),
                f.optString("smartHost"));
        f.refuseUnknown();
        return s;
    }

    private RelayRestrictions relay(JsonFields f) throws JsonInputException {
        RelayRestrictions r = new RelayRestrictions(
                f.flag("rerouting"),
                f.flag("authenticated"),
                f.strings("fromAddresses"),
                f.strings("toInternalAddresses"));
        f.refuseUnknown();
        return r;
    }

    private Connector connector(JsonFields f) throws JsonInputException {
        Connector.Builder b =
                Connector.builder(f.string("id"), f.enumValue("type", ConnectorType.class), f.string("server"));
        f.optEnum("transport", Transport.class).ifPresent(b::transport);
        f.optString("remoteMta").ifPresent(b::remoteMta);
        f.strings("domains").forEach(b::domain);
        b.path(f.strings("path").toArray(String[]::new));
        if (v2(f, "passwordsMatch")) {
            f.optFlag("passwordsMatch").ifPresent(b::passwordsMatch);
        }
        if (v2(f, "provenance")) {
            provenance(f).forEach(b::provenance);
        }
        return b.extensions(finish(f, ObjectKind.CONNECTOR)).build();
    }

    private ProxyServer proxy(JsonFields f) throws JsonInputException {
        ProxyServer.Builder b = ProxyServer.builder(f.string("id"), f.parsed("version", ReleaseLevel::parse, LEVEL));
        f.optString("internalAddress").ifPresent(b::internalAddress);
        f.optString("externalAddress").ifPresent(b::externalAddress);
        f.optString("runsOn").ifPresent(b::runsOn);
        b.dynamicPacketFiltering(f.flag("dynamicPacketFiltering"));
        f.strings("hotfixes").forEach(b::hotfix);
        if (v2(f, "name")) {
            f.optString("name").ifPresent(b::name);
        }
        if (v2(f, "accessControl")) {
            f.optFlag("accessControl").ifPresent(b::accessControl);
        }
        if (v2(f, "domainFilters")) {
            f.object("domainFilters", this::domainFilters).ifPresent(b::domainFilters);
        }
        if (v2(f, "clientsConnectBy")) {
            f.optEnum("clientsConnectBy", ProxyServer.ClientAddressing.class).ifPresent(b::clientsConnectBy);
        }
        if (v2(f, "services")) {
            f.objects("services", this::service).forEach(b::service);
        }
        if (v2(f, "provenance")) {
            provenance(f).forEach(b::provenance);
        }
        return b.extensions(finish(f, ObjectKind.PROXY)).build();
    }

    private DomainFilters domainFilters(JsonFields f) throws JsonInputException {
        DomainFilters d = new DomainFilters(f.enumValue("byDefault", DomainFilters.Access.class), f.strings("except"));
        f.refuseUnknown();
        return d;
    }

    private Publication publication(JsonFields f) throws JsonInputException {
        String proxy = f.string("proxy");
        String server = f.string("server");
        Protocol protocol = f.enumValue("protocol", Protocol.class);
        boolean ssl = f.flag("ssl");
        Optional<Integer> port = f.optInteger("port");
        return new Publication(proxy, server, protocol, ssl, port, finish(f, ObjectKind.PUBLICATION));
    }

    private Firewall firewall(JsonFields f) throws JsonInputException {
        Firewall.Builder b = Firewall.builder(f.string("id"));
        f.optString("name").ifPresent(b::name);
        b.protects(f.strings("protects").toArray(String[]::new));
        if (v2(f, "vendor")) {
            f.optString("vendor").ifPresent(b::vendor);
        }
        if (v2(f, "product")) {
            f.optString("product").ifPresent(b::product);
        }
        if (v2(f, "version")) {
            f.optString("version").ifPresent(b::version);
        }
        if (v2(f, "mode")) {
            f.optEnum("mode", FirewallMode.class).ifPresent(b::mode);
        }
        if (v2(f, "features")) {
            f.enums("features", FirewallFeature.class).forEach(b::feature);
        }
        if (v2(f, "rules")) {
            f.objects("rules", this::rule).forEach(b::rule);
        }
        if (v2(f, "provenance")) {
            provenance(f).forEach(b::provenance);
        }
        return b.extensions(finish(f, ObjectKind.FIREWALL)).build();
    }

    private FlowRule rule(JsonFields f) throws JsonInputException {
        FlowRule r = new FlowRule(
                f.string("from"),
                f.string("to"),
                f.enumValue("protocol", FlowRule.IpProtocol.class),
                f.values("ports", n -> port(f, n)),
                f.optString("note"));
        if (r.ports().isEmpty()) {
            throw f.problem("a rule names the ports it allows ('ports': [25, \"1024-65535\"])");
        }
        f.refuseUnknown();
        return r;
    }

    private PortRange port(JsonFields f, Node n) throws JsonInputException {
        try {
            return n instanceof JsonTree.Num ? PortRange.of(f.toInt(n)) : PortRange.parse(f.text(n));
        } catch (IllegalArgumentException e) {
            throw JsonFields.problem(source, n, e.getMessage());
        }
    }

    private DnsDomain dnsDomain(JsonFields f) throws JsonInputException {
        String name = f.string("name");
        List<MxRecord> mx = f.objects("mx", this::mx);
        boolean own = v2(f, "own") && f.flag("own");
        return new DnsDomain(name, mx, own, finish(f, ObjectKind.DNS_DOMAIN));
    }

    private MxRecord mx(JsonFields f) throws JsonInputException {
        MxRecord r = new MxRecord(f.integer("preference"), f.string("host"));
        f.refuseUnknown();
        return r;
    }

    private DnsServer dnsServer(JsonFields f) throws JsonInputException {
        String id = f.string("id");
        List<String> addresses = f.strings("addresses");
        Optional<String> runsOn = f.optString("runsOn");
        Optional<String> product = f.optString("product");
        Optional<String> productVersion = f.optString("version");
        List<DnsZone> zones = f.objects("zones", this::zone);
        Map<String, Provenance> provenance = provenance(f);
        return new DnsServer(
                id, addresses, runsOn, product, productVersion, zones, provenance, finish(f, ObjectKind.DNS_SERVER));
    }

    private DnsZone zone(JsonFields f) throws JsonInputException {
        String name = f.string("name");
        DnsZone.Role role = f.enumValue("role", DnsZone.Role.class);
        Optional<Node> serialNode = f.node("serial");
        Optional<Long> serial = f.optLong("serial");
        List<String> masters = f.strings("masters");
        f.refuseUnknown();
        try {
            return new DnsZone(name, role, serial, masters);
        } catch (IllegalArgumentException e) {
            throw JsonFields.problem(source, serialNode.orElse(f.node()), e.getMessage());
        }
    }

    private WindowsDomain windowsDomain(JsonFields f) throws JsonInputException {
        String name = f.string("name");
        List<String> controllers = f.strings("controllers");
        List<String> trusts = f.strings("trusts");
        Map<String, Provenance> provenance = provenance(f);
        return new WindowsDomain(name, controllers, trusts, provenance, finish(f, ObjectKind.WINDOWS_DOMAIN));
    }

    private MailHost mailHost(JsonFields f) throws JsonInputException {
        String id = f.string("id");
        String host = f.string("host");
        Optional<String> product = f.optString("product");
        boolean tls = f.flag("requiresTls");
        boolean auth = f.flag("requiresAuth");
        Map<String, Provenance> provenance = provenance(f);
        return new MailHost(id, host, product, tls, auth, provenance, finish(f, ObjectKind.MAIL_HOST));
    }

    private CollectedEvidence collected(JsonFields f) throws JsonInputException {
        CollectedEvidence c = new CollectedEvidence(
                f.string("from"), f.objects("registry", this::registryValue), f.objects("events", this::event));
        f.refuseUnknown();
        return c;
    }

    private RegistryValue registryValue(JsonFields f) throws JsonInputException {
        String key = f.string("key");
        String name = f.optString("name").orElse("");
        RegistryType type = f.enumValue("type", RegistryType.class);
        Node value = f.node("value").orElseThrow(() -> f.problem("missing required field 'value'"));
        List<String> data = switch (type) {
            case DWORD, QWORD -> List.of(Long.toString(f.toLong(value)));
            case SZ, EXPAND_SZ, BINARY -> List.of(f.text(value));
            case MULTI_SZ -> f.strings("value");
        };
        Optional<Provenance> provenance = ownProvenance(f);
        f.refuseUnknown();
        try {
            return new RegistryValue(key, name, type, data, provenance);
        } catch (IllegalArgumentException e) {
            Node at = e.getMessage().contains("root") ? f.node().members().get("key") : value;
            throw JsonFields.problem(source, at, e.getMessage());
        }
    }

    private EventLogEntry event(JsonFields f) throws JsonInputException {
        LocalDateTime time = f.parsed("time", LocalDateTime::parse, "a local time such as 2000-03-14T09:12:44");
        Optional<String> log = f.optString("log");
        String eventSource = f.string("source");
        EventLogEntry.Type type = f.enumValue("type", EventLogEntry.Type.class);
        Optional<String> category = f.optString("category");
        Node idNode = f.node("event").orElseThrow(() -> f.problem("missing required field 'event'"));
        int id = f.toInt(idNode);
        if (id < 0 || id > 65535) {
            throw JsonFields.problem(source, idNode, "an event id is 0 to 65535, got " + id);
        }
        EventLogEntry e = new EventLogEntry(
                time,
                log,
                eventSource,
                type,
                category,
                id,
                f.optString("user"),
                f.optString("computer"),
                f.optString("description").orElse(""),
                ownProvenance(f));
        f.refuseUnknown();
        return e;
    }

    /** For tests: every member name each kind of object asks for. */
    static Map<ObjectKind, Set<String>> core() {
        return CORE;
    }

    static List<String> v1Renamed() {
        return new ArrayList<>(RENAMED.keySet());
    }
}
