package io.kbsh.model.env;

/**
 * A firewall feature the articles say changes what Exchange sees. In JSON {@code "mail-guard"} and so on.
 *
 * @since 2.1
 */
public enum FirewallFeature {
    /** Cisco PIX Mail Guard (fixup smtp): only a minimal SMTP command set passes, replies are rewritten (Q190366). */
    MAIL_GUARD,
    /** Raptor's transparency: the proxied connection keeps the client's address (Q196381). */
    TRANSPARENCY,
    /** Network address translation between the sides. */
    ADDRESS_TRANSLATION,
    /** An SMTP filter that strips ESMTP extensions such as AUTH from EHLO replies (Q305007). */
    ESMTP_FILTER
}
