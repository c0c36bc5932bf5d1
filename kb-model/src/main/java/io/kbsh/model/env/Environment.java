package io.kbsh.model.env;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A described (or discovered, or collected) site: the organisation, its sites, Exchange servers,
 * connectors, proxy servers, publications through proxies, firewalls, DNS mail domains (the site's own and
 * remote ones), DNS servers, Windows domains and trusts, other mail hosts, and what was collected from each
 * computer (registry values, event-log entries). kb-shell's {@code EnvironmentReader} reads schema
 * versions 1 and 2 into this one model; {@link #schemaVersion()} says which the file was.
 *
 * @param schemaVersion the schema version of the file it was read from ({@link #SCHEMA_VERSION} when built)
 * @param organisation the organisation's name ({@code ""} when not given)
 * @param sites Exchange sites
 * @param servers Exchange servers
 * @param connectors connectors of the servers
 * @param proxies Proxy Servers
 * @param publications protocols published through proxies
 * @param firewalls firewalls
 * @param domains DNS mail domains with their MX records
 * @param dnsServers DNS servers with their zones
 * @param windowsDomains Windows domains and their trusts
 * @param mailHosts SMTP hosts that are not the organisation's Exchange servers (smart hosts, relays)
 * @param collected registry values and event-log entries, by computer
 * @param extensions plugin-declared fields of the document
 * @since 2.0 (components from {@code dnsServers} on: 2.1)
 */
public record Environment(
        int schemaVersion,
        String organisation,
        List<Site> sites,
        List<Server> servers,
        List<Connector> connectors,
        List<ProxyServer> proxies,
        List<Publication> publications,
        List<Firewall> firewalls,
        List<DnsDomain> domains,
        List<DnsServer> dnsServers,
        List<WindowsDomain> windowsDomains,
        List<MailHost> mailHosts,
        List<CollectedEvidence> collected,
        Extensions extensions) {

    /** The schema version this kbsh writes (it reads 1 and 2). */
    public static final int SCHEMA_VERSION = 2;

    public Environment {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(extensions, "extensions");
        sites = List.copyOf(sites);
        servers = List.copyOf(servers);
        connectors = List.copyOf(connectors);
        proxies = List.copyOf(proxies);
        publications = List.copyOf(publications);
        firewalls = List.copyOf(firewalls);
        domains = List.copyOf(domains);
        dnsServers = List.copyOf(dnsServers);
        windowsDomains = List.copyOf(windowsDomains);
        mailHosts = List.copyOf(mailHosts);
        collected = List.copyOf(collected);
    }

    // Look-ups are plain loops: environments are small, and checks call these for every object of
    // every environment (bench/checks.sh runs 10,000 environments).

    public Optional<Server> server(String id) {
        for (Server s : servers) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public Optional<ProxyServer> proxy(String id) {
        for (ProxyServer p : proxies) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<Firewall> firewall(String id) {
        for (Firewall f : firewalls) {
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public Optional<DnsDomain> domain(String name) {
        for (DnsDomain d : domains) {
            if (d.name().equalsIgnoreCase(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public List<Connector> connectorsOf(Server server) {
        List<Connector> found = new ArrayList<>();
        for (Connector c : connectors) {
            if (c.server().equals(server.id())) {
                found.add(c);
            }
        }
        return found;
    }

    public List<Publication> publicationsOf(Server server) {
        List<Publication> found = new ArrayList<>();
        for (Publication p : publications) {
            if (p.server().equals(server.id())) {
                found.add(p);
            }
        }
        return found;
    }

    /** The proxy servers a connector's path crosses, in order. */
    public List<ProxyServer> proxiesOnPath(Connector connector) {
        List<ProxyServer> found = new ArrayList<>();
        for (String hop : connector.path()) {
            proxy(hop).ifPresent(found::add);
        }
        return found;
    }

    /** The firewalls a connector's path crosses, in order. */
    public List<Firewall> firewallsOnPath(Connector connector) {
        List<Firewall> found = new ArrayList<>();
        for (String hop : connector.path()) {
            firewall(hop).ifPresent(found::add);
        }
        return found;
    }

    /** Firewalls that list the server as behind them. */
    public List<Firewall> firewallsProtecting(Server server) {
        List<Firewall> found = new ArrayList<>();
        for (Firewall f : firewalls) {
            if (f.protects().contains(server.id())) {
                found.add(f);
            }
        }
        return found;
    }

    /**
     * The site's own mail domains.
     *
     * @since 2.1
     */
    public List<DnsDomain> ownDomains() {
        List<DnsDomain> found = new ArrayList<>();
        for (DnsDomain d : domains) {
            if (d.own()) {
                found.add(d);
            }
        }
        return found;
    }

    /**
     * The DNS server with id {@code id}.
     *
     * @since 2.1
     */
    public Optional<DnsServer> dnsServer(String id) {
        for (DnsServer d : dnsServers) {
            if (d.id().equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The Windows domain named {@code name} (without case).
     *
     * @since 2.1
     */
    public Optional<WindowsDomain> windowsDomain(String name) {
        for (WindowsDomain d : windowsDomains) {
            if (d.name().equalsIgnoreCase(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The mail host with id {@code id}, or whose host is {@code id} (without case).
     *
     * @since 2.1
     */
    public Optional<MailHost> mailHost(String id) {
        for (MailHost m : mailHosts) {
            if (m.id().equals(id) || m.host().equalsIgnoreCase(id)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * What was collected from the server or proxy {@code id}; empty evidence when nothing was.
     *
     * @since 2.1
     */
    public CollectedEvidence collectedFrom(String id) {
        for (CollectedEvidence c : collected) {
            if (c.from().equals(id)) {
                return c;
            }
        }
        return new CollectedEvidence(id, List.of(), List.of());
    }

    /** This environment with every collected INI copy resolved against {@code base} (the JSON file's directory). */
    public Environment resolvedAgainst(Path base) {
        Objects.requireNonNull(base, "base");
        return new Environment(
                schemaVersion,
                organisation,
                sites,
                servers.stream().map(s -> s.resolvedAgainst(base)).toList(),
                connectors,
                proxies,
                publications,
                firewalls,
                domains,
                dnsServers,
                windowsDomains,
                mailHosts,
                collected,
                extensions);
    }

    /**
     * A builder for environments made in code (probe results, collected files, tests); absent parts are empty.
     *
     * @since 2.1
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link Environment} of the current schema version one object at a time.
     *
     * @since 2.1
     */
    public static final class Builder {
        private String organisation = "";
        private final List<Site> sites = new ArrayList<>();
        private final List<Server> servers = new ArrayList<>();
        private final List<Connector> connectors = new ArrayList<>();
        private final List<ProxyServer> proxies = new ArrayList<>();
        private final List<Publication> publications = new ArrayList<>();
        private final List<Firewall> firewalls = new ArrayList<>();
        private final List<DnsDomain> domains = new ArrayList<>();
        private final List<DnsServer> dnsServers = new ArrayList<>();
        private final List<WindowsDomain> windowsDomains = new ArrayList<>();
        private final List<MailHost> mailHosts = new ArrayList<>();
        private final List<CollectedEvidence> collected = new ArrayList<>();
        private Extensions extensions = Extensions.none();

        private Builder() {}

        public Builder organisation(String name) {
            this.organisation = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder site(Site site) {
            sites.add(Objects.requireNonNull(site, "site"));
            return this;
        }

        public Builder server(Server server) {
            servers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        public Builder connector(Connector connector) {
            connectors.add(Objects.requireNonNull(connector, "connector"));
            return this;
        }

        public Builder proxy(ProxyServer proxy) {
            proxies.add(Objects.requireNonNull(proxy, "proxy"));
            return this;
        }

        public Builder publication(Publication publication) {
            publications.add(Objects.requireNonNull(publication, "publication"));
            return this;
        }

        public Builder firewall(Firewall firewall) {
            firewalls.add(Objects.requireNonNull(firewall, "firewall"));
            return this;
        }

        public Builder domain(DnsDomain domain) {
            domains.add(Objects.requireNonNull(domain, "domain"));
            return this;
        }

        public Builder dnsServer(DnsServer server) {
            dnsServers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        public Builder windowsDomain(WindowsDomain domain) {
            windowsDomains.add(Objects.requireNonNull(domain, "domain"));
            return this;
        }

        public Builder mailHost(MailHost host) {
            mailHosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        /** Evidence collected from one computer; evidence for the same computer is merged. */
        public Builder collected(CollectedEvidence evidence) {
            Objects.requireNonNull(evidence, "evidence");
            for (int i = 0; i < collected.size(); i++) {
                CollectedEvidence c = collected.get(i);
                if (c.from().equals(evidence.from())) {
                    List<RegistryValue> registry = new ArrayList<>(c.registry());
                    registry.addAll(evidence.registry());
                    List<EventLogEntry> events = new ArrayList<>(c.events());
                    events.addAll(evidence.events());
                    collected.set(i, new CollectedEvidence(c.from(), registry, events));
                    return this;
                }
            }
            collected.add(evidence);
            return this;
        }

        public Builder extensions(Extensions fields) {
            this.extensions = Objects.requireNonNull(fields, "fields");
            return this;
        }

        public Environment build() {
            return new Environment(
                    SCHEMA_VERSION,
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
                    extensions);
        }
    }
}
