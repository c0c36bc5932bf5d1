package io.kbsh.net.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.ldap.LdapProbe;
import io.kbsh.net.mail.Pop3Probe;
import io.kbsh.net.mail.SmtpProbe;
import io.kbsh.net.rfc1006.Rfc1006Probe;
import io.kbsh.net.testkit.Threads;
import io.kbsh.testkit.net.ScriptedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Servers that misbehave on purpose. Each probe must end with the right status, within its deadline (with
 * a generous margin), with its socket closed and no probing thread left.
 */
class HostileServerTest {

    private static final Duration READ = Duration.ofMillis(700);
    private static final Duration DEADLINE = Duration.ofMillis(1500);
    private static final Duration BOUND = Duration.ofMillis(4000);
    private static final ProbeOptions OPTIONS =
            ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(1), READ, DEADLINE);

    private static ProbeResult run(Probe probe, ScriptedServer.Script script) throws Exception {
        return run(probe, script, OPTIONS);
    }

    private static ProbeResult run(Probe probe, ScriptedServer.Script script, ProbeOptions options) throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            long t0 = System.nanoTime();
            List<ProbeResult> results = new ProbeRunner(4, 4)
                    .run(
                            List.of(new ProbeRequest(probe, ProbeTarget.of("127.0.0.1", server.port()), options)),
                            Instant.now().plusSeconds(10));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertTrue(took.compareTo(BOUND) < 0, "took " + took);
            assertTrue(server.awaitClientsClosed(Duration.ofSeconds(3)), "the probe's socket was left open");
            assertEquals(List.of(), Threads.probeThreads(), "probe threads left behind");
            return results.get(0);
        }
    }

    private static void endless(Socket s, byte[] chunk) throws IOException {
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < 100_000; i++) { // ends with a broken pipe once the probe hangs up
            out.write(chunk);
        }
    }

    @Test
    void greetingOverTheReplyCapStops() throws Exception {
        ProbeResult r = run(new SmtpProbe(), s -> {
            for (int i = 0; i < 2000; i++) {
                ScriptedServer.send(s, "220-this greeting goes on and on and on and on and on\r\n");
            }
            ScriptedServer.holdOpen(s);
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertTrue(r.detail().contains("reply longer than"), r.detail());
    }

    @Test
    void endlessLineStopsAtTheLineCap() throws Exception {
        byte[] chunk = new byte[1024];
        Arrays.fill(chunk, (byte) 'A');
        ProbeResult r = run(new SmtpProbe(), s -> {
            ScriptedServer.send(s, "220 ");
            endless(s, chunk);
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertTrue(r.detail().contains("line longer than 4096"), r.detail());
    }

    @Test
    void aMegabyteOfRandomBytesStopsAtTheCap() throws Exception {
        byte[] noise = new byte[1 << 20];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if (noise[i] == '\n') {
                noise[i] = 'x'; // no line end: only the caps can stop the probe
            }
        }
        ProbeResult r = run(
                new SmtpProbe(),
                s -> {
                    ScriptedServer.send(s, noise);
                    ScriptedServer.holdOpen(s);
                },
                OPTIONS.withCaps(64 * 1024, 64 * 1024, 128 * 1024));
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertTrue(r.detail().contains("longer than 65536"), r.detail());
    }

    @Test
    void totalByteCapHoldsAcrossManyLines() throws Exception {
        ProbeResult r = run(
                new Pop3Probe(),
                s -> {
                    ScriptedServer.send(s, "+OK hi\r\n");
                    ScriptedServer.readLine(s);
                    ScriptedServer.send(s, "+OK\r\n");
                    endless(s, "CAPABILITY LINE\r\n".repeat(64).getBytes());
                },
                OPTIONS.withCaps(
                        256, 4096, 4096)); // the connection's cap binds before the reply's: the greeting counts too
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertEquals("the peer sent more than 4096 bytes; stopped reading", r.detail());
    }

    @Test
    void slowDripHitsTheAbsoluteDeadlineNotTheReadTimeout() throws Exception {
        long t0 = System.nanoTime();
        ProbeResult r = run(new SmtpProbe(), s -> {
            for (int i = 0; i < 1000; i++) {
                ScriptedServer.send(s, "2");
                Thread.sleep(100); // the drip itself: one byte per 100 ms, well inside the read time-out
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(ProbeStatus.TIMEOUT, r.status());
        assertTrue(r.detail().contains("deadline"), r.detail());
        assertTrue(took.compareTo(DEADLINE.minusMillis(100)) >= 0, "ended before its deadline: " + took);
    }

    @Test
    void garbageAndNulBytesAreProtocolErrors() throws Exception {
        ProbeResult garbage = run(new SmtpProbe(), s -> {
            ScriptedServer.send(s, "HTTP/1.0 400 Bad Request\r\n\r\n");
            ScriptedServer.holdOpen(s);
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, garbage.status());
        assertTrue(garbage.detail().contains("HTTP/1.0 400"), garbage.detail());

        ProbeResult nul = run(new SmtpProbe(), s -> {
            ScriptedServer.send(s, "220\0\0\0 hello\r\n");
            ScriptedServer.holdOpen(s);
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, nul.status());
        assertTrue(nul.detail().contains("NUL"), nul.detail());
    }

    @Test
    void resetAfterAcceptAndFinWithoutData() throws Exception {
        ProbeResult reset = run(new SmtpProbe(), s -> {
            s.setSoLinger(true, 0);
            s.close();
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, reset.status());
        assertTrue(reset.detail().contains("reset") || reset.detail().contains("closed"), reset.detail());
        assertFalse(reset.detail().contains("connection connection"), reset.detail());
        assertEquals("connect", reset.stage());

        ProbeResult fin = run(new SmtpProbe(), Socket::shutdownOutput);
        assertEquals(ProbeStatus.PROTOCOL_ERROR, fin.status());
        assertTrue(fin.detail().contains("without a word"), fin.detail());
    }

    @Test
    void acceptedButSilentIsItsOwnOutcome() throws Exception {
        ProbeResult r = run(new SmtpProbe(), ScriptedServer::holdOpen);
        assertEquals(ProbeStatus.CONNECTED_SILENT, r.status());
        assertEquals("connect", r.stage());
    }

    @Test
    void plaintextOnATlsPort() throws Exception {
        ProbeResult r = run(
                new SmtpProbe(),
                s -> {
                    ScriptedServer.send(s, "220 plain.test ESMTP\r\n");
                    ScriptedServer.holdOpen(s);
                },
                OPTIONS.withTls(TlsMode.IMPLICIT));
        assertEquals(ProbeStatus.TLS_ERROR, r.status());
        assertEquals("220 plain.test ESMTP\\x0d\\x0a", r.evidence("tls.peer-sent"));
    }

    @Test
    void aStalledTlsHandshakeTimesOut() throws Exception {
        ProbeResult r = run(
                new SmtpProbe(),
                s -> {
                    s.getInputStream().read(new byte[512]); // the ClientHello arrives; no answer ever follows
                    ScriptedServer.holdOpen(s);
                },
                OPTIONS.withTls(TlsMode.IMPLICIT));
        assertEquals(ProbeStatus.TIMEOUT, r.status());
        assertTrue(r.detail().contains("TLS handshake stalled"), r.detail());
    }

    @Test
    void tpktOf65535BytesWithAShortBody() throws Exception {
        ProbeResult r = run(new Rfc1006Probe(), s -> {
            s.getInputStream().read(new byte[64]);
            ScriptedServer.send(s, new byte[] {3, 0, (byte) 0xff, (byte) 0xff, 6, (byte) 0xd0, 0, 0});
            s.shutdownOutput();
            ScriptedServer.holdOpen(s);
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertTrue(r.detail().contains("announced 65535 bytes"), r.detail());
        assertEquals("GARBAGE", r.evidence("rfc1006.outcome"));
    }

    @Test
    void cotpLengthPastThePacket() throws Exception {
        ProbeResult r = run(new Rfc1006Probe(), s -> {
            s.getInputStream().read(new byte[64]);
            ScriptedServer.send(s, new byte[] {3, 0, 0, 11, (byte) 200, (byte) 0xd0, 0, 0, 0, 1, 0});
            ScriptedServer.holdOpen(s);
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertTrue(r.detail().contains("length indicator 200"), r.detail());
    }

    @Test
    void ldapProbeOfAMailServerSaysWhatAnsweredWithoutWaiting() throws Exception {
        ProbeResult r = run(new LdapProbe(), s -> {
            ScriptedServer.send(s, "220 mail.test ESMTP\r\n");
            ScriptedServer.holdOpen(s); // a mail server ignores the binary bind: only the greeting ever comes
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertEquals("not an LDAP server: it said '220 mail.test ESMTP'", r.detail()); // not a read time-out
    }

    @Test
    void berLengthOfFourGigabytes() throws Exception {
        ProbeResult r = run(new LdapProbe(), s -> {
            s.getInputStream().read(new byte[64]);
            ScriptedServer.send(
                    s, new byte[] {0x30, (byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 1, 2});
            ScriptedServer.holdOpen(s);
        });
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertTrue(r.detail().contains("BER length 4294967295"), r.detail());
    }
}
