package io.kbsh.net.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.ProbeStatus;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The UDP probe against a real echo service, a closed port and a port that swallows datagrams, on loopback. */
class UdpProbeTest {

    private static final ProbeOptions OPTIONS =
            ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofSeconds(3));

    private static DatagramSocket bound() throws Exception {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Test
    void anEchoServiceReplies() throws Exception {
        try (DatagramSocket echo = bound()) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[2048];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    echo.receive(p);
                    echo.send(new DatagramPacket(buf, p.getLength(), p.getSocketAddress()));
                } catch (Exception ignored) {
                    // the test ends the socket
                }
            });
            t.setDaemon(true);
            t.start();
            Probe probe = new UdpProbe().configured(Map.of("payload", "0x6b627368"));
            ProbeResult r = probe.probe(ProbeTarget.of("127.0.0.1", echo.getLocalPort()), OPTIONS);
            assertEquals(ProbeStatus.OK, r.status(), r.detail());
            assertEquals("reply", r.evidence(EvidenceKeys.UDP_ANSWER));
            assertEquals("kbsh", r.evidence(EvidenceKeys.UDP_REPLY));
            assertEquals(Optional.of(4L), r.evidence().number(EvidenceKeys.UDP_REPLY_BYTES));
            t.join(2000);
        }
    }

    @Test
    void aClosedPortAnswersWithIcmpPortUnreachable() throws Exception {
        int port;
        try (DatagramSocket s = bound()) {
            port = s.getLocalPort();
        }
        ProbeResult r = new UdpProbe().probe(ProbeTarget.of("127.0.0.1", port), OPTIONS);
        assertEquals(ProbeStatus.REFUSED, r.status(), r.detail());
        assertEquals("refused", r.evidence(EvidenceKeys.UDP_ANSWER));
        assertTrue(r.detail().contains("port unreachable"), r.detail());
    }

    @Test
    void aPortThatSwallowsTheDatagramIsSilentWithinTheReadTimeOut() throws Exception {
        try (DatagramSocket sink = bound()) {
            long t0 = System.nanoTime();
            ProbeResult r = new UdpProbe().probe(ProbeTarget.of("127.0.0.1", sink.getLocalPort()), OPTIONS);
            assertEquals(ProbeStatus.TIMEOUT, r.status(), r.detail());
            assertEquals("silent", r.evidence(EvidenceKeys.UDP_ANSWER));
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(3)) < 0);
            DatagramPacket got = new DatagramPacket(new byte[64], 64);
            sink.setSoTimeout(1000);
            sink.receive(got);
            assertEquals(
                    "kbsh\r\n",
                    new String(got.getData(), 0, got.getLength(), java.nio.charset.StandardCharsets.US_ASCII),
                    "the default payload was sent");
        }
    }

    @Test
    void badParametersAreRefusedByName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new UdpProbe().configured(Map.of("size", "3")));
        assertTrue(e.getMessage().contains("size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UdpProbe().configured(Map.of("payload", "0xabc")));
        assertThrows(IllegalArgumentException.class, () -> new TcpProbe().configured(Map.of("payload", "x")));
    }
}
