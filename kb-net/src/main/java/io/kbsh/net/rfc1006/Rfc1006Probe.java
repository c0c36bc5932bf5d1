package io.kbsh.net.rfc1006;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.TlsMode;
import io.kbsh.net.probe.Wire;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * ISO transport over TCP (RFC 1006, port 102), as X.400 MTAs speak it: sends a TPKT carrying a class 0
 * COTP connection request (with the called and calling transport selectors when given) and classifies the
 * answer — connection confirm ({@code OK}), disconnect request with its reason ({@code REJECTED}), error
 * TPDU, a service that is not RFC 1006, or garbage ({@code PROTOCOL_ERROR}). Evidence {@code
 * rfc1006.outcome} is {@code CC}, {@code DR}, {@code ER}, {@code NOT_RFC1006} or {@code GARBAGE}.
 * Stages: {@code tpkt} (a well-formed TPKT came back), {@code cc}.
 *
 * @since 2.0
 */
public final class Rfc1006Probe implements Probe {

    private static final int TPKT_VERSION = 3;
    private static final int HEADER = 4;
    private static final int CR = 0xE0;
    private static final int CC = 0xD0;
    private static final int DR = 0x80;
    private static final int ER = 0x70;
    private static final int CALLING_TSAP = 0xC1;
    private static final int CALLED_TSAP = 0xC2;
    private static final int TPDU_SIZE = 0xC0;

    @Override
    public String id() {
        return "rfc1006";
    }

    @Override
    public String description() {
        return "RFC 1006 (ISO transport over TCP) connection request, as X.400 MTAs use";
    }

    @Override
    public int defaultPort(TlsMode tls) {
        return 102;
    }

    @Override
    public void run(ProbeContext context) throws IOException, ProbeException {
        Optional<byte[]> called = selector(context.options().calledTsel(), "called");
        Optional<byte[]> calling = selector(context.options().callingTsel(), "calling");
        Wire wire = context.connect();
        wire.write(connectionRequest(called, calling));
        byte[] header;
        try {
            header = wire.readExactly(HEADER);
        } catch (EOFException e) {
            throw new ProbeException(
                    ProbeStatus.PROTOCOL_ERROR,
                    "the peer closed the connection instead of answering" + " the connection request (" + e.getMessage()
                            + ")");
        }
        if ((header[0] & 0xff) != TPKT_VERSION || header[1] != 0) {
            throw notRfc1006(context, wire, header);
        }
        int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        if (length < HEADER + 2) {
            throw garbage(context, "a TPKT of " + length + " bytes is too short to carry a TPDU");
        }
        byte[] body;
        try {
            body = wire.readExactly(length - HEADER);
        } catch (EOFException | SocketTimeoutException e) {
            throw garbage(
                    context,
                    "the TPKT announced " + length + " bytes but the body did not come (" + e.getMessage() + ")");
        }
        context.reached("tpkt");
        context.evidence("tpdu", HexFormat.of().formatHex(body, 0, Math.min(body.length, 64)));
        int li = body[0] & 0xff;
        if (li + 1 > body.length || li < 1) {
            throw garbage(
                    context, "the COTP length indicator " + li + " runs past the " + body.length + "-byte packet");
        }
        int code = body[1] & 0xf0;
        switch (code) {
            case CC -> confirmed(context, body, li);
            case DR -> throw disconnected(context, body, li);
            case ER -> throw error(context, body, li);
            default -> throw garbage(context, String.format("an unexpected TPDU type 0x%02x", body[1] & 0xff));
        }
    }

    private static Optional<byte[]> selector(Optional<String> spec, String which) throws ProbeException {
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Tsel.parse(spec.get()));
        } catch (IllegalArgumentException e) {
            throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, which + " " + e.getMessage());
        }
    }

    /** A connection request TPDU in its TPKT, with a TSAP parameter for each selector given. */
    static byte[] connectionRequest(Optional<byte[]> called, Optional<byte[]> calling) {
        ByteArrayOutputStream tpdu = new ByteArrayOutputStream();
        tpdu.write(0); // length indicator, filled in below
        tpdu.write(CR);
        tpdu.writeBytes(new byte[] {0, 0}); // destination reference: none yet
        tpdu.writeBytes(new byte[] {0x4b, 0x42}); // source reference
        tpdu.write(0); // class 0, no options
        tpdu.writeBytes(new byte[] {(byte) TPDU_SIZE, 1, 0x0b}); // TPDU size 2048
        parameter(tpdu, CALLING_TSAP, calling);
        parameter(tpdu, CALLED_TSAP, called);
        byte[] cotp = tpdu.toByteArray();
        cotp[0] = (byte) (cotp.length - 1);
        int total = HEADER + cotp.length;
        ByteArrayOutputStream tpkt = new ByteArrayOutputStream();
        tpkt.writeBytes(new byte[] {TPKT_VERSION, 0, (byte) (total >> 8), (byte) total});
        tpkt.writeBytes(cotp);
        return tpkt.toByteArray();
    }

    private static void parameter(ByteArrayOutputStream out, int code, Optional<byte[]> value) {
        value.ifPresent(v -> {
            out.write(code);
            out.write(v.length);
            out.writeBytes(v);
        });
    }

    private static void confirmed(ProbeContext context, byte[] body, int li) throws ProbeException {
        context.evidence(EvidenceKeys.RFC1006_OUTCOME, "CC");
        if (li >= 6) {
            context.evidence(EvidenceKeys.COTP_CLASS, (body[6] & 0xf0) >> 4);
        }
        // Variable part: parameters after the 7 fixed bytes (LI included), each code, length, value.
        int at = 7;
        while (at + 2 <= li + 1) {
            int param = body[at] & 0xff;
            int len = body[at + 1] & 0xff;
            if (at + 2 + len > li + 1) {
                throw garbage(context, "a COTP parameter runs past the header");
            }
            byte[] value = Arrays.copyOfRange(body, at + 2, at + 2 + len);
            if (param == CALLED_TSAP) {
                context.evidence("cotp.called-tsel", Tsel.show(value));
            } else if (param == CALLING_TSAP) {
                context.evidence("cotp.calling-tsel", Tsel.show(value));
            } else if (param == TPDU_SIZE && len == 1) {
                context.evidence(EvidenceKeys.COTP_TPDU_SIZE, (long) (1 << value[0]));
            }
            at += 2 + len;
        }
        context.evidence("greeting", "connection confirm");
        context.reached("cc");
    }

    private static ProbeException disconnected(ProbeContext context, byte[] body, int li) {
        context.evidence(EvidenceKeys.RFC1006_OUTCOME, "DR");
        String reason = li >= 6 ? reason(body[6] & 0xff) : "no reason given";
        context.evidence("cotp.reason", reason);
        return new ProbeException(ProbeStatus.REJECTED, "disconnect request: " + reason);
    }

    private static ProbeException error(ProbeContext context, byte[] body, int li) {
        context.evidence(EvidenceKeys.RFC1006_OUTCOME, "ER");
        String cause = li >= 4
                ? switch (body[4] & 0xff) {
                    case 0 -> "reason not specified";
                    case 1 -> "invalid parameter code";
                    case 2 -> "invalid TPDU type";
                    case 3 -> "invalid parameter value";
                    default -> "cause " + (body[4] & 0xff);
                }
                : "no cause given";
        context.evidence("cotp.cause", cause);
        return new ProbeException(ProbeStatus.PROTOCOL_ERROR, "error TPDU: " + cause);
    }

    private static String reason(int code) {
        return switch (code) {
            case 0 -> "reason not specified";
            case 1 -> "congestion at TSAP";
            case 2 -> "session entity not attached to TSAP";
            case 3 -> "address unknown";
            case 128 -> "normal disconnect";
            case 129 -> "remote transport entity congestion";
            case 130 -> "connection negotiation failed";
            case 131 -> "duplicate source reference";
            case 132 -> "mismatched references";
            case 133 -> "protocol error";
            case 135 -> "reference overflow";
            case 136 -> "connection request refused";
            case 138 -> "header or parameter length invalid";
            default -> "reason " + code;
        };
    }

    /** The first bytes were no TPKT: say what the peer speaks instead when it is text. */
    private static ProbeException notRfc1006(ProbeContext context, Wire wire, byte[] header) throws IOException {
        Optional<String> text = wire.firstTextLine(header);
        if (text.isPresent()) {
            context.evidence(EvidenceKeys.RFC1006_OUTCOME, "NOT_RFC1006");
            context.evidence("greeting", text.get());
            return new ProbeException(
                    ProbeStatus.PROTOCOL_ERROR, "not an RFC 1006 service: it said '" + text.get() + "'");
        }
        return garbage(context, "not a TPKT: it starts with 0x" + HexFormat.of().formatHex(header));
    }

    private static ProbeException garbage(ProbeContext context, String detail) {
        context.evidence(EvidenceKeys.RFC1006_OUTCOME, "GARBAGE");
        return new ProbeException(ProbeStatus.PROTOCOL_ERROR, detail);
    }
}
