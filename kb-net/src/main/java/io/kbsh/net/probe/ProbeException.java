package io.kbsh.net.probe;

import io.kbsh.model.fact.ProbeStatus;
import java.util.Objects;

/**
 * A probe ended short of its goal for a reason that one status and one line say.
 *
 * @since 2.0
 */
public class ProbeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ProbeStatus status;

    public ProbeException(ProbeStatus status, String detail) {
        super(detail, null, false, false); // an outcome, not a bug: a stack trace would only cost time
        this.status = Objects.requireNonNull(status, "status");
    }

    public ProbeStatus status() {
        return status;
    }
}
