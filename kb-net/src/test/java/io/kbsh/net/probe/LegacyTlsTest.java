package io.kbsh.net.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.mail.Pop3Probe;
import io.kbsh.testkit.net.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.security.Security;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * A server of the era that only speaks SSLv3 or TLS 1.0: the scripted server reads the JDK's ClientHello
 * and answers with a real ServerHello record choosing its old version. The probe names that version; the
 * test JVM's TLS settings stay as they are.
 */
class LegacyTlsTest {

    private static final ProbeOptions OPTIONS = ProbeOptions.defaults()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))
            .withTls(TlsMode.IMPLICIT);

    /** Reads one TLS record (the ClientHello) and answers with a ServerHello of {@code version}. */
    private static ScriptedServer.Script oldServer(int version) {
        return (Socket s) -> {
            readRecord(s);
            ScriptedServer.send(s, serverHello(version));
            ScriptedServer.holdOpen(s);
        };
    }

    /** The body of the next TLS record the client sends. */
    private static byte[] readRecord(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] header = new byte[5];
        in.readFully(header);
        byte[] body = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
        in.readFully(body);
        return body;
    }

    private static byte[] serverHello(int version) {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.writeBytes(new byte[] {(byte) (version >> 8), (byte) version});
        hello.writeBytes(new byte[32]); // server random
        hello.write(0); // no session id
        hello.writeBytes(new byte[] {0x00, 0x2f}); // TLS_RSA_WITH_AES_128_CBC_SHA
        hello.write(0); // no compression
        byte[] body = hello.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, (byte) (version >> 8), (byte) version, 0, (byte) (body.length + 4)});
        record.writeBytes(new byte[] {2, 0, 0, (byte) body.length});
        record.writeBytes(body);
        return record.toByteArray();
    }

    /**
     * The TLS side of a server on a current TLS library limited to TLS 1.0 (as OpenSSL 3 with {@code -tls1}
     * behaves): a hello offering TLS 1.2 or later gets a bare {@code protocol_version} alert; an older hello
     * gets a TLS 1.0 ServerHello, unless {@code refuseAll}.
     */
    private static void tls10Library(Socket s, boolean refuseAll) throws IOException {
        byte[] hello = readRecord(s);
        int offered = ((hello[4] & 0xff) << 8) | (hello[5] & 0xff); // client_version after the 4-byte header
        if (refuseAll || offered > 0x0302) {
            ScriptedServer.send(s, new byte[] {21, 3, 1, 0, 2, 2, 70});
            return;
        }
        ScriptedServer.send(s, serverHello(0x0301));
        ScriptedServer.holdOpen(s);
    }

    @Test
    void aServerThatOnlyAlertsIsAskedAgainWithALegacyHello() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> tls10Library(s, false))) {
            ProbeResult r = new Pop3Probe().probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS);
            assertEquals(ProbeStatus.TLS_ERROR, r.status());
            assertEquals("TLSv1", r.evidence("tls.server-version"), r.evidence().toString());
            assertEquals("protocol_version", r.evidence("tls.alert"));
            assertTrue(r.detail().startsWith("the server only speaks TLSv1, which this JVM disables"), r.detail());
            assertEquals(2, server.accepted(), "the modern hello, then the legacy one");
            assertTrue(server.awaitClientsClosed(Duration.ofSeconds(3)), "both connections closed");
        }
    }

    @Test
    void theLegacyHelloFollowsStartTls() throws Exception {
        ScriptedServer.Script pop3 = s -> {
            ScriptedServer.send(s, "+OK old POP3\r\n");
            assertEquals("CAPA", ScriptedServer.readLine(s));
            ScriptedServer.send(s, "+OK\r\nUSER\r\nSTLS\r\n.\r\n");
            assertEquals("STLS", ScriptedServer.readLine(s));
            ScriptedServer.send(s, "+OK begin\r\n");
            tls10Library(s, false);
        };
        try (ScriptedServer server = new ScriptedServer(pop3)) {
            ProbeResult r = new Pop3Probe()
                    .probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS.withTls(TlsMode.STARTTLS));
            assertEquals(ProbeStatus.TLS_ERROR, r.status());
            assertEquals("TLSv1", r.evidence("tls.server-version"), r.evidence().toString());
            assertEquals("capa", r.stage());
            assertEquals(2, server.accepted());
        }
    }

    @Test
    void aServerMuteAtTheLegacyHelloKeepsItsAlert() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer(s -> {
            if (connections.incrementAndGet() == 1) {
                tls10Library(s, true);
            } else {
                readRecord(s);
                ScriptedServer.holdOpen(s); // reads the legacy hello, answers nothing
            }
        })) {
            long t0 = System.nanoTime();
            ProbeResult r = new Pop3Probe().probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS);
            assertEquals(ProbeStatus.TLS_ERROR, r.status(), r.detail());
            assertEquals("the server refused the handshake: TLS alert protocol_version", r.detail());
            assertTrue(
                    r.evidence("tls.legacy-hello").startsWith("no answer"),
                    r.evidence().toString());
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(6)) < 0,
                    "long past the deadline");
        }
    }

    @Test
    void aServerThatRefusesEveryHelloKeepsItsAlert() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> tls10Library(s, true))) {
            ProbeResult r = new Pop3Probe().probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS);
            assertEquals(ProbeStatus.TLS_ERROR, r.status());
            assertEquals("", r.evidence("tls.server-version"));
            assertEquals("refused too: TLS alert protocol_version", r.evidence("tls.legacy-hello"));
            assertTrue(r.detail().contains("no TLS 1.1, 1.0 or SSLv3 hello either"), r.detail());
        }
    }

    @Test
    void tls10OnlyServerIsNamed() throws Exception {
        try (ScriptedServer server = new ScriptedServer(oldServer(0x0301))) {
            ProbeResult r = new Pop3Probe().probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS);
            assertEquals(ProbeStatus.TLS_ERROR, r.status());
            assertEquals("TLSv1", r.evidence("tls.server-version"));
            assertTrue(r.detail().contains("only speaks TLSv1,"), r.detail());
            assertEquals("connect", r.stage());
        }
    }

    @Test
    void sslv3OnlyServerIsNamedAndTheJvmKeepsItsSettings() throws Exception {
        String before = Security.getProperty("jdk.tls.disabledAlgorithms");
        try (ScriptedServer server = new ScriptedServer(oldServer(0x0300))) {
            ProbeResult r = new Pop3Probe().probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS);
            assertEquals(ProbeStatus.TLS_ERROR, r.status());
            assertEquals("SSLv3", r.evidence("tls.server-version"));
        }
        assertEquals(before, Security.getProperty("jdk.tls.disabledAlgorithms"));
        assertTrue(before.contains("TLSv1.1"), before);
        String[] enabled = SSLContext.getDefault().getDefaultSSLParameters().getProtocols();
        assertTrue(java.util.Arrays.stream(enabled).noneMatch(p -> p.equals("TLSv1") || p.equals("SSLv3")));
    }
}
