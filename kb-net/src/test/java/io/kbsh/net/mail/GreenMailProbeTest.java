package io.kbsh.net.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TlsMode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mail probes against GreenMail's real SMTP, POP3 and IMAP servers and their SSL variants. */
class GreenMailProbeTest {

    private static GreenMail mail;
    private static final ProbeOptions OPTIONS =
            ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(8));

    @BeforeAll
    static void start() {
        ServerSetup[] setups = {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3S),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)
        };
        mail = new GreenMail(ServerSetup.dynamicPort(setups));
        mail.start();
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    private static ProbeResult probe(Probe probe, int port, TlsMode tls) {
        return probe.probe(ProbeTarget.of("127.0.0.1", port), OPTIONS.withTls(tls));
    }

    @Test
    void smtpGreetsAndListsEhloExtensions() {
        ProbeResult r = probe(new SmtpProbe(), mail.getSmtp().getPort(), TlsMode.NONE);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("ehlo", r.stage());
        assertTrue(r.evidence("greeting").startsWith("220 "), r.evidence("greeting"));
        assertTrue(r.evidence("ehlo.extensions").contains("AUTH"), r.evidence("ehlo.extensions"));
        EndpointFact fact = r.toFact();
        assertEquals(mail.getSmtp().getPort(), fact.port());
        assertEquals("ehlo", fact.stage());
        assertTrue(fact.ok());
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByte() {
        ProbeResult r = probe(new SmtpProbe(), mail.getSmtps().getPort(), TlsMode.IMPLICIT);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertTrue(r.evidence("tls.protocol").startsWith("TLSv1."), r.evidence().toString());
        assertTrue(!r.evidence("cert.subject").isEmpty(), r.evidence().toString());
        assertEquals("false", r.evidence("cert.expired"));
    }

    @Test
    void pop3GreetsWithOkAndAnswersCapa() {
        ProbeResult r = probe(new Pop3Probe(), mail.getPop3().getPort(), TlsMode.NONE);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertTrue(r.evidence("greeting").startsWith("+OK"), r.evidence("greeting"));
        assertTrue(r.stage().equals("capa") || r.evidence("capa").equals("unsupported"), r.toString());
    }

    @Test
    void pop3sOverImplicitTls() {
        ProbeResult r = probe(new Pop3Probe(), mail.getPop3s().getPort(), TlsMode.IMPLICIT);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertTrue(r.evidence("greeting").startsWith("+OK"));
        assertTrue(r.evidence().has("tls.cipher"));
    }

    @Test
    void imapGreetsAndListsCapabilities() {
        ProbeResult r = probe(new Imap4Probe(), mail.getImap().getPort(), TlsMode.NONE);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("capability", r.stage());
        assertTrue(r.evidence("capability").contains("IMAP4REV1"), r.evidence("capability"));
    }

    @Test
    void imapsOverImplicitTls() {
        ProbeResult r = probe(new Imap4Probe(), mail.getImaps().getPort(), TlsMode.IMPLICIT);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("capability", r.stage());
        assertTrue(r.evidence().has("tls.protocol"));
    }

    @Test
    void plaintextServerOnTheTlsPortIsReportedWithWhatItSaid() {
        ProbeResult r = probe(new Pop3Probe(), mail.getPop3().getPort(), TlsMode.IMPLICIT);
        assertEquals(ProbeStatus.TLS_ERROR, r.status());
        assertTrue(r.evidence("tls.peer-sent").startsWith("+OK"), r.evidence().toString());
    }

    @Test
    void relayTestAgainstGreenMailWhichAcceptsAnyRecipientAndNothingIsDelivered() {
        ProbeResult r = probe(new SmtpRelayProbe(), mail.getSmtp().getPort(), TlsMode.NONE);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("rcpt", r.stage());
        assertEquals(
                java.util.Optional.of(true),
                r.evidence().flag(io.kbsh.net.probe.EvidenceKeys.RELAY_ACCEPTED),
                r.evidence().toString());
        assertTrue(
                r.evidence(io.kbsh.net.probe.EvidenceKeys.RELAY_RCPT_REPLY).startsWith("250"),
                r.evidence().toString());
        assertEquals(0, mail.getReceivedMessages().length, "no DATA: nothing was delivered");
    }
}
