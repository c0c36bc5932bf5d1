package io.kbsh.net.mx;

import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.EvidenceKeys;
import java.util.Objects;
import java.util.Optional;

/**
 * One address of one MX host as the MX probe found it: {@code address} is empty when the host name did
 * not resolve ({@code DNS_ERROR} at stage {@code none}); otherwise the SMTP probe's status, furthest stage
 * ({@code connect}, {@code greeting}, {@code ehlo}, {@code starttls}) and evidence.
 *
 * @since 2.0 ({@code address} is {@code Optional} since 2.1)
 */
public record MxHost(
        String name, int preference, Optional<String> address, ProbeStatus status, String stage, Evidence evidence) {

    public MxHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(evidence, "evidence");
    }

    /**
     * The host probed at {@code address}.
     *
     * @since 2.1
     */
    public MxHost(String name, int preference, String address, ProbeStatus status, String stage, Evidence evidence) {
        this(name, preference, Optional.of(address), status, stage, evidence);
    }

    /** True when this address would take the mail: it greeted and answered EHLO or HELO. */
    public boolean accepts() {
        return status == ProbeStatus.OK;
    }

    public String detail() {
        return evidence.text(EvidenceKeys.DETAIL).orElse("");
    }

    MxFact.Host toFactHost() {
        return new MxFact.Host(name, preference, address, status, stage);
    }
}
