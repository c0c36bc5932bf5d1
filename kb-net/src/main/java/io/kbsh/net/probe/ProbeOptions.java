package io.kbsh.net.probe;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a probe behaves: its time limits, TLS mode, the RFC 1006 transport selectors, the DNS server names
 * are resolved through, the SMTP port the MX probe uses, and the byte caps that keep a hostile peer from
 * feeding it without end. Immutable; change one thing with the {@code with…} methods.
 *
 * @param connectTimeout how long a TCP connect may take
 * @param readTimeout    how long one read may wait for the peer
 * @param deadline       how long the whole probe may take from its start, whatever the peer sends
 * @param dnsTimeout     how long one DNS query may take
 * @param tls            plain, implicit TLS, STARTTLS or opportunistic STARTTLS
 * @param calledTsel     RFC 1006 called transport selector ({@code text} or {@code 0x…} hex), if any
 * @param callingTsel    RFC 1006 calling transport selector, if any
 * @param dnsServer      the DNS server to ask; empty for the system's
 * @param smtpPort       the port of MX hosts' SMTP servers (25 unless testing)
 * @param heloName       the name the SMTP probe gives in EHLO
 * @param tlsName        the server name for TLS (SNI and the certificate's host-name match); empty for the
 *                       target's host; the MX probe sets the MX host's name while it connects to an address
 * @param maxLineBytes   the longest line a probe accepts
 * @param maxReplyBytes  the largest reply (a greeting, a capability list) a probe accepts
 * @param maxBytes       all bytes a probe reads from one connection, TLS records included
 *
 * @since 2.0 (the selectors, {@code dnsServer} and {@code tlsName} are {@code Optional} since 2.1)
 */
public record ProbeOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration deadline,
        Duration dnsTimeout,
        TlsMode tls,
        Optional<String> calledTsel,
        Optional<String> callingTsel,
        Optional<InetSocketAddress> dnsServer,
        int smtpPort,
        String heloName,
        Optional<String> tlsName,
        int maxLineBytes,
        int maxReplyBytes,
        int maxBytes) {

    private static final ProbeOptions DEFAULTS = new ProbeOptions(
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(3),
            TlsMode.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            25,
            "kbsh.invalid",
            Optional.empty(),
            4096,
            16 * 1024,
            256 * 1024);

    public ProbeOptions {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(deadline, "deadline");
        requirePositive(dnsTimeout, "dnsTimeout");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(calledTsel, "calledTsel");
        Objects.requireNonNull(callingTsel, "callingTsel");
        Objects.requireNonNull(dnsServer, "dnsServer");
        Objects.requireNonNull(heloName, "heloName");
        // Written after EHLO as is: a space or a line break would let it say more than a name.
        if (heloName.isEmpty() || heloName.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("heloName is one word without spaces or control characters");
        }
        Objects.requireNonNull(tlsName, "tlsName");
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("smtpPort out of range: " + smtpPort);
        }
        if (maxLineBytes < 64 || maxReplyBytes < maxLineBytes || maxBytes < maxReplyBytes) {
            throw new IllegalArgumentException("caps must grow: 64 <= maxLineBytes <= maxReplyBytes <= maxBytes");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** 5 s connect and read time-outs, a 15 s deadline, plain text, the system's DNS, SMTP on 25. */
    public static ProbeOptions defaults() {
        return DEFAULTS;
    }

    public ProbeOptions withTimeouts(Duration connect, Duration read, Duration total) {
        return new ProbeOptions(
                connect,
                read,
                total,
                dnsTimeout,
                tls,
                calledTsel,
                callingTsel,
                dnsServer,
                smtpPort,
                heloName,
                tlsName,
                maxLineBytes,
                maxReplyBytes,
                maxBytes);
    }

    public ProbeOptions withDnsTimeout(Duration timeout) {
        return new ProbeOptions(
                connectTimeout,
                readTimeout,
                deadline,
                timeout,
                tls,
                calledTsel,
                callingTsel,
                dnsServer,
                smtpPort,
                heloName,
                tlsName,
                maxLineBytes,
                maxReplyBytes,
                maxBytes);
    }

    public ProbeOptions withTls(TlsMode mode) {
        return new ProbeOptions(
                connectTimeout,
                readTimeout,
                deadline,
                dnsTimeout,
                mode,
                calledTsel,
                callingTsel,
                dnsServer,
                smtpPort,
                heloName,
                tlsName,
                maxLineBytes,
                maxReplyBytes,
                maxBytes);
    }

    /** Both RFC 1006 transport selectors, each text or {@code 0x…} hex. */
    public ProbeOptions withTsel(String called, String calling) {
        return withCalledTsel(called).withCallingTsel(calling);
    }

    /**
     * The RFC 1006 called transport selector, text or {@code 0x…} hex.
     *
     * @since 2.1
     */
    public ProbeOptions withCalledTsel(String called) {
        return new ProbeOptions(
                connectTimeout,
                readTimeout,
                deadline,
                dnsTimeout,
                tls,
                Optional.of(called),
                callingTsel,
                dnsServer,
                smtpPort,
                heloName,
                tlsName,
                maxLineBytes,
                maxReplyBytes,
                maxBytes);
    }

    /**
     * The RFC 1006 calling transport selector, text or {@code 0x…} hex.
     *
     * @since 2.1
     */
    public ProbeOptions withCallingTsel(String calling) {
        return new ProbeOptions(
                connectTimeout,
                readTimeout,
                deadline,
                dnsTimeout,
                tls,
                calledTsel,
                Optional.of(calling),
                dnsServer,
                smtpPort,
                heloName,
                tlsName,
                maxLineBytes,
                maxReplyBytes,
                maxBytes);
    }

    /** The DNS server to resolve through instead of the system's. */
    public ProbeOptions withDnsServer(InetSocketAddress server) {
        return new ProbeOptions(
                connectTimeout,
                readTimeout,
                deadline,
                dnsTimeout,
                tls,
                calledTsel,
                callingTsel,
                Optional.of(server),
                smtpPort,
                heloName,
                tlsName,
                maxLineBytes,
                maxReplyBytes,
                maxBytes);
    }

    public ProbeOptions withSmtpPort(int port) {
        return new ProbeOptions(
                connectTimeout,
                readTimeout,
                deadline,
                dnsTimeout,
                tls,
                calledTsel,
                callingTsel,
                dnsServer,
                port,
                heloName,
                tlsName,
                maxLineBytes,
                maxReplyBytes,
                maxBytes);
    }

    /** The name TLS asks for (SNI) and checks the certificate against, instead of the target's host. */
    public ProbeOptions withTlsName(String name) {
        return new ProbeOptions(
                connectTimeout,
                readTimeout,
                deadline,
                dnsTimeout,
                tls,
                calledTsel,
                callingTsel,
                dnsServer,
                smtpPort,
                heloName,
                Optional.of(name),
                maxLineBytes,
                maxReplyBytes,
                maxBytes);
    }

    public ProbeOptions withCaps(int lineBytes, int replyBytes, int totalBytes) {
        return new ProbeOptions(
                connectTimeout,
                readTimeout,
                deadline,
                dnsTimeout,
                tls,
                calledTsel,
                callingTsel,
                dnsServer,
                smtpPort,
                heloName,
                tlsName,
                lineBytes,
                replyBytes,
                totalBytes);
    }
}
