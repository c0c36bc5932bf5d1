package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A described (or probed) site: the organisation, its sites, Exchange servers, connectors, proxy servers,
 * publications through proxies, firewalls and DNS mail domains. Build one with its builders; the shell reads environment files.
 *
 * @since 2.0
 */
public record Environment(@JsonProperty(required = true) int schemaVersion,
                          String organisation,
                          List<Site> sites,
                          List<Server> servers,
                          List<Connector> connectors,
                          List<ProxyServer> proxies,
                          List<Publication> publications,
                          List<Firewall> firewalls,
                          List<DnsDomain> domains) {

    /** The schema version this kbsh reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public Environment {
        organisation = organisation == null ? "" : organisation;
        sites = copy(sites);
        servers = copy(servers);
        connectors = copy(connectors);
        proxies = copy(proxies);
        publications = copy(publications);
        firewalls = copy(firewalls);
        domains = copy(domains);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
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

    /** This environment with every collected INI copy resolved against {@code base} (the JSON file's directory). */
    public Environment resolvedAgainst(Path base) {
        Objects.requireNonNull(base, "base");
        return new Environment(schemaVersion, organisation, sites,
                servers.stream().map(s -> s.resolvedAgainst(base)).toList(),
                connectors, proxies, publications, firewalls, domains);
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

        private Builder() {
        }

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

        public Environment build() {
            return new Environment(SCHEMA_VERSION, organisation, sites, servers, connectors, proxies, publications, firewalls, domains);
        }
    }
}
