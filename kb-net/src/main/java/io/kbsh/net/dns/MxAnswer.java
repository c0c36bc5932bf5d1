package io.kbsh.net.dns;

import java.util.List;
import java.util.Objects;

/**
 * The MX look-up of a domain: the outcome and the records in the order the server gave them ({@link
 * DnsOutcome#IMPLICIT_MX} gives the domain itself with preference 0; failures and {@link
 * DnsOutcome#NULL_MX} give none).
 *
 * @since 2.0
 */
public record MxAnswer(String domain, DnsOutcome outcome, List<MxRecord> records, String detail) {

    public MxAnswer {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        records = List.copyOf(records);
    }
}
