package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A connector of an Exchange server: its type, the transport (X.400 only), the remote MTA host, the
 * destination domains (Internet mail only) and the path it takes: the proxies and firewalls it crosses,
 * by id, in order.
 *
 * @since 2.0
 */
public record Connector(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) ConnectorType type,
                        @JsonProperty(required = true) String server,
                        Transport transport,
                        String remoteMta,
                        List<String> domains,
                        List<String> path) {

    public Connector {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(server, "server");
        domains = domains == null ? List.of() : List.copyOf(domains);
        path = path == null ? List.of() : List.copyOf(path);
    }

    /** A label such as {@code X.400 Connector over TCP/IP}. */
    public String describe() {
        return type.label() + (transport == null ? "" : " over " + transport.label()) + " '" + id + "'";
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
        private Transport transport;
        private String remoteMta;
        private final List<String> domains = new java.util.ArrayList<>();
        private final List<String> path = new java.util.ArrayList<>();

        private Builder(String id, ConnectorType type, String server) {
            this.id = Objects.requireNonNull(id, "id");
            this.type = Objects.requireNonNull(type, "type");
            this.server = Objects.requireNonNull(server, "server");
        }

        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        public Builder remoteMta(String host) {
            this.remoteMta = Objects.requireNonNull(host, "host");
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

        public Connector build() {
            return new Connector(id, type, server, transport, remoteMta, domains, path);
        }
    }
}
