package io.kbsh.net.probe;

import java.util.Objects;

/**
 * The host (a name or an address literal; an IPv6 literal without its brackets) and TCP port a probe talks to.
 *
 * @since 2.0
 */
public record ProbeTarget(String host, int port) {

    public ProbeTarget {
        Objects.requireNonNull(host, "host");
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // [::1] as typed; toString adds the brackets back
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static ProbeTarget of(String host, int port) {
        return new ProbeTarget(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
