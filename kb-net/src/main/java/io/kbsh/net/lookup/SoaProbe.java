package io.kbsh.net.lookup;

import io.kbsh.model.fact.SoaFact;
import io.kbsh.net.dns.DnsException;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.dns.SoaAnswer;
import io.kbsh.net.probe.ProbeOptions;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A zone's SOA record from each of the servers given (the primary and its secondaries), serials compared:
 * {@link SoaFact#serialsAgree()}, {@link SoaFact#behind()}. Each server is asked directly, never through a
 * recursive resolver; the options' deadline covers all of them, the DNS time-out each query. At most
 * {@value #MAX_SERVERS} servers.
 *
 * @since 2.1
 */
public final class SoaProbe {

    public static final int MAX_SERVERS = 16;

    public SoaFact check(String zone, List<InetSocketAddress> servers, ProbeOptions options) {
        Objects.requireNonNull(zone, "zone");
        if (servers.isEmpty() || servers.size() > MAX_SERVERS) {
            throw new IllegalArgumentException(
                    "an SOA comparison takes 1 to " + MAX_SERVERS + " servers, got " + servers.size());
        }
        Instant started = Instant.now();
        long end = System.nanoTime() + options.deadline().toNanos();
        List<SoaFact.Server> answers = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            String name = show(server);
            long left = end - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                answers.add(new SoaFact.Server(name, "TIMEOUT", 0, "", false, "not asked: the deadline had passed"));
                continue;
            }
            try {
                SoaAnswer soa = DnsResolver.at(server, options.dnsTimeout())
                        .within(Duration.ofNanos(left))
                        .soa(zone);
                answers.add(new SoaFact.Server(name, "OK", soa.serial(), soa.primary(), soa.authoritative(), ""));
            } catch (DnsException e) {
                answers.add(new SoaFact.Server(name, e.outcome().name(), 0, "", false, e.getMessage()));
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                answers.add(new SoaFact.Server(name, "ERROR", 0, "", false, "cancelled"));
            }
        }
        String bare = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        return new SoaFact(bare, answers, started);
    }

    private static String show(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (a.getPort() == 53 ? "" : ":" + a.getPort());
    }
}
