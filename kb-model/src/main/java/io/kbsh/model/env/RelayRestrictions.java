package io.kbsh.model.env;

import java.util.List;

/**
 * The Internet Mail Service's routing restrictions (Exchange 5.5: Routing, "Reroute incoming SMTP mail"
 * and its Routing Restrictions). Who may relay: hosts and clients that authenticate, those from the
 * listed addresses, those connecting to the listed internal addresses. In JSON: {@code "relay":
 * {"rerouting": true, "authenticated": false, "fromAddresses": ["10.0.0.0/255.0.0.0"],
 * "toInternalAddresses": []}}.
 *
 * @param rerouting incoming SMTP mail is rerouted (needed for POP3/IMAP4 clients to send)
 * @param authenticated clients that authenticate may relay
 * @param fromAddresses addresses (address/mask) whose hosts may relay
 * @param toInternalAddresses internal addresses whose connecting hosts may relay
 * @since 2.1
 */
public record RelayRestrictions(
        boolean rerouting, boolean authenticated, List<String> fromAddresses, List<String> toInternalAddresses) {

    public RelayRestrictions {
        fromAddresses = List.copyOf(fromAddresses);
        toInternalAddresses = List.copyOf(toInternalAddresses);
    }

    /** True when rerouting is on and nothing restricts it: anyone may relay (Q193922). */
    public boolean open() {
        return rerouting && !authenticated && fromAddresses.isEmpty() && toInternalAddresses.isEmpty();
    }
}
