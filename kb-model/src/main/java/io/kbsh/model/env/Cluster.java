package io.kbsh.model.env;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server's membership of a Microsoft Cluster Server cluster: the node's own addresses and the virtual
 * server's, which clients and firewalls are meant to see (Q266250: a clustered IMS that sends from the
 * node address while the firewall admits only the virtual one). In JSON: {@code "cluster":
 * {"virtualServer": "EXVS1", "nodeAddresses": ["10.0.0.11"], "virtualAddresses": ["10.0.0.10"]}}; an
 * empty object says only that the server is clustered (what version 1's {@code "clustered": true} says).
 *
 * @param virtualServer the virtual server's network name
 * @param nodeAddresses the node's own addresses
 * @param virtualAddresses the virtual server's addresses
 * @since 2.1
 */
public record Cluster(Optional<String> virtualServer, List<String> nodeAddresses, List<String> virtualAddresses) {

    public Cluster {
        Objects.requireNonNull(virtualServer, "virtualServer");
        nodeAddresses = List.copyOf(nodeAddresses);
        virtualAddresses = List.copyOf(virtualAddresses);
    }

    /** A cluster membership with nothing known about its addresses. */
    public static Cluster unknown() {
        return new Cluster(Optional.empty(), List.of(), List.of());
    }
}
