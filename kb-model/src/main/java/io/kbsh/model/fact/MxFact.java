package io.kbsh.model.fact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the MX probe found for a mail domain: how the DNS look-up ended ({@code OK}, {@code NXDOMAIN},
 * {@code SERVFAIL}, {@code TIMEOUT}, {@code NULL_MX}, {@code IMPLICIT_MX}), every MX host in the order a
 * sender tries them with what its SMTP probe reached, and the two verdicts Q166604 cares about. {@code
 * hostsNotFollowed} (since 2.1) counts the MX hosts past the probe's cap, which it did not look at.
 *
 * @since 2.0
 */
public record MxFact(
        String domain,
        String dnsOutcome,
        List<Host> hosts,
        int hostsNotFollowed,
        boolean fallbackDelivers,
        boolean firstHostOnlyFails,
        Instant observedAt)
        implements Fact {

    /**
     * One address of one MX host, as probed: {@code address} is empty when the host name did not resolve.
     *
     * @since 2.0 ({@code address} is {@code Optional} since 2.1)
     */
    public record Host(String name, int preference, Optional<String> address, ProbeStatus status, String stage) {
        public Host {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(stage, "stage");
        }

        /**
         * A host probed at {@code address}.
         *
         * @since 2.1
         */
        public Host(String name, int preference, String address, ProbeStatus status, String stage) {
            this(name, preference, Optional.of(address), status, stage);
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
    public MxFact(
            String domain,
            String dnsOutcome,
            List<Host> hosts,
            boolean fallbackDelivers,
            boolean firstHostOnlyFails,
            Instant observedAt) {
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

    /**
     * What a sender that tries only the first MX host gets. RFC 5321 has senders pick among the hosts of
     * equal preference at random (the probe shuffles them too), so the verdict is taken over every host of
     * the lowest preference, never from the order one probe happened to try them in.
     *
     * @since 2.1
     */
    public enum FirstHostOnly {
        /** Every host of the lowest preference refuses the mail (or there is none): such a sender fails. */
        FAILS,
        /** Every host of the lowest preference accepts it: such a sender delivers. */
        DELIVERS,
        /** Some hosts of the lowest preference accept and some do not: it depends on the sender's pick. */
        INDETERMINATE;

        /** The verdict over {@code hosts}: a host accepts when any of its addresses was probed {@code OK}. */
        public static FirstHostOnly of(List<Host> hosts) {
            int lowest = Integer.MAX_VALUE;
            for (Host h : hosts) {
                lowest = Math.min(lowest, h.preference());
            }
            java.util.Map<String, Boolean> accepts = new java.util.HashMap<>();
            for (Host h : hosts) {
                if (h.preference() == lowest) {
                    accepts.merge(
                            h.name().toLowerCase(java.util.Locale.ROOT),
                            h.status() == ProbeStatus.OK,
                            Boolean::logicalOr);
                }
            }
            if (!accepts.containsValue(true)) {
                return FAILS;
            }
            return accepts.containsValue(false) ? INDETERMINATE : DELIVERS;
        }
    }

    /**
     * {@link FirstHostOnly} over this fact's hosts: the same answer however the probe ordered hosts of
     * equal preference.
     *
     * @since 2.1
     */
    public FirstHostOnly firstHostOnly() {
        return FirstHostOnly.of(hosts);
    }

    /** True when the first MX host does not accept mail but a later one does: the case Q166604 describes. */
    public boolean firstDownLaterUp() {
        return firstHostOnlyFails && fallbackDelivers;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("mx ").append(domain).append(' ').append(dnsOutcome);
        for (Host h : hosts) {
            sb.append("; ")
                    .append(h.preference())
                    .append(' ')
                    .append(h.name())
                    .append(h.address().map(a -> " [" + a + "]").orElse(""))
                    .append(' ')
                    .append(h.status())
                    .append(", reached ")
                    .append(h.stage());
        }
        if (hostsNotFollowed > 0) {
            sb.append("; ").append(hostsNotFollowed).append(" more MX hosts not followed");
        }
        return sb.toString();
    }
}
