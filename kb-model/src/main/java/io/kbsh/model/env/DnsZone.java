package io.kbsh.model.env;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A zone a DNS server holds, as primary or secondary, with its SOA serial when known (Q194129: a serial
 * not raised; Q302639: an NT 4.0 secondary of a BIND primary). In JSON: {@code {"name": "contoso.example",
 * "role": "secondary", "serial": 2000010101, "masters": ["10.0.0.53"]}}.
 *
 * @param name the zone's name
 * @param role primary or secondary
 * @param serial the SOA serial (0 to 4294967295)
 * @param masters for a secondary: the servers it transfers the zone from
 * @since 2.1
 */
public record DnsZone(String name, Role role, Optional<Long> serial, List<String> masters) {

    /**
     * Whether a server holds the master copy of a zone.
     *
     * @since 2.1
     */
    public enum Role {
        PRIMARY,
        SECONDARY
    }

    public DnsZone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(serial, "serial");
        masters = List.copyOf(masters);
        if (serial.isPresent() && (serial.get() < 0 || serial.get() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("an SOA serial is 0 to 4294967295, got " + serial.get());
        }
    }
}
