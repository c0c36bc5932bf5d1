package io.kbsh.model.env;

import java.util.Objects;
import java.util.Optional;

/**
 * An Internet protocol a server serves directly (not only through a proxy's publication), with or without
 * SSL, on its well-known port unless given. In JSON: {@code {"protocol": "imap4", "ssl": true}}.
 *
 * @param protocol the protocol
 * @param ssl over SSL (for SMTP: STARTTLS offered)
 * @param port the port when it is not the protocol's well-known one
 * @since 2.1
 */
public record ServedProtocol(Protocol protocol, boolean ssl, Optional<Integer> port) {

    public ServedProtocol {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(port, "port");
    }

    public int effectivePort() {
        return port.orElse(protocol.port(ssl));
    }

    public String describe() {
        return protocol + (ssl ? " over SSL" : "") + " (port " + effectivePort() + ")";
    }
}
