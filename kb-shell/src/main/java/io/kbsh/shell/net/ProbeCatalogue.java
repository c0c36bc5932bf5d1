package io.kbsh.shell.net;

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
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Every probe kind kbsh knows, in one place: the endpoint probes (those plugins contribute first, then
 * kb-net's own: {@code tcp}, {@code smtp}, {@code pop3}, …) and the DNS look-ups that probe a name rather
 * than an endpoint ({@code mx}, {@code ptr}, {@code soa}). {@code probe} takes its kinds from here, and
 * {@code diagnose} and {@code check --probe} run what findings ask for through {@link #run}, so a probe a
 * plugin adds serves both, with the same options.
 *
 * <p>Thread safety: immutable after construction; {@link #run} may be called from any thread.
 */
@Singleton
public final class ProbeCatalogue {

    /** The kinds that ask DNS about a name instead of connecting to an endpoint. */
    public static final List<String> LOOKUPS = List.of("mx", "ptr", "soa");

    private final Map<String, Contribution<Probe>> endpoints;

    @Inject
    public ProbeCatalogue(Contributions contributions) {
        Map<String, Contribution<Probe>> byId = new LinkedHashMap<>();
        for (Contribution<Probe> c : contributions.of(Probe.class)) {
            byId.putIfAbsent(c.call(Probe::id), c);
        }
        for (Probe p : Probes.builtIn()) {
            byId.putIfAbsent(p.id(), new Contribution<>(Optional.empty(), p));
        }
        this.endpoints = java.util.Collections.unmodifiableMap(byId);
    }

    /** The endpoint probes by id, contributed ones first. */
    public Map<String, Contribution<Probe>> endpointProbes() {
        return endpoints;
    }

    /** The endpoint probe {@code id}. */
    public Optional<Contribution<Probe>> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(id));
    }

    /** Every kind: the endpoint probes' ids, then {@link #LOOKUPS}. */
    public List<String> kinds() {
        List<String> kinds = new ArrayList<>(endpoints.keySet());
        LOOKUPS.forEach(k -> {
            if (!kinds.contains(k)) {
                kinds.add(k);
            }
        });
        return List.copyOf(kinds);
    }

    /** The MX probe, as {@code probe mx} and {@code diagnose} both run it. */
    public MxProbe mx() {
        return new MxProbe(new Random(), ProbeRunner.defaults());
    }

    /**
     * Runs what findings ask for with {@code base} options (timeouts, DNS server), all within
     * {@code deadline}: endpoint probes together (a plugin's with its own class loader), then MX, PTR and SOA
     * look-ups one at a time. A request no probe serves, or with parameters its probe refuses, is one
     * warning and skipped; a look-up past the deadline or after Ctrl-C is one warning. Facts come back in
     * the order asked, endpoint probes first.
     */
    public List<Fact> run(List<ProbeRequest> requests, ProbeOptions base, Instant deadline, PrintWriter warnings) {
        Map<Optional<String>, List<io.kbsh.net.probe.ProbeRequest>> endpoint = new LinkedHashMap<>();
        Map<Optional<String>, Contribution<Probe>> owners = new LinkedHashMap<>();
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
            Contribution<Probe> owner = endpoints.get(r.probe());
            if (owner == null) {
                warnings.println("warning: no probe '" + r.probe() + "' is available; skipped " + r.describe());
                continue;
            }
            if (r.port() == 0) {
                warnings.println("warning: " + r.describe() + " names no port; skipped");
                continue;
            }
            Probe probe = owner.instance();
            TlsMode tls = tls(r.parameters().get("tls"));
            Map<String, String> parameters = new LinkedHashMap<>(r.parameters());
            parameters.remove("tls");
            try {
                probe = probe.configured(parameters);
            } catch (IllegalArgumentException e) {
                warnings.println("warning: " + r.describe() + ": " + e.getMessage() + "; skipped");
                continue;
            }
            Optional<String> plugin = owner.plugin().map(p -> p.descriptor().id());
            owners.putIfAbsent(plugin, owner);
            endpoint.computeIfAbsent(plugin, k -> new ArrayList<>())
                    .add(new io.kbsh.net.probe.ProbeRequest(
                            probe, ProbeTarget.of(r.host(), r.port()), base.withTls(tls)));
        }
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<Optional<String>, List<io.kbsh.net.probe.ProbeRequest>> group : endpoint.entrySet()) {
            // A plugin's probes run with its class loader: the runner's threads inherit it from the caller.
            List<ProbeResult> results =
                    owners.get(group.getKey()).call(p -> ProbeRunner.defaults().run(group.getValue(), deadline));
            results.forEach(r -> facts.add(r.toFact()));
        }
        MxProbe mx = domains.isEmpty() ? null : mx();
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
                facts.add(
                        r.probe().equals("ptr")
                                ? new PtrProbe().check(r.host(), base)
                                : soaProbe(r).check(r.host(), soaServers(r), base));
            } catch (IllegalArgumentException e) {
                warnings.println("warning: " + r.describe() + ": " + e.getMessage() + "; skipped");
            }
        }
        return facts;
    }

    /** An {@code soa} request's probe: parameter {@code transfer} {@code true} transfers the zone from each server too. */
    private static SoaProbe soaProbe(ProbeRequest r) {
        String transfer = r.parameters().getOrDefault("transfer", "false");
        if (!transfer.equals("true") && !transfer.equals("false")) {
            throw new IllegalArgumentException("soa transfer is true or false, got '" + transfer + "'");
        }
        return transfer.equals("true") ? SoaProbe.withTransfers() : new SoaProbe();
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
