package io.kbsh.net.rfc1006;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.testkit.net.Rfc1006Responder;
import io.kbsh.testkit.net.ScriptedServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The RFC 1006 probe against a responder that parses the connection request and answers as an MTA would. */
class Rfc1006ProbeTest {

    private static final ProbeOptions OPTIONS =
            ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));

    private static ProbeResult probe(ScriptedServer.Script script, ProbeOptions options) throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            ProbeResult r = new Rfc1006Probe().probe(ProbeTarget.of("127.0.0.1", server.port()), options);
            assertTrue(server.awaitClientsClosed(Duration.ofSeconds(3)));
            return r;
        }
    }

    @Test
    void connectionConfirmWithTextSelector() throws Exception {
        Rfc1006Responder mta = Rfc1006Responder.accepting("MTA");
        ProbeResult r = probe(mta, OPTIONS.withTsel("MTA", "kbsh"));
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("cc", r.stage());
        assertEquals("CC", r.evidence("rfc1006.outcome"));
        assertEquals("'MTA'", r.evidence("cotp.called-tsel"));
        assertEquals("2048", r.evidence("cotp.tpdu-size"));
        assertArrayEquals("MTA".getBytes(), mta.lastCalledTsap().orElseThrow());
    }

    @Test
    void hexSelectorIsSentAsBytes() throws Exception {
        Rfc1006Responder mta = Rfc1006Responder.accepting(new byte[] {0x00, 0x01, (byte) 0xfe});
        ProbeResult r = probe(mta, OPTIONS.withCalledTsel("0x0001fe"));
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("0x0001fe", r.evidence("cotp.called-tsel"));
    }

    @Test
    void disconnectRequestCarriesItsReason() throws Exception {
        ProbeResult r = probe(Rfc1006Responder.accepting("MTA"), OPTIONS.withCalledTsel("WRONG"));
        assertEquals(ProbeStatus.REJECTED, r.status());
        assertEquals("DR", r.evidence("rfc1006.outcome"));
        assertEquals("address unknown", r.evidence("cotp.reason"));
        assertEquals("06804b42123403", r.evidence("tpdu"), "the disconnect request as received");
        assertEquals("tpkt", r.stage());
    }

    @Test
    void errorTpdu() throws Exception {
        ProbeResult r = probe(
                s -> {
                    s.getInputStream().read(new byte[64]);
                    ScriptedServer.send(s, new byte[] {3, 0, 0, 9, 4, 0x70, 0, 0, 2});
                },
                OPTIONS);
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertEquals("ER", r.evidence("rfc1006.outcome"));
        assertEquals("invalid TPDU type", r.evidence("cotp.cause"));
    }

    @Test
    void aServiceThatIsNotRfc1006() throws Exception {
        ProbeResult r = probe(
                s -> {
                    ScriptedServer.send(s, "220 mail.test ESMTP\r\n");
                    ScriptedServer.holdOpen(s);
                },
                OPTIONS);
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertEquals("NOT_RFC1006", r.evidence("rfc1006.outcome"));
        assertEquals("220 mail.test ESMTP", r.evidence("greeting"));
    }

    @Test
    void binaryGarbage() throws Exception {
        ProbeResult r = probe(
                s -> {
                    ScriptedServer.send(s, new byte[] {(byte) 0x99, 0x01, 0x02, 0x03, 0x04, (byte) 0xff});
                    ScriptedServer.holdOpen(s);
                },
                OPTIONS);
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status());
        assertEquals("GARBAGE", r.evidence("rfc1006.outcome"));
        assertTrue(r.detail().contains("0x99010203"), r.detail());
    }

    @Test
    void selectorsParseAsTextOrHex() {
        assertArrayEquals("MTA".getBytes(), Tsel.parse("MTA"));
        assertArrayEquals(new byte[] {0x0a, (byte) 0xbc}, Tsel.parse("hex:0ABC"));
        assertThrows(IllegalArgumentException.class, () -> Tsel.parse("0x123"));
        assertThrows(IllegalArgumentException.class, () -> Tsel.parse("caf\u00e9"));
    }
}
