package io.kbsh.shell.check;

import io.kbsh.model.fact.Fact;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.shell.net.Probes;
import io.kbsh.net.mx.MxProbe;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TlsMode;
import java.io.PrintWriter;
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
 * time. A request for a probe nobody provides is reported and skipped.
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
        for (ProbeRequest r : requests) {
            if (r.probe().equals("mx")) {
                domains.add(r.host());
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
        return facts;
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
