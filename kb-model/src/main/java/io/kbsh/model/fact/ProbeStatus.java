package io.kbsh.model.fact;

/**
 * How a network probe ended.
 *
 * @since 2.0
 */
public enum ProbeStatus {
    /** The probe reached what it set out to reach. */
    OK,
    /** The peer refused the connection (RST on SYN). */
    REFUSED,
    /** No answer within the connect timeout, the read timeout or the absolute deadline. */
    TIMEOUT,
    /** No route, or the address could not be reached. */
    UNREACHABLE,
    /** The connection was accepted but the peer never said anything. */
    CONNECTED_SILENT,
    /** The peer answered with something the protocol does not allow, or too much of it. */
    PROTOCOL_ERROR,
    /**
     * The service answered and turned the client away: SMTP 421/554, POP3 {@code -ERR}, IMAP4 {@code * BYE},
     * NNTP 400/502, an RFC 1006 disconnect request.
     */
    REJECTED,
    /** The TLS handshake failed. */
    TLS_ERROR,
    /** A name could not be resolved (NXDOMAIN, SERVFAIL, resolver time-out). */
    DNS_ERROR,
    /** The probe was stopped before it ended (Ctrl-C, shutdown). */
    CANCELLED
}
