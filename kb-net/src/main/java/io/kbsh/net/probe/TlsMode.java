package io.kbsh.net.probe;

/**
 * Whether and how a probe speaks TLS.
 *
 * @since 2.0
 */
public enum TlsMode {
    /** Plain text only. */
    NONE,
    /** TLS from the first byte (POP3S 995, IMAPS 993, LDAPS 636, NNTPS 563, SMTPS 465). */
    IMPLICIT,
    /** Plain text first, then the protocol's STARTTLS command; a server that does not offer it fails the probe. */
    STARTTLS,
    /**
     * STARTTLS when the server offers it, as a mail sender does: a failed upgrade is evidence, not a failed
     * probe.
     */
    OPPORTUNISTIC
}
