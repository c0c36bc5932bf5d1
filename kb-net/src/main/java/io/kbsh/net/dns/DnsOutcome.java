package io.kbsh.net.dns;

/**
 * How a DNS look-up ended.
 *
 * @since 2.0
 */
public enum DnsOutcome {
    /** Records of the asked type came back. */
    OK,
    /** The name does not exist (RCODE 3). */
    NXDOMAIN,
    /** The server failed to answer (RCODE 2). */
    SERVFAIL,
    /** The server refused the query (RCODE 5) or nothing listens on its port. */
    REFUSED,
    /** No answer within the time-out. */
    TIMEOUT,
    /** The name exists but has no record of the asked type (and, for MX, no address either). */
    NODATA,
    /** The domain publishes a null MX (RFC 7505): it accepts no mail. */
    NULL_MX,
    /** The domain has no MX record but an address: mail goes to the domain itself (RFC 5321 5.1). */
    IMPLICIT_MX,
    /** Anything else: a malformed answer or name, another RCODE. */
    ERROR
}
