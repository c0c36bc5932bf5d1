package io.kbsh.net.lookup;

import io.kbsh.model.fact.PtrFact;
import io.kbsh.net.dns.DnsException;
import io.kbsh.net.dns.DnsOutcome;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.probe.ProbeOptions;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reverse look-up (PTR) of an address through the options' DNS server, each name it gives looked up
 * forward again to see whether it comes back to the address. The options' deadline covers every query, the
 * DNS time-out each one; at most {@value #MAX_NAMES} names are followed forward.
 *
 * @since 2.1
 */
public final class PtrProbe {

    static final int MAX_NAMES = 8;

    /** Looks {@code address} (an IPv4 or IPv6 literal) up; an {@link IllegalArgumentException} for anything else. */
    public PtrFact check(String address, ProbeOptions options) {
        Optional<InetAddress> literal = DnsResolver.literal(address);
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("a reverse look-up takes an IP address, got '" + address + "'");
        }
        Instant started = Instant.now();
        String shown = literal.get().getHostAddress();
        DnsResolver resolver = resolver(options).within(options.deadline());
        List<String> names;
        try {
            names = resolver.ptr(literal.get());
        } catch (DnsException e) {
            return new PtrFact(shown, e.outcome().name(), List.of(), List.of(), e.getMessage(), started);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return new PtrFact(shown, DnsOutcome.ERROR.name(), List.of(), List.of(), "cancelled", started);
        }
        List<String> confirmed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : names.subList(0, Math.min(MAX_NAMES, names.size()))) {
            try {
                if (resolver.addresses(name).contains(literal.get())) {
                    confirmed.add(name);
                }
            } catch (DnsException e) {
                notes.add(name + ": " + e.getMessage());
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                notes.add("cancelled");
                break;
            }
        }
        if (names.size() > MAX_NAMES) {
            notes.add((names.size() - MAX_NAMES) + " more names not looked up forward");
        }
        return new PtrFact(shown, DnsOutcome.OK.name(), names, confirmed, String.join("; ", notes), started);
    }

    static DnsResolver resolver(ProbeOptions options) {
        Duration t = options.dnsTimeout();
        return options.dnsServer().map(server -> DnsResolver.at(server, t)).orElseGet(() -> DnsResolver.system(t));
    }
}
