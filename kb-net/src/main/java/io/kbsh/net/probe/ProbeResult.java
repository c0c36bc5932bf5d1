package io.kbsh.net.probe;

import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one probe of one endpoint found.
 *
 * @param probe      the probe id, e.g. {@code smtp}
 * @param target     the host and port as asked
 * @param status     how it ended
 * @param stage      the furthest stage it completed: {@code none} (not even the name resolved),
 *                   {@code resolve}, {@code connect}, then the probe's own ({@code greeting}, {@code ehlo},
 *                   {@code starttls}, {@code bind}, …)
 * @param latency    how long the probe took
 * @param evidence   what the peer showed: {@code address}, {@code greeting}, {@code detail} (why it ended),
 *                   {@code tls.*} and {@code cert.*}, protocol specifics
 * @param observedAt when the probe started
 */
public record ProbeResult(String probe, ProbeTarget target, ProbeStatus status, String stage, Duration latency,
                          Map<String, String> evidence, Instant observedAt) {

    public ProbeResult {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(observedAt, "observedAt");
        evidence = ordered(evidence);
    }

    /**
     * An unmodifiable copy that keeps the order the probe saw things in (address, greeting, TLS, …), so
     * that tables and JSON read like the conversation; {@link Map#copyOf} would scramble it.
     */
    public static Map<String, String> ordered(Map<String, String> evidence) {
        Map<String, String> copy = new LinkedHashMap<>();
        evidence.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "evidence key"),
                Objects.requireNonNull(v, () -> "evidence " + k)));
        return Collections.unmodifiableMap(copy);
    }

    public boolean ok() {
        return status == ProbeStatus.OK;
    }

    /** Why the probe ended as it did, or an empty string. */
    public String detail() {
        return evidence.getOrDefault("detail", "");
    }

    /** One evidence value, or an empty string. */
    public String evidence(String key) {
        return evidence.getOrDefault(key, "");
    }

    /** The typed fact checks consume. */
    public EndpointFact toFact() {
        return new EndpointFact(probe, target.host(), target.port(), status, stage, latency, evidence, observedAt);
    }
}
