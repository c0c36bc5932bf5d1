package io.kbsh.net.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.mail.Pop3Probe;
import io.kbsh.net.testkit.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.net.Socket;
import java.security.Security;
import java.time.Duration;
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
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[5];
            in.readFully(header);
            in.readFully(new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)]);
            ByteArrayOutputStream hello = new ByteArrayOutputStream();
            hello.writeBytes(new byte[] {(byte) (version >> 8), (byte) version});
            hello.writeBytes(new byte[32]);                 // server random
            hello.write(0);                                 // no session id
            hello.writeBytes(new byte[] {0x00, 0x2f});      // TLS_RSA_WITH_AES_128_CBC_SHA
            hello.write(0);                                 // no compression
            byte[] body = hello.toByteArray();
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            record.writeBytes(new byte[] {22, (byte) (version >> 8), (byte) version, 0, (byte) (body.length + 4)});
            record.writeBytes(new byte[] {2, 0, 0, (byte) body.length});
            record.writeBytes(body);
            ScriptedServer.send(s, record.toByteArray());
            ScriptedServer.holdOpen(s);
        };
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
