package io.kbsh.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Loopback ports with nothing behind them, for "refused" and "no answer" cases. The port was free a moment
 * ago and the kernel does not hand a just-closed port out again at once, which is as close as a test can get.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {}

    /** A TCP port on 127.0.0.1 nobody listens on: connecting is refused. */
    public static int closedTcp() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UDP port on 127.0.0.1 nobody reads: a DNS query there is refused (ICMP port unreachable) or unanswered. */
    public static int closedUdp() {
        try (DatagramSocket d = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return d.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
