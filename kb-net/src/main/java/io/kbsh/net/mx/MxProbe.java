package io.kbsh.net.mx;

import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.dns.DnsException;
import io.kbsh.net.dns.DnsOutcome;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.dns.MxAnswer;
import io.kbsh.net.dns.MxRecord;
import io.kbsh.net.mail.SmtpProbe;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeRequest;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TlsMode;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * Looks up a domain's MX records through the configured resolver and probes SMTP on every address of every
 * MX host ({@link ProbeOptions#smtpPort()}), in the order a sender tries them: by preference, hosts of
 * equal preference shuffled (RFC 5321 5.1), the domain itself when it has no MX. STARTTLS is tried when
 * offered, as senders do. The SMTP probes run concurrently; the order is kept in the report.
 */
public final class MxProbe {

    private final Random random;
    private final ProbeRunner runner;

    public MxProbe() {
        this(new Random(), ProbeRunner.defaults());
    }

    /** {@code random} shuffles hosts of equal preference; {@code runner} runs the SMTP probes. */
    public MxProbe(Random random, ProbeRunner runner) {
        this.random = Objects.requireNonNull(random, "random");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Checks {@code domain}. An interrupt of the calling thread cancels the probes (they come back {@code
     * CANCELLED}) and stays set.
     */
    public MxReport check(String domain, ProbeOptions options) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Instant deadline = started.plus(options.deadline());
        DnsResolver resolver = options.dnsServer() == null ? DnsResolver.system(options.dnsTimeout())
                : DnsResolver.at(options.dnsServer(), options.dnsTimeout());
        MxAnswer answer;
        try {
            answer = resolver.mx(domain);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return MxReport.of(domain, DnsOutcome.ERROR, "cancelled", List.of(), elapsed(t0), started);
        }
        if (answer.outcome() != DnsOutcome.OK && answer.outcome() != DnsOutcome.IMPLICIT_MX) {
            return MxReport.of(answer.domain(), answer.outcome(), answer.detail(), List.of(), elapsed(t0), started);
        }
        ProbeOptions smtp = options.withTls(TlsMode.OPPORTUNISTIC);
        List<Slot> slots = new ArrayList<>();
        List<ProbeRequest> requests = new ArrayList<>();
        SmtpProbe probe = new SmtpProbe();
        for (MxRecord mx : senderOrder(answer.records())) {
            try {
                for (InetAddress address : resolver.addresses(mx.host())) {
                    slots.add(new Slot(mx, address.getHostAddress(), requests.size(), null));
                    requests.add(new ProbeRequest(probe, new ProbeTarget(address.getHostAddress(),
                            options.smtpPort()), smtp.withTlsName(mx.host())));
                }
            } catch (DnsException e) {
                slots.add(new Slot(mx, null, -1, e.getMessage()));
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                slots.add(new Slot(mx, null, -1, "cancelled"));
                break;
            }
        }
        List<ProbeResult> results = Thread.currentThread().isInterrupted() ? List.of()
                : runner.run(requests, deadline);
        List<MxHost> hosts = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.request < 0) {
                hosts.add(new MxHost(slot.mx.host(), slot.mx.preference(), null,
                        slot.dnsError.equals("cancelled") ? ProbeStatus.CANCELLED : ProbeStatus.DNS_ERROR, "none",
                        detail(slot.dnsError)));
            } else if (slot.request < results.size()) {
                ProbeResult r = results.get(slot.request);
                hosts.add(new MxHost(slot.mx.host(), slot.mx.preference(), slot.address, r.status(), r.stage(),
                        r.evidence()));
            } else {
                hosts.add(new MxHost(slot.mx.host(), slot.mx.preference(), slot.address, ProbeStatus.CANCELLED,
                        "none", detail("cancelled")));
            }
        }
        return MxReport.of(answer.domain(), answer.outcome(), answer.detail(), hosts, elapsed(t0), started);
    }

    /** By preference; hosts of equal preference in random order. */
    List<MxRecord> senderOrder(List<MxRecord> records) {
        TreeMap<Integer, List<MxRecord>> byPreference = new TreeMap<>();
        for (MxRecord r : records) {
            byPreference.computeIfAbsent(r.preference(), p -> new ArrayList<>()).add(r);
        }
        List<MxRecord> ordered = new ArrayList<>();
        for (List<MxRecord> same : byPreference.values()) {
            Collections.shuffle(same, random);
            ordered.addAll(same);
        }
        return ordered;
    }

    private static Evidence detail(String why) {
        return Evidence.builder().text(EvidenceKeys.DETAIL, why).build();
    }

    private static Duration elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private record Slot(MxRecord mx, String address, int request, String dnsError) {
    }
}
