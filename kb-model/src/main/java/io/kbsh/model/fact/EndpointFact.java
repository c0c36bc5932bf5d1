package io.kbsh.model.fact;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a probe of one host and port found: its status, the furthest stage it reached (e.g.
 * {@code connect}, {@code greeting}, {@code ehlo}, {@code starttls}), the latency and evidence such as the
 * greeting line or the certificate subject.
 */
public record EndpointFact(String probe, String host, int port, ProbeStatus status, String stage,
                           Duration latency, Map<String, String> evidence, Instant observedAt) implements Fact {

    public EndpointFact {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(observedAt, "observedAt");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        // Evidence reads in the order of the conversation (address, greeting, capabilities, TLS, certificate).
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public boolean ok() {
        return status == ProbeStatus.OK;
    }

    @Override
    public String describe() {
        String detail = evidence.getOrDefault("greeting", evidence.getOrDefault("detail", ""));
        // The stage is the furthest one reached: a refused connection has reached "resolve" only.
        return probe + " " + host + ":" + port + " " + status + ", reached " + stage
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
