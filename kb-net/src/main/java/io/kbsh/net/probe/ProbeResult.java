package io.kbsh.net.probe;

import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
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
 * @param evidence   what the peer showed, typed and in order: {@code address}, {@code greeting}, {@code
 *                   detail} (why it ended), {@code tls.*} and {@code cert.*}, protocol specifics (the keys are
 *                   {@link EvidenceKeys})
 * @param observedAt when the probe started
 *
 * @since 2.0
 */
public record ProbeResult(
        String probe,
        ProbeTarget target,
        ProbeStatus status,
        String stage,
        Duration latency,
        Evidence evidence,
        Instant observedAt) {

    public ProbeResult {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(evidence, "evidence");
    }

    public boolean ok() {
        return status == ProbeStatus.OK;
    }

    /** Why the probe ended as it did, or an empty string. */
    public String detail() {
        return evidence(EvidenceKeys.DETAIL);
    }

    /** One evidence value as a person reads it (see {@link EvidenceKeys}), or an empty string. */
    public String evidence(String key) {
        return evidence.text(key).orElse("");
    }

    /** The typed fact checks consume. */
    public EndpointFact toFact() {
        return new EndpointFact(probe, target.host(), target.port(), status, stage, latency, evidence, observedAt);
    }
}
