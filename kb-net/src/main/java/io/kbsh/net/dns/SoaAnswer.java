package io.kbsh.net.dns;

import java.util.Objects;

/**
 * A zone's SOA record as one server gave it: the zone, its primary server (MNAME), the contact (RNAME, the
 * mailbox with its first dot for the {@code @}), the serial, and whether the answer carried authority.
 *
 * @since 2.1
 */
public record SoaAnswer(String zone, String primary, String contact, long serial, boolean authoritative) {

    public SoaAnswer {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(contact, "contact");
    }
}
