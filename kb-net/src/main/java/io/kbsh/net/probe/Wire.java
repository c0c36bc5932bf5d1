package io.kbsh.net.probe;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.internal.tls.CertificateEvidence;
import io.kbsh.net.internal.tls.EvidenceOnlyTrust;
import io.kbsh.net.internal.tls.LegacyClientHello;
import io.kbsh.net.internal.tls.ServerHello;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One probe connection with every read bounded: lines by {@link ProbeOptions#maxLineBytes()}, replies (from
 * {@link #beginReply()} on) by {@link ProbeOptions#maxReplyBytes()}, the whole connection by {@link
 * ProbeOptions#maxBytes()}, each read by the read time-out and all of them by the probe's absolute deadline.
 * Obtained from {@link ProbeContext#connect()}, which closes it when the probe ends.
 *
 * @since 2.0
 */
public final class Wire implements Closeable {

    private static final int MAX_SHOWN = 200;

    private final ProbeContext context;
    private final Socket socket;
    private final GuardedInput guarded;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private int replyBytes;
    private boolean secure;

    Wire(ProbeContext context, Socket socket) throws IOException {
        this.context = context;
        this.socket = socket;
        this.guarded = new GuardedInput(socket, context);
        this.in = guarded;
        this.out = socket.getOutputStream();
    }

    /** Bytes received from the peer so far, TLS records included. */
    public long bytesReceived() {
        return guarded.received();
    }

    /** True after a successful {@link #startTls}. */
    public boolean secure() {
        return secure;
    }

    /** Starts counting a new reply against {@link ProbeOptions#maxReplyBytes()}. */
    public void beginReply() {
        replyBytes = 0;
    }

    /**
     * The next line without its CR LF (bytes as ISO-8859-1). Throws {@link EOFException} at the end of the
     * stream and stops with {@code PROTOCOL_ERROR} at a line or reply longer than the caps.
     */
    public String readLine() throws IOException {
        int max = context.options().maxLineBytes();
        byte[] line = new byte[Math.min(max, 256)];
        int n = 0;
        while (true) {
            if (pos == limit && !fill()) {
                if (n == 0) {
                    throw new EOFException("end of stream");
                }
                throw new EOFException("end of stream inside a line: "
                        + printable(new String(line, 0, n, StandardCharsets.ISO_8859_1)));
            }
            byte b = buffer[pos++];
            countReplyByte();
            if (b == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == max) {
                throw new WireLimitException(
                        ProbeStatus.PROTOCOL_ERROR,
                        "a line longer than " + max + " bytes: "
                                + printable(new String(line, 0, Math.min(n, 60), StandardCharsets.ISO_8859_1)) + "…");
            }
            if (n == line.length) {
                line = Arrays.copyOf(line, Math.min(max, line.length * 2));
            }
            line[n++] = b;
        }
    }

    /** Exactly {@code length} bytes, or {@link EOFException} saying how many came. */
    public byte[] readExactly(int length) throws IOException {
        byte[] result = new byte[length];
        int n = 0;
        while (n < length) {
            if (pos == limit && !fill()) {
                throw new EOFException("the peer closed after " + n + " of " + length + " bytes");
            }
            int take = Math.min(length - n, limit - pos);
            System.arraycopy(buffer, pos, result, n, take);
            pos += take;
            n += take;
        }
        return result;
    }

    /** Whatever the peer sends next, up to {@code max} bytes; an empty array at the end of the stream. */
    public byte[] readSome(int max) throws IOException {
        if (pos == limit && !fill()) {
            return new byte[0];
        }
        int take = Math.min(max, limit - pos);
        byte[] result = Arrays.copyOfRange(buffer, pos, pos + take);
        pos += take;
        return result;
    }

    /**
     * {@code head} and whatever else the peer has already sent (one read, at most 256 bytes in all) as its
     * first line, when that is printable text: how a binary probe tells another protocol's greeting (an SMTP
     * banner on port 102 or 389) from garbage.
     */
    public Optional<String> firstTextLine(byte[] head) throws IOException {
        byte[] more;
        try {
            more = readSome(Math.max(0, 256 - head.length));
        } catch (SocketTimeoutException silentAfterHead) {
            more = new byte[0];
        }
        String text = new String(head, StandardCharsets.ISO_8859_1) + new String(more, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        String first = (end >= 0 ? text.substring(0, end) : text).strip();
        boolean printable = !first.isEmpty() && first.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return printable ? Optional.of(printable(first)) : Optional.empty();
    }

    /** Sends {@code line} and CR LF. */
    public void writeLine(String line) throws IOException {
        write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Runs a TLS handshake over this connection (implicit TLS right after connect, or after a STARTTLS
     * command was accepted) and records {@code tls.protocol}, {@code tls.cipher} and the certificate as
     * evidence. The certificate is never judged here. A handshake that fails ends the probe with {@code
     * TLS_ERROR}, naming the protocol the server chose when it is one the JVM refuses, the alert it sent, or
     * the plain text it answered with; a handshake that stalls ends it with {@code TIMEOUT}.
     */
    public void startTls(String stage) throws IOException, ProbeException {
        String host = context.options().tlsName().orElse(context.target().host());
        boolean named = DnsResolver.literal(host).isEmpty();
        pos = limit = 0; // bytes sent before the handshake are not part of the TLS session
        if (context.askingForLegacyHello()) {
            throw legacyHelloAnswer(named ? Optional.of(host) : Optional.empty());
        }
        guarded.startTap();
        SSLSocket tls = (SSLSocket) EvidenceOnlyTrust.socketFactory()
                .createSocket(
                        new LayeredSocket(socket, guarded),
                        host,
                        context.target().port(),
                        true);
        if (named) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            tls.setSSLParameters(parameters);
        }
        try {
            tls.startHandshake();
        } catch (IOException e) {
            // The JDK wraps what the guarded stream threw (deadline, cap, time-out) in its own exceptions.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof WireLimitException limit) {
                    throw limit;
                }
                if (t instanceof SocketTimeoutException) {
                    throw new ProbeException(
                            ProbeStatus.TIMEOUT,
                            "the TLS handshake stalled: no answer within "
                                    + context.options().readTimeout().toMillis() + " ms");
                }
            }
            if (e instanceof SSLException ssl) {
                throw handshakeFailure(ssl, guarded.stopTap());
            }
            throw e;
        }
        guarded.stopTap();
        SSLSession session = tls.getSession();
        context.evidence(EvidenceKeys.TLS_PROTOCOL, session.getProtocol());
        context.evidence(EvidenceKeys.TLS_CIPHER, session.getCipherSuite());
        Certificate[] chain = session.getPeerCertificates();
        if (chain.length > 0 && chain[0] instanceof X509Certificate cert) {
            context.evidence(CertificateEvidence.of(cert, host, Instant.now()));
        }
        in = tls.getInputStream();
        out = tls.getOutputStream();
        secure = true;
        context.reached(stage);
    }

    private ProbeException handshakeFailure(SSLException e, byte[] sent) {
        ServerHello hello = ServerHello.parse(sent);
        if (hello.version().isPresent()) {
            context.evidence(EvidenceKeys.TLS_SERVER_VERSION, hello.version().get());
        }
        if (hello.legacy()) {
            return onlyLegacy(hello.version().get());
        }
        if (hello.alert().isPresent()) {
            context.evidence(EvidenceKeys.TLS_ALERT, hello.alert().get());
            String detail = "the server refused the handshake: TLS alert "
                    + hello.alert().get();
            // What a server limited to old protocols answers the JDK's modern offer with.
            return hello.alert().get().equals("protocol_version")
                    ? new ModernTlsRefused(detail)
                    : new ProbeException(ProbeStatus.TLS_ERROR, detail);
        }
        if (sent.length > 0 && hello.version().isEmpty()) {
            String shown = printable(new String(sent, 0, Math.min(sent.length, 80), StandardCharsets.ISO_8859_1));
            context.evidence(EvidenceKeys.TLS_PEER_SENT, shown);
            return new ProbeException(ProbeStatus.TLS_ERROR, "not a TLS answer: the peer sent '" + shown + "'");
        }
        return new ProbeException(ProbeStatus.TLS_ERROR, "TLS handshake failed: " + e.getMessage());
    }

    private static ProbeException onlyLegacy(String version) {
        return new ProbeException(
                ProbeStatus.TLS_ERROR,
                "the server only speaks " + version + ", which this JVM disables (it offers "
                        + String.join(", ", EvidenceOnlyTrust.enabledProtocols()) + ")");
    }

    /**
     * Sends {@link LegacyClientHello} where the handshake would start and reads which version the server
     * chooses; the connection is spent afterwards. Only on the second run after a {@link ModernTlsRefused}.
     */
    private ProbeException legacyHelloAnswer(Optional<String> serverName) throws IOException {
        context.legacyHelloSent();
        write(LegacyClientHello.record(serverName));
        byte[] answer;
        try {
            byte[] head = readExactly(5);
            int length = ((head[3] & 0xff) << 8) | (head[4] & 0xff);
            byte[] body = readExactly(Math.min(length, context.options().maxReplyBytes()));
            answer = new byte[head.length + body.length];
            System.arraycopy(head, 0, answer, 0, head.length);
            System.arraycopy(body, 0, answer, head.length, body.length);
        } catch (EOFException closed) {
            answer = new byte[0];
        }
        ServerHello hello = ServerHello.parse(answer);
        if (hello.legacy()) {
            context.evidence(EvidenceKeys.TLS_SERVER_VERSION, hello.version().get());
            return onlyLegacy(hello.version().get());
        }
        context.evidence(
                EvidenceKeys.TLS_LEGACY_HELLO,
                hello.alert()
                        .map(a -> "refused too: TLS alert " + a)
                        .or(() -> hello.version().map(v -> "answered " + v))
                        .orElse("no TLS answer"));
        return new ProbeException(
                ProbeStatus.TLS_ERROR,
                "the server refused the handshake: TLS alert protocol_version,"
                        + " and answers no TLS 1.1, 1.0 or SSLv3 hello either");
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void countReplyByte() throws WireLimitException {
        int max = context.options().maxReplyBytes();
        if (++replyBytes > max) {
            throw new WireLimitException(ProbeStatus.PROTOCOL_ERROR, "a reply longer than " + max + " bytes");
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the socket is gone either way
        }
    }

    /** {@code text} fit for evidence: control and non-ASCII bytes as {@code \xNN}, at most 200 characters. */
    public static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c & 0xff));
            }
        }
        return sb.length() >= MAX_SHOWN ? sb.substring(0, MAX_SHOWN) + "…" : sb.toString();
    }
}
