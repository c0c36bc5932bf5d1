package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A described (or probed) site: the organisation, its sites, Exchange servers, connectors, proxy servers,
 * publications through proxies, firewalls and DNS mail domains. Read one with {@link EnvironmentReader}.
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

    public Optional<Server> server(String id) {
        return servers.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<ProxyServer> proxy(String id) {
        return proxies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Firewall> firewall(String id) {
        return firewalls.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<DnsDomain> domain(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return domains.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public List<Connector> connectorsOf(Server server) {
        return connectors.stream().filter(c -> c.server().equals(server.id())).toList();
    }

    public List<Publication> publicationsOf(Server server) {
        return publications.stream().filter(p -> p.server().equals(server.id())).toList();
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
        return firewalls.stream().filter(f -> f.protects().contains(server.id())).toList();
    }

    /** This environment with every collected INI copy resolved against {@code base} (the JSON file's directory). */
    public Environment resolvedAgainst(Path base) {
        Objects.requireNonNull(base, "base");
        return new Environment(schemaVersion, organisation, sites,
                servers.stream().map(s -> s.resolvedAgainst(base)).toList(),
                connectors, proxies, publications, firewalls, domains);
    }
}
