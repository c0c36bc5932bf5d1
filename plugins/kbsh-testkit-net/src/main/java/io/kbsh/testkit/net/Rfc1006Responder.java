package io.kbsh.testkit.net;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * An X.400 MTA's transport as an RFC 1006 probe meets it (ISO transport class 0 over TCP, TPKT framing):
 * reads one connection request (CR TPDU) and answers it with a connection confirm (CC) that echoes the
 * called TSAP when that is the expected one, or a disconnect request (DR) with reason 3, "address unknown",
 * when it is not. Play it with {@code new ScriptedServer(Rfc1006Responder.accepting("MTA"))}.
 *
 * <p>Thread-safe: every connection reads its own request; {@link #lastCalledTsap()} holds the newest.
 */
public final class Rfc1006Responder implements ScriptedServer.Script {

    /** The DR reason an MTA gives for a TSAP it does not serve (ISO 8073: "address unknown"). */
    public static final int REASON_ADDRESS_UNKNOWN = 3;

    private final byte[] expected;
    private final AtomicReference<byte[]> seen = new AtomicReference<>();

    private Rfc1006Responder(byte[] expected) {
        this.expected = expected.clone();
    }

    /** Confirms a request for the called TSAP {@code tsel} (ASCII, e.g. {@code MTA}), refuses any other. */
    public static Rfc1006Responder accepting(String tsel) {
        return new Rfc1006Responder(tsel.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Confirms a request for the called TSAP {@code tsel} given as bytes, refuses any other. */
    public static Rfc1006Responder accepting(byte[] tsel) {
        return new Rfc1006Responder(tsel);
    }

    /** The called TSAP of the newest connection request, if one came and carried one. */
    public Optional<byte[]> lastCalledTsap() {
        return Optional.ofNullable(seen.get()).map(byte[]::clone);
    }

    @Override
    public void play(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] header = new byte[4];
        in.readFully(header);
        if (header[0] != 3) {
            throw new IOException("not a TPKT: version " + header[0]);
        }
        byte[] tpdu = new byte[(((header[2] & 0xff) << 8) | (header[3] & 0xff)) - 4];
        in.readFully(tpdu);
        if (tpdu.length < 7 || (tpdu[1] & 0xf0) != 0xE0) {
            throw new IOException("not a connection request");
        }
        byte[] called = calledTsap(tpdu);
        seen.set(called);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (called != null && Arrays.equals(called, expected)) {
            // CC: destination reference = the caller's source reference, our own 0x1234, class 0, TPDU size 2048.
            out.writeBytes(new byte[] {
                0,
                (byte) 0xD0,
                tpdu[4],
                tpdu[5],
                0x12,
                0x34,
                0x00,
                (byte) 0xC0,
                1,
                0x0b,
                (byte) 0xC2,
                (byte) called.length
            });
            out.writeBytes(called);
        } else {
            out.writeBytes(new byte[] {0, (byte) 0x80, tpdu[4], tpdu[5], 0x12, 0x34, REASON_ADDRESS_UNKNOWN});
        }
        byte[] reply = out.toByteArray();
        reply[0] = (byte) (reply.length - 1);
        ScriptedServer.send(s, new byte[] {3, 0, 0, (byte) (reply.length + 4)});
        ScriptedServer.send(s, reply);
    }

    /** The called TSAP (parameter 0xC2) of a CR TPDU, or null when it has none. */
    static byte @Nullable [] calledTsap(byte[] tpdu) {
        for (int at = 7; at + 2 <= tpdu.length; at += 2 + (tpdu[at + 1] & 0xff)) {
            if ((tpdu[at] & 0xff) == 0xC2) {
                return Arrays.copyOfRange(tpdu, at + 2, Math.min(tpdu.length, at + 2 + (tpdu[at + 1] & 0xff)));
            }
        }
        return null;
    }
}
