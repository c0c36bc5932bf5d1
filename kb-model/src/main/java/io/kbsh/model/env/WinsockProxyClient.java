package io.kbsh.model.env;

import java.util.Objects;
import java.util.Optional;

/**
 * The WinSock Proxy client installed on a server, and which proxy it uses: the {@code proxies[]} id when
 * it is described, and the name the client's {@code Mspclnt.ini} gives ({@code [Servers Ip Addresses]
 * Name=}, a NetBIOS name, a DNS name or an address — Q193928 turns on which). In JSON:
 * {@code "wspClient": {"proxy": "px", "configuredName": "PROXY1"}}; version 1's
 * {@code "winsockProxyClient": true} is {@code "wspClient": {}}.
 *
 * @param proxy the id of the proxy server the client uses
 * @param configuredName the proxy as the client's configuration names it
 * @since 2.1
 */
public record WinsockProxyClient(Optional<String> proxy, Optional<String> configuredName) {

    public WinsockProxyClient {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(configuredName, "configuredName");
    }

    /** Installed, with nothing known of its configuration. */
    public static WinsockProxyClient installed() {
        return new WinsockProxyClient(Optional.empty(), Optional.empty());
    }

    /** True when the configured name is an IPv4 address rather than a computer name. */
    public boolean configuredByAddress() {
        return configuredName.map(n -> n.matches("\\d{1,3}(\\.\\d{1,3}){3}")).orElse(false);
    }
}
