package io.kbsh.net.probe;

import io.kbsh.model.fact.ProbeStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * The raw socket input, bounded: before every read the socket's time-out is set to what is left of the
 * read time-out and the absolute deadline (so a slow drip of bytes cannot outlast the deadline), every byte
 * counts against the connection's cap, and while a TLS handshake runs the bytes are kept so that the
 * server's hello can be read even when the JDK refuses it.
 */
final class GuardedInput extends InputStream {

    private static final int TAP_LIMIT = 32 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final ProbeContext context;
    private long received;
    /** What was read since {@link #startTap()}, while {@code tapping}. */
    private final ByteArrayOutputStream tap = new ByteArrayOutputStream();

    private boolean tapping;

    GuardedInput(Socket socket, ProbeContext context) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.context = context;
    }

    long received() {
        return received;
    }

    void startTap() {
        tap.reset();
        tapping = true;
    }

    byte[] stopTap() {
        byte[] bytes = tapping ? tap.toByteArray() : new byte[0];
        tapping = false;
        tap.reset();
        return bytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (context.aborted()) {
            throw new SocketException("probe cancelled");
        }
        long cap = context.options().maxBytes();
        if (received >= cap) {
            throw new WireLimitException(
                    ProbeStatus.PROTOCOL_ERROR, "the peer sent more than " + cap + " bytes; stopped reading");
        }
        socket.setSoTimeout(context.readWait());
        int n;
        try {
            n = in.read(b, off, (int) Math.min(len, cap - received));
        } catch (SocketTimeoutException e) {
            context.readWait(); // throws when it was the deadline, not the read time-out, that ran out
            throw e;
        }
        if (n > 0) {
            received += n;
            if (tapping && tap.size() < TAP_LIMIT) {
                tap.write(b, off, Math.min(n, TAP_LIMIT - tap.size()));
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
