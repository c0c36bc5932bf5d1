package io.kbsh.net.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TlsMode;
import io.kbsh.testkit.net.Dialogue;
import io.kbsh.testkit.net.ScriptedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Greetings, rejections and STARTTLS of the mail and news probes against scripted servers. */
class ScriptedMailProbeTest {

    private static final ProbeOptions OPTIONS =
            ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(6));

    private static final String EHLO_WITH_TLS =
            "250-test.invalid hello\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 STARTTLS\r\n";

    static ProbeResult probe(Probe probe, ScriptedServer.Script script, TlsMode tls) throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            ProbeResult r = probe.probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS.withTls(tls));
            assertTrue(server.awaitClientsClosed(Duration.ofSeconds(3)), "the probe left its socket open");
            return r;
        }
    }

    @Test
    void theTestKitsReadyMadeServersGreetAsTheRealOnes() throws Exception {
        ProbeResult smtp = probe(new SmtpProbe(), Dialogue.smtp("mail.test"), TlsMode.NONE);
        assertEquals(ProbeStatus.OK, smtp.status(), smtp.detail());
        assertEquals("220 mail.test ESMTP", smtp.evidence(EvidenceKeys.GREETING));
        assertEquals(List.of("8BITMIME"), smtp.evidence().list(EvidenceKeys.EHLO_EXTENSIONS));
        ProbeResult pop3 = probe(new Pop3Probe(), Dialogue.pop3("mail.test"), TlsMode.NONE);
        assertEquals(ProbeStatus.OK, pop3.status(), pop3.detail());
        assertEquals("+OK mail.test POP3 ready", pop3.evidence(EvidenceKeys.GREETING));
        assertEquals(List.of("USER"), pop3.evidence().list(EvidenceKeys.POP3_CAPA));
        ProbeResult imap = probe(new Imap4Probe(), Dialogue.imap4("mail.test"), TlsMode.NONE);
        assertEquals(ProbeStatus.OK, imap.status(), imap.detail());
        assertEquals("* OK mail.test IMAP4rev1 ready", imap.evidence(EvidenceKeys.GREETING));
    }

    @Test
    void smtpMultiLineGreetingIsOneReply() throws Exception {
        ProbeResult r = probe(
                new SmtpProbe(),
                Dialogue.greeting("220-mail.test ESMTP\r\n220-second line\r\n220 ready\r\n")
                        .on("EHLO", "250-mail.test\r\n250 8BITMIME\r\n"),
                TlsMode.NONE);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("220 mail.test ESMTP (+2 lines)", r.evidence("greeting"));
        assertEquals(List.of("8BITMIME"), r.evidence().list(EvidenceKeys.EHLO_EXTENSIONS));
        assertEquals(
                List.of("address", "connect-ms", "greeting", "ehlo.name", "ehlo.extensions"),
                List.copyOf(r.evidence().keys()),
                "evidence in the order of the conversation");
        assertEquals(r.evidence(), r.toFact().evidence());
    }

    @Test
    void smtp421And554TurnTheClientAway() throws Exception {
        for (String greeting : new String[] {"421 busy, try later\r\n", "554 no service for you\r\n"}) {
            ProbeResult r = probe(new SmtpProbe(), Dialogue.greeting(greeting), TlsMode.NONE);
            assertEquals(ProbeStatus.REJECTED, r.status(), greeting);
            assertEquals("connect", r.stage());
            assertTrue(r.detail().contains(greeting.substring(0, 3)), r.detail());
        }
    }

    /**
     * An IMS set up for TLS with one domain (Q255753): it lists STARTTLS only when EHLO names that domain. The
     * probe's {@code helo} parameter is what it sends, and evidence {@code ehlo.name} says so.
     */
    @Test
    void theHeloParameterIsTheNameGivenInEhlo() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScriptedServer.Script ims = client -> {
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(client.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            var out = client.getOutputStream();
            out.write("220 mail.test Microsoft ESMTP MAIL Service\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                heard.add(line);
                String reply = line.toUpperCase(java.util.Locale.ROOT).startsWith("EHLO ")
                        ? line.toLowerCase(java.util.Locale.ROOT).endsWith("partner.example")
                                ? "250-mail.test hello\r\n250-SIZE\r\n250 STARTTLS\r\n"
                                : "250-mail.test hello\r\n250 SIZE\r\n"
                        : "221 bye\r\n";
                out.write(reply.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
            }
        };
        ProbeResult plain = probe(new SmtpProbe(), ims, TlsMode.NONE);
        assertEquals(ProbeStatus.OK, plain.status(), plain.detail());
        assertEquals("kbsh.invalid", plain.evidence(EvidenceKeys.EHLO_NAME));
        assertEquals(List.of("SIZE"), plain.evidence().list(EvidenceKeys.EHLO_EXTENSIONS));
        assertEquals("EHLO kbsh.invalid", heard.get(0));

        heard.clear();
        Probe named = new SmtpProbe().configured(java.util.Map.of("helo", "partner.example"));
        ProbeResult r = probe(named, ims, TlsMode.NONE);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("EHLO partner.example", heard.get(0));
        assertEquals("partner.example", r.evidence(EvidenceKeys.EHLO_NAME));
        assertEquals(List.of("SIZE", "STARTTLS"), r.evidence().list(EvidenceKeys.EHLO_EXTENSIONS));
        assertEquals(new SmtpProbe().parameterNames(), java.util.Set.of("helo"));
    }

    /** A helo that is no host name — a space, a line break that would write a command of its own — is refused. */
    @Test
    void aHeloThatIsNoHostNameIsRefused() {
        for (String bad : new String[] {"", "two words", "x.example\r\nMAIL FROM:<a@b>", "-lead.example", "a..b"}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class,
                    () -> new SmtpProbe().configured(java.util.Map.of("helo", bad)),
                    bad);
            assertTrue(e.getMessage().startsWith("helo is a host name such as mail.example.com"), e.getMessage());
        }
        for (String good : new String[] {"partner.example", "MAIL1", "[192.0.2.1]", "host.partner.example."}) {
            assertTrue(new SmtpProbe().configured(java.util.Map.of("helo", good)) instanceof SmtpProbe, good);
        }
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new SmtpProbe().configured(java.util.Map.of("to", "x@y")));
        assertEquals("probe smtp takes parameter helo, not 'to'", unknown.getMessage());
        // The options' own name is held to one word as well: it is written after EHLO as it is.
        ProbeOptions d = ProbeOptions.defaults();
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new ProbeOptions(
                        d.connectTimeout(),
                        d.readTimeout(),
                        d.deadline(),
                        d.dnsTimeout(),
                        d.tls(),
                        d.calledTsel(),
                        d.callingTsel(),
                        d.dnsServer(),
                        d.smtpPort(),
                        "x.example\r\nQUIT",
                        d.tlsName(),
                        d.maxLineBytes(),
                        d.maxReplyBytes(),
                        d.maxBytes()));
    }

    @Test
    void smtpFallsBackToHeloWhenEhloIsRefused() throws Exception {
        ProbeResult r = probe(
                new SmtpProbe(),
                Dialogue.greeting("220 old.test\r\n").on("EHLO", "502 what\r\n").on("HELO", "250 old.test\r\n"),
                TlsMode.NONE);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("helo", r.stage());
    }

    @Test
    void smtpStartTlsUpgradesAndReportsTheCertificate() throws Exception {
        ProbeResult r = probe(
                new SmtpProbe(),
                Dialogue.greeting("220 tls.test\r\n")
                        .on("EHLO", EHLO_WITH_TLS)
                        .startTlsOn("STARTTLS", "220 go ahead\r\n"),
                TlsMode.STARTTLS);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("starttls", r.stage());
        assertTrue(r.evidence("tls.protocol").startsWith("TLSv1."), r.evidence().toString());
        assertEquals("true", r.evidence("cert.self-signed"));
        assertEquals("true", r.evidence("cert.host-match"));
        assertTrue(r.evidence("cert.subject").contains("CN=localhost"), r.evidence("cert.subject"));
        // Typed: the certificate's dates are times, its verdicts flags, its names a list.
        Instant notAfter = r.evidence().time(EvidenceKeys.CERT_NOT_AFTER).orElseThrow();
        assertTrue(
                notAfter.isAfter(r.evidence().time(EvidenceKeys.CERT_NOT_BEFORE).orElseThrow()));
        assertEquals(Optional.of(false), r.evidence().flag(EvidenceKeys.CERT_EXPIRED));
        assertTrue(
                r.evidence().list(EvidenceKeys.CERT_NAMES).contains("localhost"),
                r.evidence().toString());
        assertTrue(r.evidence().number(EvidenceKeys.CONNECT_MS).orElseThrow() >= 0);
    }

    @Test
    void startTlsKeepsTheExtensionsSeenBeforeTlsBesideThoseAfter() throws Exception {
        // Offered in plain text: STARTTLS and no AUTH; over TLS: AUTH and, as servers do, no STARTTLS.
        ProbeResult r = probe(
                new SmtpProbe(),
                Dialogue.greeting("220 tls.test\r\n")
                        .on("EHLO", EHLO_WITH_TLS)
                        .overTls("EHLO", "250-tls.test hello again\r\n250-SIZE 1000\r\n250 AUTH LOGIN PLAIN\r\n")
                        .startTlsOn("STARTTLS", "220 go ahead\r\n"),
                TlsMode.STARTTLS);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals(
                List.of("PIPELINING", "SIZE 1000", "STARTTLS"), r.evidence().list(EvidenceKeys.EHLO_EXTENSIONS));
        assertEquals(
                List.of("SIZE 1000", "AUTH LOGIN PLAIN"), r.evidence().list(EvidenceKeys.EHLO_EXTENSIONS_AFTER_TLS));
        assertTrue(
                r.toFact().evidence().list(EvidenceKeys.EHLO_EXTENSIONS).contains("STARTTLS"),
                "the fact still says the server offered STARTTLS");
    }

    @Test
    void imapCapabilitiesBeforeAndAfterStartTlsAreBothKept() throws Exception {
        ProbeResult r = probe(
                new Imap4Probe(),
                Dialogue.greeting("* OK ready\r\n")
                        .tagged()
                        .on("CAPABILITY", "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nTAG OK done\r\n")
                        .overTls("CAPABILITY", "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nTAG OK done\r\n")
                        .startTlsOn("STARTTLS", "TAG OK begin TLS\r\n"),
                TlsMode.STARTTLS);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals(
                List.of("IMAP4REV1", "STARTTLS", "LOGINDISABLED"), r.evidence().list(EvidenceKeys.IMAP4_CAPABILITY));
        assertEquals(List.of("IMAP4REV1", "AUTH=PLAIN"), r.evidence().list(EvidenceKeys.IMAP4_CAPABILITY_AFTER_TLS));
    }

    @Test
    void theTlsNameDecidesTheHostNameMatch() throws Exception {
        for (String name : new String[] {"localhost", "mx.elsewhere.test"}) {
            try (ScriptedServer server = new ScriptedServer(Dialogue.greeting("220 tls.test\r\n")
                    .on("EHLO", EHLO_WITH_TLS)
                    .startTlsOn("STARTTLS", "220 go ahead\r\n"))) {
                ProbeResult r = new SmtpProbe()
                        .probe(
                                ProbeTarget.of("127.0.0.1", server.port()),
                                OPTIONS.withTls(TlsMode.STARTTLS).withTlsName(name));
                assertEquals(ProbeStatus.OK, r.status(), r.detail());
                assertEquals(Boolean.toString(name.equals("localhost")), r.evidence("cert.host-match"), name);
            }
        }
    }

    @Test
    void smtpStartTlsNotOfferedOrRefusedIsATlsError() throws Exception {
        ProbeResult refused = probe(
                new SmtpProbe(),
                Dialogue.greeting("220 plain.test\r\n")
                        .on("EHLO", "250 plain.test\r\n")
                        .on("STARTTLS", "454 TLS not available\r\n"),
                TlsMode.STARTTLS);
        assertEquals(ProbeStatus.TLS_ERROR, refused.status());
        assertTrue(refused.detail().contains("454"), refused.detail());
        assertEquals("ehlo", refused.stage());
    }

    @Test
    void opportunisticStartTlsFailureIsEvidenceNotFailure() throws Exception {
        ProbeResult r = probe(
                new SmtpProbe(),
                Dialogue.greeting("220 half.test\r\n")
                        .on("EHLO", EHLO_WITH_TLS)
                        .on("STARTTLS", "220 go ahead\r\nthis is not TLS\r\n"),
                TlsMode.OPPORTUNISTIC);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("ehlo", r.stage());
        assertTrue(r.evidence("starttls").startsWith("failed"), r.evidence().toString());
    }

    @Test
    void pop3ErrGreetingAndStls() throws Exception {
        assertEquals(
                ProbeStatus.REJECTED,
                probe(new Pop3Probe(), Dialogue.greeting("-ERR too many connections\r\n"), TlsMode.NONE)
                        .status());
        ProbeResult tls = probe(
                new Pop3Probe(),
                Dialogue.greeting("+OK POP3 ready\r\n")
                        .on("CAPA", "+OK\r\nUSER\r\nSTLS\r\n.\r\n")
                        .startTlsOn("STLS", "+OK begin TLS\r\n"),
                TlsMode.STARTTLS);
        assertEquals(ProbeStatus.OK, tls.status(), tls.detail());
        assertEquals("starttls", tls.stage());
        assertEquals(List.of("USER", "STLS"), tls.evidence().list(EvidenceKeys.POP3_CAPA));
        assertEquals(List.of("USER", "STLS"), tls.evidence().list(EvidenceKeys.POP3_CAPA_AFTER_TLS));
    }

    @Test
    void imapPreauthByeAndStartTls() throws Exception {
        ProbeResult preauth = probe(
                new Imap4Probe(),
                Dialogue.greeting("* PREAUTH welcome back\r\n")
                        .tagged()
                        .on("CAPABILITY", "* CAPABILITY IMAP4rev1 IDLE\r\nTAG OK done\r\n"),
                TlsMode.NONE);
        assertEquals(ProbeStatus.OK, preauth.status(), preauth.detail());
        assertEquals("true", preauth.evidence("imap4.preauth"));
        assertEquals(List.of("IMAP4REV1", "IDLE"), preauth.evidence().list(EvidenceKeys.IMAP4_CAPABILITY));
        assertEquals(Optional.of(true), preauth.evidence().flag(EvidenceKeys.IMAP4_PREAUTH));

        assertEquals(
                ProbeStatus.REJECTED,
                probe(new Imap4Probe(), Dialogue.greeting("* BYE shutting down\r\n"), TlsMode.NONE)
                        .status());

        ProbeResult tls = probe(
                new Imap4Probe(),
                Dialogue.greeting("* OK ready\r\n")
                        .tagged()
                        .on("CAPABILITY", "* CAPABILITY IMAP4rev1 STARTTLS\r\nTAG OK done\r\n")
                        .startTlsOn("STARTTLS", "TAG OK begin TLS\r\n"),
                TlsMode.STARTTLS);
        assertEquals(ProbeStatus.OK, tls.status(), tls.detail());
        assertEquals("starttls", tls.stage());
        assertTrue(tls.evidence().has("tls.cipher"));
    }

    @Test
    void nntpPostingFlagsAndRejections() throws Exception {
        ProbeResult posting = probe(
                new NntpProbe(),
                Dialogue.greeting("200 news.test ready\r\n")
                        .on("CAPABILITIES", "101 list\r\nVERSION 2\r\nREADER\r\n.\r\n"),
                TlsMode.NONE);
        assertEquals(ProbeStatus.OK, posting.status(), posting.detail());
        assertEquals("true", posting.evidence("nntp.posting"));
        assertEquals(List.of("VERSION", "READER"), posting.evidence().list(EvidenceKeys.NNTP_CAPABILITIES));
        assertEquals(Optional.of(true), posting.evidence().flag(EvidenceKeys.NNTP_POSTING));

        ProbeResult readOnly = probe(new NntpProbe(), Dialogue.greeting("201 no posting\r\n"), TlsMode.NONE);
        assertEquals(ProbeStatus.OK, readOnly.status(), readOnly.detail());
        assertEquals("false", readOnly.evidence("nntp.posting"));
        assertEquals("unsupported", readOnly.evidence("capabilities"));

        for (String refusal : new String[] {"400 service discontinued\r\n", "502 access denied\r\n"}) {
            assertEquals(
                    ProbeStatus.REJECTED,
                    probe(new NntpProbe(), Dialogue.greeting(refusal), TlsMode.NONE)
                            .status());
        }
    }

    @Test
    void nntpStartTlsAndImplicitTls() throws Exception {
        ProbeResult starttls = probe(
                new NntpProbe(),
                Dialogue.greeting("200 ready\r\n")
                        .on("CAPABILITIES", "101 list\r\nVERSION 2\r\nSTARTTLS\r\n.\r\n")
                        .startTlsOn("STARTTLS", "382 continue\r\n"),
                TlsMode.STARTTLS);
        assertEquals(ProbeStatus.OK, starttls.status(), starttls.detail());
        assertEquals("starttls", starttls.stage());

        ProbeResult implicit =
                probe(new NntpProbe(), Dialogue.greeting("200 secure news\r\n").implicitTls(), TlsMode.IMPLICIT);
        assertEquals(ProbeStatus.OK, implicit.status(), implicit.detail());
        assertEquals("200 secure news", implicit.evidence("greeting"));
        assertTrue(implicit.evidence().has("tls.protocol"));
        assertEquals(563, new NntpProbe().defaultPort(TlsMode.IMPLICIT));
    }
}
