package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An Internet protocol of an Exchange server published through a proxy, with or without SSL. The port is
 * the protocol's well-known one unless given.
 *
 * @since 2.0
 */
public record Publication(@JsonProperty(required = true) String proxy,
                          @JsonProperty(required = true) String server,
                          @JsonProperty(required = true) Protocol protocol,
                          boolean ssl,
                          Integer port) {

    public Publication {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(protocol, "protocol");
    }

    public int effectivePort() {
        return port != null ? port : protocol.port(ssl);
    }

    public String describe() {
        return protocol + (ssl ? " over SSL" : "") + " (port " + effectivePort() + ")";
    }
}
