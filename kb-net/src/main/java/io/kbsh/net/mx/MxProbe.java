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
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks up a domain's MX records through the configured resolver and probes SMTP on every address of every
 * MX host ({@link ProbeOptions#smtpPort()}), in the order a sender tries them: by preference, hosts of
 * equal preference shuffled (RFC 5321 5.1), the domain itself when it has no MX. STARTTLS is tried when
 * offered, as senders do. The SMTP probes run concurrently; the order is kept in the report.
 *
 * <p>One absolute deadline ({@link ProbeOptions#deadline()}) covers everything: the MX query, the address
 * look-ups of the hosts (several at once, each query bounded by the DNS time-out and by what is left) and the
 * SMTP probes. At most {@link #maxHosts()} MX hosts are followed, as senders cap them too; the report says
 * how many more the domain names ({@link MxReport#hostsNotFollowed()}).
 *
 * <p>Thread safety: safe to share when its {@link java.util.Random} and {@link ProbeRunner} are (the
 * defaults are); each {@link #check} is independent.
 *
 * @since 2.0
 */
public final class MxProbe {

    /** MX hosts followed unless told otherwise: more than any sender tries. */
    public static final int DEFAULT_MAX_HOSTS = 20;
    /** Address look-ups in flight at once. */
    private static final int LOOKUPS_IN_FLIGHT = 8;

    private final Random random;
    private final ProbeRunner runner;
    private final int maxHosts;

    public MxProbe() {
        this(new Random(), ProbeRunner.defaults());
    }

    /** {@code random} shuffles hosts of equal preference; {@code runner} runs the SMTP probes. */
    public MxProbe(Random random, ProbeRunner runner) {
        this(random, runner, DEFAULT_MAX_HOSTS);
    }

    /**
     * As {@link #MxProbe(Random, ProbeRunner)}, following at most {@code maxHosts} MX hosts.
     *
     * @since 2.1
     */
    public MxProbe(Random random, ProbeRunner runner, int maxHosts) {
        this.random = Objects.requireNonNull(random, "random");
        this.runner = Objects.requireNonNull(runner, "runner");
        if (maxHosts < 1) {
            throw new IllegalArgumentException("maxHosts must be at least 1: " + maxHosts);
        }
        this.maxHosts = maxHosts;
    }

    /**
     * How many MX hosts a check follows at most.
     *
     * @since 2.1
     */
    public int maxHosts() {
        return maxHosts;
    }

    /**
     * Checks {@code domain}. An interrupt of the calling thread cancels the probes (they come back {@code
     * CANCELLED}) and stays set.
     */
    public MxReport check(String domain, ProbeOptions options) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        long end = t0 + options.deadline().toNanos();
        Instant deadline = started.plus(options.deadline());
        DnsResolver base = options.dnsServer()
                .map(server -> DnsResolver.at(server, options.dnsTimeout()))
                .orElseGet(() -> DnsResolver.system(options.dnsTimeout()));
        MxAnswer answer;
        try {
            answer = base.within(options.deadline()).mx(domain);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return MxReport.of(domain, DnsOutcome.ERROR, "cancelled", List.of(), 0, elapsed(t0), started);
        }
        if (answer.outcome() != DnsOutcome.OK && answer.outcome() != DnsOutcome.IMPLICIT_MX) {
            return MxReport.of(answer.domain(), answer.outcome(), answer.detail(), List.of(), 0, elapsed(t0), started);
        }
        List<MxRecord> ordered = senderOrder(answer.records());
        List<MxRecord> followed = ordered.subList(0, Math.min(maxHosts, ordered.size()));
        int notFollowed = ordered.size() - followed.size();
        List<Lookup> lookups = lookUp(followed, base, end);
        ProbeOptions smtp = options.withTls(TlsMode.OPPORTUNISTIC);
        List<Slot> slots = new ArrayList<>();
        List<ProbeRequest> requests = new ArrayList<>();
        SmtpProbe probe = new SmtpProbe();
        for (Lookup lookup : lookups) {
            if (lookup.error.isPresent()) {
                slots.add(Slot.unresolved(lookup.mx, lookup.error.get()));
                continue;
            }
            for (InetAddress address : lookup.addresses) {
                slots.add(new Slot(lookup.mx, address.getHostAddress(), requests.size(), ""));
                requests.add(new ProbeRequest(
                        probe,
                        new ProbeTarget(address.getHostAddress(), options.smtpPort()),
                        smtp.withTlsName(lookup.mx.host())));
            }
        }
        List<ProbeResult> results = Thread.currentThread().isInterrupted() || requests.isEmpty()
                ? List.of()
                : runner.run(requests, deadline);
        List<MxHost> hosts = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.request < 0) {
                hosts.add(new MxHost(
                        slot.mx.host(),
                        slot.mx.preference(),
                        Optional.empty(),
                        slot.dnsError.equals(CANCELLED) ? ProbeStatus.CANCELLED : ProbeStatus.DNS_ERROR,
                        "none",
                        detail(slot.dnsError)));
            } else if (slot.request < results.size()) {
                ProbeResult r = results.get(slot.request);
                hosts.add(new MxHost(
                        slot.mx.host(), slot.mx.preference(), slot.address, r.status(), r.stage(), r.evidence()));
            } else {
                hosts.add(new MxHost(
                        slot.mx.host(),
                        slot.mx.preference(),
                        slot.address,
                        ProbeStatus.CANCELLED,
                        "none",
                        detail(CANCELLED)));
            }
        }
        String detail = answer.detail();
        if (notFollowed > 0) {
            String capped = "followed the first " + followed.size() + " of " + ordered.size() + " MX hosts (at most "
                    + maxHosts + "); " + notFollowed + " not probed";
            detail = detail.isEmpty() ? capped : detail + "; " + capped;
        }
        return MxReport.of(answer.domain(), answer.outcome(), detail, hosts, notFollowed, elapsed(t0), started);
    }

    private static final String CANCELLED = "cancelled";

    /**
     * The addresses of each host, looked up several at a time, every query bounded by the DNS time-out and
     * by the check's deadline; a host whose look-up the deadline cut short says so.
     */
    private static List<Lookup> lookUp(List<MxRecord> hosts, DnsResolver base, long end) {
        List<Lookup> out = new ArrayList<>();
        if (hosts.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(LOOKUPS_IN_FLIGHT, hosts.size()), r -> {
            Thread t = new Thread(r, "kbsh-mx-lookup");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Lookup>> futures = new ArrayList<>();
            for (MxRecord mx : hosts) {
                futures.add(pool.submit(() -> lookUp(mx, base, end)));
            }
            boolean interrupted = false;
            for (int i = 0; i < futures.size(); i++) {
                MxRecord mx = hosts.get(i);
                Future<Lookup> f = futures.get(i);
                if (interrupted) {
                    f.cancel(true);
                    out.add(Lookup.failed(mx, CANCELLED));
                    continue;
                }
                try {
                    // A little past the deadline: every query inside ends by it on its own.
                    long wait = Math.max(0, end - System.nanoTime()) + TimeUnit.MILLISECONDS.toNanos(500);
                    out.add(f.get(wait, TimeUnit.NANOSECONDS));
                } catch (InterruptedException e) {
                    interrupted = true;
                    f.cancel(true);
                    out.add(Lookup.failed(mx, CANCELLED));
                } catch (TimeoutException e) {
                    f.cancel(true);
                    out.add(Lookup.failed(mx, "no address within the probe's deadline"));
                } catch (ExecutionException e) {
                    out.add(Lookup.failed(mx, "address look-up failed: " + e.getCause()));
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Lookup lookUp(MxRecord mx, DnsResolver base, long end) {
        long left = end - System.nanoTime();
        if (left <= 0) {
            return Lookup.failed(mx, "not looked up: the probe's deadline had passed");
        }
        try {
            return Lookup.found(mx, base.within(Duration.ofNanos(left)).addresses(mx.host()));
        } catch (DnsException e) {
            return Lookup.failed(mx, Objects.requireNonNullElse(e.getMessage(), "DNS look-up failed"));
        } catch (InterruptedIOException e) {
            return Lookup.failed(mx, CANCELLED);
        }
    }

    /** The addresses of one MX host, or why there are none. */
    private record Lookup(MxRecord mx, List<InetAddress> addresses, Optional<String> error) {
        static Lookup found(MxRecord mx, List<InetAddress> addresses) {
            return new Lookup(mx, addresses, Optional.empty());
        }

        static Lookup failed(MxRecord mx, String why) {
            return new Lookup(mx, List.of(), Optional.of(why));
        }
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

    /** One address to probe ({@code request} is its index), or a host that did not resolve (-1, and why). */
    private record Slot(MxRecord mx, String address, int request, String dnsError) {
        static Slot unresolved(MxRecord mx, String why) {
            return new Slot(mx, "", -1, why);
        }
    }
}
