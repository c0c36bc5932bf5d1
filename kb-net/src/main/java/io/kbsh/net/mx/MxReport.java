package io.kbsh.net.mx;

import io.kbsh.model.fact.MxFact;
import io.kbsh.net.dns.DnsOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the MX probe found for a domain: how the DNS look-up ended, every address of every MX host in the
 * order a sender tries them, and the two verdicts of Q166604 — {@code fallbackDelivers}: a sender that
 * tries the hosts in order until one takes the mail delivers; {@code firstHostOnlyFails}: a sender that
 * tries only the first MX host (every address of it) fails — whichever host of the lowest preference it picks, so
 * the verdict does not depend on the order the probe shuffled equal preferences into ({@link #firstHostOnly()}
 * says when the pick decides). A null MX, NXDOMAIN, SERVFAIL or DNS time-out
 * has no hosts: nothing delivers, so the first verdict is false and the second true. {@code hostsNotFollowed}
 * counts the MX hosts past the probe's cap ({@link MxProbe#maxHosts()}), which it did not look at.
 *
 * @since 2.0
 */
public record MxReport(
        String domain,
        DnsOutcome dnsOutcome,
        String dnsDetail,
        List<MxHost> hosts,
        int hostsNotFollowed,
        boolean fallbackDelivers,
        boolean firstHostOnlyFails,
        Duration latency,
        Instant observedAt) {

    public MxReport {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(dnsOutcome, "dnsOutcome");
        Objects.requireNonNull(dnsDetail, "dnsDetail");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(observedAt, "observedAt");
        hosts = List.copyOf(hosts);
        if (hostsNotFollowed < 0) {
            throw new IllegalArgumentException("hostsNotFollowed must not be negative: " + hostsNotFollowed);
        }
    }

    /** Builds the report and its verdicts from the hosts in sender order. */
    static MxReport of(
            String domain,
            DnsOutcome outcome,
            String detail,
            List<MxHost> hosts,
            int notFollowed,
            Duration latency,
            Instant observedAt) {
        boolean fallback = hosts.stream().anyMatch(MxHost::accepts);
        // Over every host of the lowest preference, not the one the shuffle put first: the same hosts give
        // the same verdict on every run (Q166604).
        boolean firstFails = firstHostOnly(hosts) == MxFact.FirstHostOnly.FAILS;
        return new MxReport(domain, outcome, detail, hosts, notFollowed, fallback, firstFails, latency, observedAt);
    }

    private static MxFact.FirstHostOnly firstHostOnly(List<MxHost> hosts) {
        return MxFact.FirstHostOnly.of(hosts.stream().map(MxHost::toFactHost).toList());
    }

    /**
     * What a sender that tries only the first MX host gets, over every host of the lowest preference:
     * {@code INDETERMINATE} when some of them accept and some do not. {@link #firstHostOnlyFails()} is true
     * only for {@code FAILS}.
     *
     * @since 2.1
     */
    public MxFact.FirstHostOnly firstHostOnly() {
        return firstHostOnly(hosts);
    }

    /** The typed fact checks consume. */
    public MxFact toFact() {
        return new MxFact(
                domain,
                dnsOutcome.name(),
                hosts.stream().map(MxHost::toFactHost).toList(),
                hostsNotFollowed,
                fallbackDelivers,
                firstHostOnlyFails,
                observedAt);
    }
}
