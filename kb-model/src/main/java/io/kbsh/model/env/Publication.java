package io.kbsh.model.env;

import java.util.Objects;
import java.util.Optional;

/**
 * An Internet protocol of an Exchange server published through a proxy, with or without SSL. The port is
 * the protocol's well-known one unless given.
 *
 * @param proxy the id of the proxy that publishes it
 * @param server the id of the Exchange server
 * @param protocol the protocol
 * @param ssl over SSL
 * @param port the port when not the well-known one
 * @param extensions plugin-declared fields
 * @since 2.0 ({@code extensions}: 2.1)
 */
public record Publication(
        String proxy, String server, Protocol protocol, boolean ssl, Optional<Integer> port, Extensions extensions) {

    public Publication {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** A publication on the protocol's well-known port. */
    public Publication(String proxy, String server, Protocol protocol, boolean ssl) {
        this(proxy, server, protocol, ssl, Optional.empty(), Extensions.none());
    }

    public int effectivePort() {
        return port.orElse(protocol.port(ssl));
    }

    public String describe() {
        return protocol + (ssl ? " over SSL" : "") + " (port " + effectivePort() + ")";
    }
}
