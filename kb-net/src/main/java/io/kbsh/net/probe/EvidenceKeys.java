package io.kbsh.net.probe;

/**
 * The evidence keys kb-net's probes write into {@link ProbeResult#evidence()} and the facts made of it, with
 * the type of each value ({@link io.kbsh.model.fact.EvidenceValue}). A check reads them with {@code
 * fact.evidence().list(EvidenceKeys.EHLO_EXTENSIONS)} and the like, never by spelling the key itself.
 *
 * <p>Capability lists come twice when a probe upgraded with STARTTLS: the list the server offered in plain
 * text under the plain key, the one it offered over TLS under the {@code …AFTER_TLS} key, so that a server
 * that offered STARTTLS (or AUTH) before TLS still reads as one that did.
 *
 * @since 2.1
 */
public final class EvidenceKeys {

    private EvidenceKeys() {}

    // ---- every probe

    /** Text: the address connected to. */
    public static final String ADDRESS = "address";
    /** Number: milliseconds the TCP connect took. */
    public static final String CONNECT_MS = "connect-ms";
    /** Text: why the probe ended as it did (absent when it reached its goal). */
    public static final String DETAIL = "detail";
    /** Text: the first line the server said (SMTP: the code and first line of the 220 reply). */
    public static final String GREETING = "greeting";

    // ---- mail and news

    /** Text: the name the SMTP probe gave in EHLO (and HELO), as sent. */
    public static final String EHLO_NAME = "ehlo.name";
    /** List: the EHLO extensions, as offered first (in plain text unless the connection was TLS from the start). */
    public static final String EHLO_EXTENSIONS = "ehlo.extensions";
    /** List: the EHLO extensions offered over TLS after STARTTLS. */
    public static final String EHLO_EXTENSIONS_AFTER_TLS = "ehlo.extensions.after-tls";
    /** Text: how EHLO went when it was refused and HELO was used. */
    public static final String EHLO = "ehlo";
    /** List: the POP3 CAPA answer, first words upper-cased; text {@code unsupported} when CAPA is unknown. */
    public static final String POP3_CAPA = "capa";
    /** List: the POP3 CAPA answer over TLS after STLS. */
    public static final String POP3_CAPA_AFTER_TLS = "capa.after-tls";
    /** List: the IMAP4 CAPABILITY words. */
    public static final String IMAP4_CAPABILITY = "capability";
    /** List: the IMAP4 CAPABILITY words over TLS after STARTTLS. */
    public static final String IMAP4_CAPABILITY_AFTER_TLS = "capability.after-tls";
    /** Flag: the IMAP4 greeting was {@code * PREAUTH}. */
    public static final String IMAP4_PREAUTH = "imap4.preauth";
    /** List: the NNTP CAPABILITIES answer; text {@code unsupported} when the server has no such command. */
    public static final String NNTP_CAPABILITIES = "capabilities";
    /** List: the NNTP CAPABILITIES answer over TLS after STARTTLS. */
    public static final String NNTP_CAPABILITIES_AFTER_TLS = "capabilities.after-tls";
    /** Flag: the NNTP greeting (200) allows posting. */
    public static final String NNTP_POSTING = "nntp.posting";
    /** Text: why an opportunistic STARTTLS failed (the probe went on in plain text). */
    public static final String STARTTLS = "starttls";

    // ---- TLS and the certificate

    /** Text: the negotiated protocol, e.g. {@code TLSv1.2}. */
    public static final String TLS_PROTOCOL = "tls.protocol";
    /** Text: the negotiated cipher suite. */
    public static final String TLS_CIPHER = "tls.cipher";
    /** Text: the version the server chose in its ServerHello when the handshake failed. */
    public static final String TLS_SERVER_VERSION = "tls.server-version";
    /** Text: the TLS alert the server sent. */
    public static final String TLS_ALERT = "tls.alert";
    /** Text: what a server that is no TLS server sent instead of a ServerHello. */
    public static final String TLS_PEER_SENT = "tls.peer-sent";
    /** Text: what the legacy hello found, or why it was not sent. */
    public static final String TLS_LEGACY_HELLO = "tls.legacy-hello";
    /** Text: the certificate's subject. */
    public static final String CERT_SUBJECT = "cert.subject";
    /** Text: the certificate's issuer. */
    public static final String CERT_ISSUER = "cert.issuer";
    /** Time: the certificate's start of validity. */
    public static final String CERT_NOT_BEFORE = "cert.not-before";
    /** Time: the certificate's end of validity. */
    public static final String CERT_NOT_AFTER = "cert.not-after";
    /** Flag: the certificate had expired when the probe saw it. */
    public static final String CERT_EXPIRED = "cert.expired";
    /** Flag: the certificate was not yet valid when the probe saw it. */
    public static final String CERT_NOT_YET_VALID = "cert.not-yet-valid";
    /** Flag: the certificate signs itself. */
    public static final String CERT_SELF_SIGNED = "cert.self-signed";
    /** List: the certificate's DNS names and addresses (subject alternative names, else the common name). */
    public static final String CERT_NAMES = "cert.names";
    /** Flag: one of the certificate's names matches the host asked for. */
    public static final String CERT_HOST_MATCH = "cert.host-match";

    // ---- LDAP and RFC 1006

    /** Text: the result of the anonymous bind. */
    public static final String LDAP_BIND = "ldap.bind";
    /** Text: the result of the root DSE search. */
    public static final String LDAP_ROOTDSE = "ldap.rootdse";
    /** Prefix of the root DSE attributes, each a list: {@code rootdse.namingContexts} and so on. */
    public static final String ROOTDSE_PREFIX = "rootdse.";
    /** Text: CC, DR, ER, NOT_RFC1006 or GARBAGE. */
    public static final String RFC1006_OUTCOME = "rfc1006.outcome";
    /** Number: the COTP protocol class of a connection confirm. */
    public static final String COTP_CLASS = "cotp.class";
    /** Number: the TPDU size the MTA confirmed. */
    public static final String COTP_TPDU_SIZE = "cotp.tpdu-size";

    // ---- SMTP relay test

    /** Text: the sender the relay test gave in MAIL FROM. */
    public static final String RELAY_FROM = "relay.from";
    /** Text: the foreign recipient the relay test gave in RCPT TO. */
    public static final String RELAY_TO = "relay.to";
    /** Text: the server's answer to MAIL FROM (code and first line). */
    public static final String RELAY_MAIL_REPLY = "relay.mail-reply";
    /** Text: the server's answer to RCPT TO (code and first line). */
    public static final String RELAY_RCPT_REPLY = "relay.rcpt-reply";
    /** Number: the RCPT TO reply code. */
    public static final String RELAY_RCPT_CODE = "relay.rcpt-code";
    /** Flag: the server accepted the foreign recipient (an open relay for that pair); no DATA was ever sent. */
    public static final String RELAY_ACCEPTED = "relay.accepted";

    // ---- UDP

    /** Text: {@code reply}, {@code refused} (ICMP port unreachable) or {@code silent}. */
    public static final String UDP_ANSWER = "udp.answer";
    /** Number: bytes of the datagram sent. */
    public static final String UDP_SENT_BYTES = "udp.sent-bytes";
    /** Number: bytes of the reply. */
    public static final String UDP_REPLY_BYTES = "udp.reply-bytes";
    /** Text: the start of the reply, printable. */
    public static final String UDP_REPLY = "udp.reply";
}
