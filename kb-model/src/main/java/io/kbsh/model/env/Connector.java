package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A connector of an Exchange server: its type, the transport (X.400 only), the remote MTA host, the
 * destination domains (Internet mail only) and the path it takes: the proxies and firewalls it crosses,
 * by id, in order.
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
}
