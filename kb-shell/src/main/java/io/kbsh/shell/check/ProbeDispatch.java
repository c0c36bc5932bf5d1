package io.kbsh.shell.check;

import io.kbsh.model.fact.Fact;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.lookup.PtrProbe;
import io.kbsh.net.lookup.SoaProbe;
import io.kbsh.net.mx.MxProbe;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TlsMode;
import io.kbsh.shell.net.Probes;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the probes findings ask for ({@link ProbeRequest}s, by probe id) with kb-net and returns their facts.
 * Endpoint probes run together under one deadline; {@code mx} requests go to the MX probe, one domain at a
 * time; {@code ptr} (host: the address) and {@code soa} (host: the zone, parameter {@code servers}: addresses,
 * comma-separated) go to the DNS look-up probes; other parameters configure the endpoint probe ({@link
 * Probe#configured}). A request for a probe nobody provides, or with parameters it refuses, is reported and
 * skipped.
 */
final class ProbeDispatch {

    private final Map<String, Probe> byId;

    ProbeDispatch(List<Probe> contributed) {
        Map<String, Probe> map = new LinkedHashMap<>();
        contributed.forEach(p -> map.putIfAbsent(p.id(), p));
        Probes.builtIn().forEach(p -> map.putIfAbsent(p.id(), p));
        this.byId = map;
    }

    List<Fact> run(List<ProbeRequest> requests, Duration timeout, PrintWriter warnings) {
        ProbeOptions base = ProbeOptions.defaults();
        Instant deadline = Instant.now().plus(timeout);
        List<io.kbsh.net.probe.ProbeRequest> endpoint = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        List<ProbeRequest> lookups = new ArrayList<>();
        for (ProbeRequest r : requests) {
            if (r.probe().equals("mx")) {
                domains.add(r.host());
                continue;
            }
            if (r.probe().equals("ptr") || r.probe().equals("soa")) {
                lookups.add(r);
                continue;
            }
            Probe probe = byId.get(r.probe());
            if (probe == null) {
                warnings.println("warning: no probe '" + r.probe() + "' is available; skipped " + r.describe());
                continue;
            }
            if (r.port() == 0) {
                warnings.println("warning: " + r.describe() + " names no port; skipped");
                continue;
            }
            TlsMode tls = tls(r.parameters().get("tls"));
            Map<String, String> parameters = new LinkedHashMap<>(r.parameters());
            parameters.remove("tls");
            try {
                probe = probe.configured(parameters);
            } catch (IllegalArgumentException e) {
                warnings.println("warning: " + r.describe() + ": " + e.getMessage() + "; skipped");
                continue;
            }
            endpoint.add(new io.kbsh.net.probe.ProbeRequest(probe, ProbeTarget.of(r.host(), r.port()), base.withTls(tls)));
        }
        List<Fact> facts = new ArrayList<>();
        if (!endpoint.isEmpty()) {
            for (ProbeResult result : ProbeRunner.defaults().run(endpoint, deadline)) {
                facts.add(result.toFact());
            }
        }
        MxProbe mx = domains.isEmpty() ? null : new MxProbe();
        for (String domain : domains) {
            if (Thread.currentThread().isInterrupted() || Instant.now().isAfter(deadline)) {
                warnings.println("warning: no time left to probe the MX hosts of " + domain);
                continue;
            }
            facts.add(mx.check(domain, base).toFact());
        }
        for (ProbeRequest r : lookups) {
            if (Thread.currentThread().isInterrupted() || Instant.now().isAfter(deadline)) {
                warnings.println("warning: no time left for " + r.describe());
                continue;
            }
            try {
                facts.add(r.probe().equals("ptr") ? new PtrProbe().check(r.host(), base)
                        : new SoaProbe().check(r.host(), soaServers(r), base));
            } catch (IllegalArgumentException e) {
                warnings.println("warning: " + r.describe() + ": " + e.getMessage() + "; skipped");
            }
        }
        return facts;
    }

    /** The servers an {@code soa} request names: parameter {@code servers}, addresses with optional ports, comma-separated. */
    private static List<InetSocketAddress> soaServers(ProbeRequest r) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String spec : r.parameters().getOrDefault("servers", "").split(",")) {
            String t = spec.trim();
            if (t.isEmpty()) {
                continue;
            }
            int colon = t.lastIndexOf(':');
            boolean withPort = colon > 0 && t.indexOf(':') == colon;
            InetAddress address = DnsResolver.literal(withPort ? t.substring(0, colon) : t)
                    .orElseThrow(() -> new IllegalArgumentException("soa servers are IP addresses, got '" + t + "'"));
            servers.add(new InetSocketAddress(address, withPort ? Integer.parseInt(t.substring(colon + 1)) : 53));
        }
        return servers;
    }

    private static TlsMode tls(String value) {
        if (value == null) {
            return TlsMode.NONE;
        }
        try {
            return TlsMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return TlsMode.NONE;
        }
    }
}
