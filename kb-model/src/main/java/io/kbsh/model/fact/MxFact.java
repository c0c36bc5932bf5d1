package io.kbsh.model.fact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the MX probe found for a mail domain: how the DNS look-up ended ({@code OK}, {@code NXDOMAIN},
 * {@code SERVFAIL}, {@code TIMEOUT}, {@code NULL_MX}, {@code IMPLICIT_MX}), every MX host in the order a
 * sender tries them with what its SMTP probe reached, and the two verdicts Q166604 cares about. {@code
 * hostsNotFollowed} (since 2.1) counts the MX hosts past the probe's cap, which it did not look at.
 *
 * @since 2.0
 */
public record MxFact(String domain, String dnsOutcome, List<Host> hosts, int hostsNotFollowed,
                     boolean fallbackDelivers, boolean firstHostOnlyFails, Instant observedAt) implements Fact {

    /**
     * One address of one MX host, as probed.
     *
     * @since 2.0
     */
    public record Host(String name, int preference, String address, ProbeStatus status, String stage) {
        public Host {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(stage, "stage");
        }
    }

    public MxFact {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(dnsOutcome, "dnsOutcome");
        Objects.requireNonNull(observedAt, "observedAt");
        hosts = List.copyOf(hosts);
        if (hostsNotFollowed < 0) {
            throw new IllegalArgumentException("hostsNotFollowed must not be negative: " + hostsNotFollowed);
        }
    }

    /** A fact about every MX host of the domain (none left unfollowed). */
    public MxFact(String domain, String dnsOutcome, List<Host> hosts, boolean fallbackDelivers,
                  boolean firstHostOnlyFails, Instant observedAt) {
        this(domain, dnsOutcome, hosts, 0, fallbackDelivers, firstHostOnlyFails, observedAt);
    }

    @Override
    public String probe() {
        return "mx";
    }

    @Override
    public String subject() {
        return domain;
    }

    /** True when the first MX host does not accept mail but a later one does: the case Q166604 describes. */
    public boolean firstDownLaterUp() {
        return firstHostOnlyFails && fallbackDelivers;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("mx ").append(domain).append(' ').append(dnsOutcome);
        for (Host h : hosts) {
            sb.append("; ").append(h.preference()).append(' ').append(h.name())
              .append(h.address() == null ? "" : " [" + h.address() + "]")
              .append(' ').append(h.status()).append(", reached ").append(h.stage());
        }
        if (hostsNotFollowed > 0) {
            sb.append("; ").append(hostsNotFollowed).append(" more MX hosts not followed");
        }
        return sb.toString();
    }
}
