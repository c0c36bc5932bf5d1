package io.kbsh.net.probe;

import io.kbsh.model.fact.ProbeStatus;
import java.io.IOException;

/** A bound of the wire was hit: a byte cap, a line or reply cap, or the probe's absolute deadline. */
final class WireLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ProbeStatus status;

    WireLimitException(ProbeStatus status, String message) {
        super(message);
        this.status = status;
    }

    ProbeStatus status() {
        return status;
    }
}
