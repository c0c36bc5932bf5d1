package io.kbsh.model.env;

import io.kbsh.model.internal.IpNetworks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A flow a firewall allows: from a side to a side, over TCP or UDP, to the listed ports (Q176466 and
 * Q179442 list what each path needs). A side is an object id (a server or proxy), an address or a
 * network (address/prefix, IPv4 or IPv6, or IPv4 address/mask), or {@code any}. In JSON: {@code {"from": "any", "to": "EXCH1", "protocol": "tcp",
 * "ports": [25, "1024-65535"], "note": "SMTP in"}}.
 *
 * @param from where connections come from
 * @param to where they go
 * @param protocol TCP or UDP
 * @param ports the destination ports allowed
 * @param note what the rule is for
 * @since 2.1
 */
public record FlowRule(String from, String to, IpProtocol protocol, List<PortRange> ports, Optional<String> note) {

    /** The side that matches everything. */
    public static final String ANY = "any";

    /**
     * The transport of a flow.
     *
     * @since 2.1
     */
    public enum IpProtocol {
        TCP,
        UDP
    }

    public FlowRule {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(note, "note");
        ports = List.copyOf(ports);
    }

    /**
     * True when this rule admits a connection from {@code source} to {@code destination} over
     * {@code protocol} to {@code port}. A side matches by equal text (ids and names without case), as
     * {@code any}, or, when it is an address or a network ({@code 10.0.0.0/8}, {@code 10.0.0.0/255.0.0.0},
     * {@code fd00::/64}), for every IP literal inside it, IPv4 or IPv6; names are never looked up.
     */
    public boolean allows(String source, String destination, IpProtocol protocol, int port) {
        return this.protocol == protocol
                && side(from, source)
                && side(to, destination)
                && ports.stream().anyMatch(r -> r.contains(port));
    }

    private static boolean side(String rule, String actual) {
        return rule.equalsIgnoreCase(ANY)
                || rule.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT))
                || IpNetworks.contains(rule, actual);
    }
}
