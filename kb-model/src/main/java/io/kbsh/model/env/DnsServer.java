package io.kbsh.model.env;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DNS server of the site: its addresses, the computer it runs on when that is described, its product
 * and version ({@code Microsoft DNS} on NT 4.0, {@code BIND 9.1}), and its zones. In JSON, under
 * {@code dnsServers}: {@code {"id": "ns1", "addresses": ["10.0.0.53"], "product": "BIND", "version":
 * "9.1.3", "zones": [...]}}.
 *
 * @param id the id other objects use
 * @param addresses where it answers
 * @param runsOn the id of the server it runs on
 * @param product the DNS software
 * @param version its version, as the product states it
 * @param zones the zones it holds
 * @param provenance where derived fields came from, by field name
 * @param extensions plugin-declared fields
 * @since 2.1
 */
public record DnsServer(
        String id,
        List<String> addresses,
        Optional<String> runsOn,
        Optional<String> product,
        Optional<String> version,
        List<DnsZone> zones,
        Map<String, Provenance> provenance,
        Extensions extensions) {

    public DnsServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runsOn, "runsOn");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(extensions, "extensions");
        addresses = List.copyOf(addresses);
        zones = List.copyOf(zones);
        provenance = Map.copyOf(provenance);
    }

    /** The zone named {@code name} (without case), if this server holds it. */
    public Optional<DnsZone> zone(String name) {
        for (DnsZone z : zones) {
            if (z.name().equalsIgnoreCase(name)) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }
}
