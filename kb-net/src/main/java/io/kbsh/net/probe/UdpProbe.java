package io.kbsh.net.probe;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.internal.probe.ProbeParameters;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * UDP: sends one datagram to the port and reports what came back — a reply ({@code OK}, evidence {@code
 * udp.answer=reply} with its size and start), an ICMP port-unreachable ({@code REFUSED}, {@code refused}:
 * nothing listens there), or nothing within the read time-out ({@code TIMEOUT}, {@code silent}: a service
 * that ignored the datagram, or a filter that dropped it — UDP cannot tell them apart). Parameter {@code
 * payload}: the datagram, text or {@code 0x…} hex (default {@code kbsh\r\n}). The reply is read up to the
 * probe's reply cap.
 *
 * @since 2.1
 */
public final class UdpProbe implements Probe {

    private static final byte[] DEFAULT_PAYLOAD = "kbsh\r\n".getBytes(StandardCharsets.US_ASCII);

    private final byte[] payload;

    public UdpProbe() {
        this(DEFAULT_PAYLOAD);
    }

    /** Sends {@code payload} (at most 1,400 bytes, so that it fits one unfragmented datagram). */
    public UdpProbe(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > 1400) {
            throw new IllegalArgumentException("a UDP probe payload of at most 1400 bytes, got " + payload.length);
        }
        this.payload = payload.clone();
    }

    @Override
    public String id() {
        return "udp";
    }

    @Override
    public String description() {
        return "UDP datagram: reply, ICMP port unreachable, or silence";
    }

    @Override
    public int defaultPort(TlsMode tls) {
        return 0;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("payload");
    }

    @Override
    public Probe configured(Map<String, String> parameters) {
        ProbeParameters.requireKnown(id(), parameterNames(), parameters);
        String spec = parameters.get("payload");
        return spec == null ? this : new UdpProbe(payload(spec));
    }

    /** {@code 0x…} hex digits, or printable text sent as ASCII. */
    static byte[] payload(String spec) {
        if (spec.regionMatches(true, 0, "0x", 0, 2)) {
            String hex = spec.substring(2);
            if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]+")) {
                throw new IllegalArgumentException(
                        "payload '" + spec + "' is not an even number of hex digits after 0x");
            }
            return HexFormat.of().parseHex(hex);
        }
        if (!spec.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("payload must be printable ASCII or 0x… hex");
        }
        return spec.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void run(ProbeContext context) throws IOException, ProbeException {
        InetAddress address = context.resolve();
        DatagramSocket socket = context.datagramSocket();
        socket.connect(address, context.target().port());
        socket.send(new DatagramPacket(payload, payload.length));
        context.evidence(EvidenceKeys.UDP_SENT_BYTES, payload.length);
        context.reached("sent");
        byte[] in = new byte[context.options().maxReplyBytes()];
        DatagramPacket reply = new DatagramPacket(in, in.length);
        int wait = context.readWait();
        socket.setSoTimeout(wait);
        try {
            socket.receive(reply);
        } catch (PortUnreachableException e) {
            context.evidence(EvidenceKeys.UDP_ANSWER, "refused");
            throw new ProbeException(
                    ProbeStatus.REFUSED,
                    "ICMP port unreachable from " + address.getHostAddress() + " port "
                            + context.target().port() + ": nothing listens there");
        } catch (SocketTimeoutException e) {
            context.evidence(EvidenceKeys.UDP_ANSWER, "silent");
            throw new ProbeException(
                    ProbeStatus.TIMEOUT,
                    "no reply and no ICMP refusal within " + wait
                            + " ms: a service that ignored the datagram, or a filter that dropped it");
        }
        byte[] got = Arrays.copyOf(in, reply.getLength());
        context.evidence(EvidenceKeys.UDP_ANSWER, "reply");
        context.evidence(EvidenceKeys.UDP_REPLY_BYTES, got.length);
        String text = new String(got, 0, Math.min(got.length, 120), StandardCharsets.ISO_8859_1);
        boolean printable = text.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '\r' || c == '\n' || c == '\t');
        context.evidence(
                EvidenceKeys.UDP_REPLY,
                printable ? text.strip() : "0x" + HexFormat.of().formatHex(got, 0, Math.min(got.length, 48)));
        context.reached("reply");
    }
}
