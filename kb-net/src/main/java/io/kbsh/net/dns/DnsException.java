package io.kbsh.net.dns;

import java.util.Objects;

/**
 * A look-up that did not produce records, with how it ended.
 *
 * @since 2.0
 */
public final class DnsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DnsOutcome outcome;
    private final String detail;

    public DnsException(DnsOutcome outcome, String detail) {
        super(detail);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** What went wrong, in words; never null. */
    @Override
    public String getMessage() {
        return detail;
    }

    public DnsOutcome outcome() {
        return outcome;
    }
}
