package io.kbsh.model.fact;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a probe of one host and port found: its status, the furthest stage it reached (e.g.
 * {@code connect}, {@code greeting}, {@code ehlo}, {@code starttls}), the latency and typed evidence such as
 * the greeting line, the EHLO extensions before and after STARTTLS, or the certificate's end of validity.
 *
 * @since 2.0
 */
public record EndpointFact(
        String probe,
        String host,
        int port,
        ProbeStatus status,
        String stage,
        Duration latency,
        Evidence evidence,
        Instant observedAt)
        implements Fact {

    public EndpointFact {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(observedAt, "observedAt");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A fact with text-only evidence, in the map's order. */
    public EndpointFact(
            String probe,
            String host,
            int port,
            ProbeStatus status,
            String stage,
            Duration latency,
            Map<String, String> evidence,
            Instant observedAt) {
        this(probe, host, port, status, stage, latency, Evidence.ofText(evidence), observedAt);
    }

    public boolean ok() {
        return status == ProbeStatus.OK;
    }

    @Override
    public String subject() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String describe() {
        String detail =
                evidence.text("greeting").or(() -> evidence.text("detail")).orElse("");
        // The stage is the furthest one reached: a refused connection has reached "resolve" only.
        return probe + " " + host + ":" + port + " " + status + ", reached " + stage
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
