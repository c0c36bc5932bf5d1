package io.kbsh.model.env;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Internet Mail Service settings the articles turn on. Absent values are unknown (not "off"), so a
 * check can tell "not described" from "disabled". In JSON, on a server: {@code "ims": {"reverseLookup":
 * true, "relay": {...}, "tlsDomains": ["partner.example"], "smartHost": "relay.isp.example"}}.
 *
 * @param reverseLookup whether the IMS looks up the sender's host name for incoming connections
 * @param relay the routing (relay) restrictions (Q193922, Q196626)
 * @param tlsDomains the domains the IMS sends to with TLS (Q260065, Q255753)
 * @param smartHost the host all outgoing mail is forwarded to, when set (Q279214)
 * @since 2.1
 */
public record ImsSettings(
        Optional<Boolean> reverseLookup,
        Optional<RelayRestrictions> relay,
        List<String> tlsDomains,
        Optional<String> smartHost) {

    public ImsSettings {
        Objects.requireNonNull(reverseLookup, "reverseLookup");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(smartHost, "smartHost");
        tlsDomains = List.copyOf(tlsDomains);
    }

    /** Nothing known. */
    public static ImsSettings unknown() {
        return new ImsSettings(Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** True when mail to {@code domain} is sent with TLS (names compare without case). */
    public boolean tlsTo(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return tlsDomains.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(d));
    }
}
