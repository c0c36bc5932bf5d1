package io.kbsh.model.env;

import io.kbsh.model.version.ReleaseLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An Exchange server: its addresses, operating system and Exchange level, cluster membership, Exchange
 * components and the protocols it serves directly, its Windows roles and domain, the DNS servers it uses,
 * the services installed, the WinSock Proxy client and which proxy it uses, Internet Mail Service
 * settings, hotfixes applied (article ids such as {@code Q232588}) and its INI files. Fields that
 * {@code env discover} or {@code env collect} derived name their {@link Provenance}; plugins' fields are in
 * {@link #extensions()}.
 *
 * @param id the id other objects use (usually the computer name)
 * @param site the id of its Exchange site
 * @param addresses its addresses
 * @param os Windows NT or Windows 2000 and the service pack (schema version 1: {@code windowsNt})
 * @param exchange the Exchange Server level
 * @param cluster its cluster membership (in version 1 the flag {@code "clustered": true})
 * @param components the Exchange components it runs
 * @param serves Internet protocols it serves directly, not only through a proxy
 * @param roles Windows roles (domain controller and so on)
 * @param windowsDomain the Windows domain it belongs to ({@code windowsDomains[].name})
 * @param dnsServers the DNS servers it asks, by address (or {@code dnsServers[]} id)
 * @param services Windows services installed
 * @param wspClient the WinSock Proxy client (version 1: {@code winsockProxyClient})
 * @param ims the Internet Mail Service's settings, when described
 * @param hotfixes hotfixes applied, by article
 * @param iniFiles its INI files (with collected copies)
 * @param provenance where derived fields came from, by field name
 * @param extensions plugin-declared fields
 * @since 2.0 (components from {@code os} on: 2.1)
 */
public record Server(
        String id,
        Optional<String> site,
        List<String> addresses,
        Optional<OperatingSystem> os,
        ReleaseLevel exchange,
        Optional<Cluster> cluster,
        Set<Component> components,
        List<ServedProtocol> serves,
        Set<ServerRole> roles,
        Optional<String> windowsDomain,
        List<String> dnsServers,
        List<InstalledService> services,
        Optional<WinsockProxyClient> wspClient,
        Optional<ImsSettings> ims,
        List<String> hotfixes,
        List<IniFile> iniFiles,
        Map<String, Provenance> provenance,
        Extensions extensions) {

    public Server {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(windowsDomain, "windowsDomain");
        Objects.requireNonNull(wspClient, "wspClient");
        Objects.requireNonNull(ims, "ims");
        Objects.requireNonNull(extensions, "extensions");
        addresses = List.copyOf(addresses);
        components = components.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(components));
        serves = List.copyOf(serves);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
        dnsServers = List.copyOf(dnsServers);
        services = List.copyOf(services);
        hotfixes = List.copyOf(hotfixes);
        iniFiles = List.copyOf(iniFiles);
        provenance = Map.copyOf(provenance);
    }

    public boolean has(Component component) {
        return components.contains(component);
    }

    /** True when the server is a cluster node. */
    public boolean clustered() {
        return cluster.isPresent();
    }

    /** True when the WinSock Proxy client is installed. */
    public boolean winsockProxyClient() {
        return wspClient.isPresent();
    }

    /**
     * The Windows NT level, when the server runs Windows NT (not Windows 2000).
     *
     * @since 2.1
     */
    public Optional<ReleaseLevel> windowsNt() {
        return os.filter(OperatingSystem::isWindowsNt).map(OperatingSystem::level);
    }

    /**
     * True when the server serves {@code protocol} directly (with or without SSL).
     *
     * @since 2.1
     */
    public boolean serves(Protocol protocol) {
        return serves.stream().anyMatch(p -> p.protocol() == protocol);
    }

    /**
     * True when the server holds {@code role}.
     *
     * @since 2.1
     */
    public boolean holds(ServerRole role) {
        return roles.contains(role);
    }

    /**
     * The installed service named {@code name} (Windows comparison: without case).
     *
     * @since 2.1
     */
    public Optional<InstalledService> service(String name) {
        for (InstalledService s : services) {
            if (s.is(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the derived field {@code field} came from; empty when a person stated it.
     *
     * @since 2.1
     */
    public Optional<Provenance> provenanceOf(String field) {
        return Optional.ofNullable(provenance.get(field));
    }

    /** The first INI file of this server with the given file name (Windows comparison). */
    public Optional<IniFile> ini(String fileName) {
        for (IniFile f : iniFiles) {
            if (f.named(fileName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** All INI files of this server with the given file name (Windows comparison). */
    public List<IniFile> inis(String fileName) {
        List<IniFile> found = new ArrayList<>();
        for (IniFile f : iniFiles) {
            if (f.named(fileName)) {
                found.add(f);
            }
        }
        return found;
    }

    /** True when a hotfix for {@code article} (e.g. {@code Q232588}) is recorded as applied. */
    public boolean hasHotfix(String article) {
        for (String h : hotfixes) {
            if (h.equalsIgnoreCase(article)) {
                return true;
            }
        }
        return false;
    }

    /** "Internet Mail Connector" on 4.0, "Internet Mail Service" from 5.0 on. */
    public String internetMailName() {
        return "4.0".equals(exchange.release()) ? "Internet Mail Connector" : "Internet Mail Service";
    }

    Server resolvedAgainst(Path base) {
        return toBuilder()
                .iniFiles(iniFiles.stream().map(f -> f.resolvedAgainst(base)).toList())
                .build();
    }

    /**
     * A builder for a server with the given id at the given Exchange level.
     *
     * @since 2.1
     */
    public static Builder builder(String id, ReleaseLevel exchange) {
        return new Builder(id, exchange);
    }

    /**
     * A builder holding this server's values, to derive a changed copy.
     *
     * @since 2.1
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, exchange);
        b.site = site;
        b.addresses.addAll(addresses);
        b.os = os;
        b.cluster = cluster;
        b.components.addAll(components);
        b.serves.addAll(serves);
        b.roles.addAll(roles);
        b.windowsDomain = windowsDomain;
        b.dnsServers.addAll(dnsServers);
        b.services.addAll(services);
        b.wspClient = wspClient;
        b.ims = ims;
        b.hotfixes.addAll(hotfixes);
        b.iniFiles.addAll(iniFiles);
        b.provenance.putAll(provenance);
        b.extensions = extensions;
        return b;
    }

    /**
     * Builds a {@link Server}; lists start empty, optional parts absent.
     *
     * @since 2.1
     */
    public static final class Builder {
        private final String id;
        private final ReleaseLevel exchange;
        private Optional<String> site = Optional.empty();
        private final List<String> addresses = new ArrayList<>();
        private Optional<OperatingSystem> os = Optional.empty();
        private Optional<Cluster> cluster = Optional.empty();
        private final Set<Component> components = EnumSet.noneOf(Component.class);
        private final List<ServedProtocol> serves = new ArrayList<>();
        private final Set<ServerRole> roles = EnumSet.noneOf(ServerRole.class);
        private Optional<String> windowsDomain = Optional.empty();
        private final List<String> dnsServers = new ArrayList<>();
        private final List<InstalledService> services = new ArrayList<>();
        private Optional<WinsockProxyClient> wspClient = Optional.empty();
        private Optional<ImsSettings> ims = Optional.empty();
        private final List<String> hotfixes = new ArrayList<>();
        private final List<IniFile> iniFiles = new ArrayList<>();
        private final Map<String, Provenance> provenance = new LinkedHashMap<>();
        private Extensions extensions = Extensions.none();

        private Builder(String id, ReleaseLevel exchange) {
            this.id = Objects.requireNonNull(id, "id");
            this.exchange = Objects.requireNonNull(exchange, "exchange");
        }

        public Builder site(String siteId) {
            this.site = Optional.of(siteId);
            return this;
        }

        public Builder address(String address) {
            addresses.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        public Builder os(OperatingSystem system) {
            this.os = Optional.of(system);
            return this;
        }

        /** Windows NT at {@code level} (version 1's {@code windowsNt}). */
        public Builder windowsNt(ReleaseLevel level) {
            return os(OperatingSystem.windowsNt(level));
        }

        public Builder cluster(Cluster membership) {
            this.cluster = Optional.of(membership);
            return this;
        }

        /** A cluster node with nothing known about its addresses, or not clustered. */
        public Builder clustered(boolean clustered) {
            this.cluster = clustered ? Optional.of(Cluster.unknown()) : Optional.empty();
            return this;
        }

        public Builder components(Component... components) {
            this.components.addAll(List.of(components));
            return this;
        }

        public Builder serves(ServedProtocol protocol) {
            serves.add(Objects.requireNonNull(protocol, "protocol"));
            return this;
        }

        public Builder role(ServerRole role) {
            roles.add(Objects.requireNonNull(role, "role"));
            return this;
        }

        public Builder windowsDomain(String name) {
            this.windowsDomain = Optional.of(name);
            return this;
        }

        public Builder dnsServer(String address) {
            dnsServers.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        public Builder service(InstalledService service) {
            services.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        public Builder wspClient(WinsockProxyClient client) {
            this.wspClient = Optional.of(client);
            return this;
        }

        /** The WinSock Proxy client installed with nothing known of its configuration, or not installed. */
        public Builder winsockProxyClient(boolean installed) {
            this.wspClient = installed ? Optional.of(WinsockProxyClient.installed()) : Optional.empty();
            return this;
        }

        public Builder ims(ImsSettings settings) {
            this.ims = Optional.of(settings);
            return this;
        }

        /** A hotfix applied, named by its article (e.g. {@code Q232588}). */
        public Builder hotfix(String article) {
            hotfixes.add(Objects.requireNonNull(article, "article"));
            return this;
        }

        public Builder iniFile(IniFile file) {
            iniFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        Builder iniFiles(List<IniFile> files) {
            iniFiles.clear();
            iniFiles.addAll(files);
            return this;
        }

        /** Records where the derived field {@code field} came from. */
        public Builder provenance(String field, Provenance where) {
            provenance.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(where, "where"));
            return this;
        }

        public Builder extensions(Extensions fields) {
            this.extensions = Objects.requireNonNull(fields, "fields");
            return this;
        }

        public Server build() {
            return new Server(
                    id,
                    site,
                    addresses,
                    os,
                    exchange,
                    cluster,
                    components,
                    serves,
                    roles,
                    windowsDomain,
                    dnsServers,
                    services,
                    wspClient,
                    ims,
                    hotfixes,
                    iniFiles,
                    provenance,
                    extensions);
        }
    }
}
