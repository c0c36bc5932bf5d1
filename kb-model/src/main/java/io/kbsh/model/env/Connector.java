package io.kbsh.model.env;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector of an Exchange server: its type, the transport (X.400 only), the remote MTA host, the
 * destination domains (Internet mail only) and the path it takes: the proxies and firewalls it crosses,
 * by id, in order. Whether the connector's MTA passwords match the remote side's is kept as a fact
 * ({@code passwordsMatch}; event 48 of Q159182 says they do not) rather than the passwords themselves.
 *
 * @param id the id other objects use
 * @param type the connector type
 * @param server the id of the Exchange server it runs on
 * @param transport the network of an X.400 connector
 * @param remoteMta the remote MTA's (or host's) name or address
 * @param domains the domains an Internet Mail Connector/Service delivers to
 * @param path the proxies and firewalls crossed, by id, in order
 * @param passwordsMatch whether local and remote MTA passwords agree, when known
 * @param provenance where derived fields came from, by field name
 * @param extensions plugin-declared fields
 * @since 2.0 (components from {@code passwordsMatch} on: 2.1)
 */
public record Connector(
        String id,
        ConnectorType type,
        String server,
        Optional<Transport> transport,
        Optional<String> remoteMta,
        List<String> domains,
        List<String> path,
        Optional<Boolean> passwordsMatch,
        Map<String, Provenance> provenance,
        Extensions extensions) {

    public Connector {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remoteMta, "remoteMta");
        Objects.requireNonNull(passwordsMatch, "passwordsMatch");
        Objects.requireNonNull(extensions, "extensions");
        domains = List.copyOf(domains);
        path = List.copyOf(path);
        provenance = Map.copyOf(provenance);
    }

    /**
     * True when this connector runs over {@code network} (an X.400 connector's transport).
     *
     * @since 2.1
     */
    public boolean over(Transport network) {
        return transport.map(t -> t == network).orElse(false);
    }

    /** A label such as {@code X.400 Connector over TCP/IP 'x1'}. */
    public String describe() {
        return type.label() + transport.map(t -> " over " + t.label()).orElse("") + " '" + id + "'";
    }

    /**
     * A builder for a connector of the given type on the given server.
     *
     * @since 2.1
     */
    public static Builder builder(String id, ConnectorType type, String server) {
        return new Builder(id, type, server);
    }

    /**
     * Builds a {@link Connector}; domains and path start empty.
     *
     * @since 2.1
     */
    public static final class Builder {
        private final String id;
        private final ConnectorType type;
        private final String server;
        private Optional<Transport> transport = Optional.empty();
        private Optional<String> remoteMta = Optional.empty();
        private final List<String> domains = new java.util.ArrayList<>();
        private final List<String> path = new java.util.ArrayList<>();
        private Optional<Boolean> passwordsMatch = Optional.empty();
        private final Map<String, Provenance> provenance = new LinkedHashMap<>();
        private Extensions extensions = Extensions.none();

        private Builder(String id, ConnectorType type, String server) {
            this.id = Objects.requireNonNull(id, "id");
            this.type = Objects.requireNonNull(type, "type");
            this.server = Objects.requireNonNull(server, "server");
        }

        public Builder transport(Transport network) {
            this.transport = Optional.of(network);
            return this;
        }

        public Builder remoteMta(String host) {
            this.remoteMta = Optional.of(host);
            return this;
        }

        public Builder domain(String domain) {
            domains.add(Objects.requireNonNull(domain, "domain"));
            return this;
        }

        /** The proxies and firewalls the connector crosses, by id, in order. */
        public Builder path(String... hops) {
            path.addAll(List.of(hops));
            return this;
        }

        public Builder passwordsMatch(boolean match) {
            this.passwordsMatch = Optional.of(match);
            return this;
        }

        public Builder provenance(String field, Provenance where) {
            provenance.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(where, "where"));
            return this;
        }

        public Builder extensions(Extensions fields) {
            this.extensions = Objects.requireNonNull(fields, "fields");
            return this;
        }

        public Connector build() {
            return new Connector(
                    id, type, server, transport, remoteMta, domains, path, passwordsMatch, provenance, extensions);
        }
    }
}
