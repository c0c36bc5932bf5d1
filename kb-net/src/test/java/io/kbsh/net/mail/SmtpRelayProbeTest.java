package io.kbsh.net.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.testkit.net.ScriptedServer;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The relay test against an SMTP responder that restricts relaying as the IMS does, recording every command. */
class SmtpRelayProbeTest {

    private static final ProbeOptions OPTIONS =
            ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(6));

    /** Refuses RCPT to anything outside {@code site.test} with the IMS's 550 5.7.1. */
    private static ScriptedServer.Script restricting(List<String> commands) {
        return (Socket client) -> {
            ScriptedServer.send(
                    client,
                    "220 mail.site.test ESMTP Server (Microsoft Exchange Internet Mail Service 5.5.2650.21) ready\r\n");
            String line;
            while ((line = ScriptedServer.readLine(client)) != null) {
                commands.add(line);
                String verb = line.split("[ :]", 2)[0].toUpperCase();
                switch (verb) {
                    case "EHLO" -> ScriptedServer.send(client, "250-mail.site.test Hello\r\n250 SIZE 0\r\n");
                    case "MAIL", "RSET" -> ScriptedServer.send(client, "250 OK\r\n");
                    case "RCPT" ->
                        ScriptedServer.send(
                                client,
                                line.toLowerCase().contains("@site.test>")
                                        ? "250 OK - recipient\r\n"
                                        : "550 5.7.1 Unable to relay for " + line.substring(8) + "\r\n");
                    case "QUIT" -> {
                        ScriptedServer.send(client, "221 closing\r\n");
                        return;
                    }
                    default -> ScriptedServer.send(client, "500 unrecognised\r\n");
                }
            }
        };
    }

    @Test
    void aServerThatRestrictsRelayRefusesTheForeignRecipientAndNoDataIsSent() throws Exception {
        List<String> commands = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer(restricting(commands))) {
            ProbeResult r = new SmtpRelayProbe().probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS);
            assertEquals(ProbeStatus.OK, r.status(), r.detail());
            assertEquals("rcpt", r.stage());
            assertEquals(Optional.of(false), r.evidence().flag(EvidenceKeys.RELAY_ACCEPTED));
            assertEquals(Optional.of(550L), r.evidence().number(EvidenceKeys.RELAY_RCPT_CODE));
            assertTrue(
                    r.evidence(EvidenceKeys.RELAY_RCPT_REPLY).contains("5.7.1 Unable to relay"),
                    r.evidence().toString());
            assertTrue(server.awaitClientsClosed(Duration.ofSeconds(3)));
            assertEquals("RCPT TO:<" + SmtpRelayProbe.DEFAULT_TO + ">", commands.get(2));
            assertFalse(commands.stream().anyMatch(c -> c.toUpperCase().startsWith("DATA")), commands.toString());
            assertTrue(commands.contains("RSET"), commands.toString());
        }
    }

    @Test
    void theRecipientIsAParameterAndAnOwnRecipientIsAccepted() throws Exception {
        List<String> commands = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer(restricting(commands))) {
            ProbeResult r = new SmtpRelayProbe()
                    .configured(Map.of("to", "postmaster@site.test"))
                    .probe(ProbeTarget.of("127.0.0.1", server.port()), OPTIONS);
            assertEquals(
                    Optional.of(true),
                    r.evidence().flag(EvidenceKeys.RELAY_ACCEPTED),
                    r.evidence().toString());
            assertEquals("postmaster@site.test", r.evidence(EvidenceKeys.RELAY_TO));
        }
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class, () -> new SmtpRelayProbe().configured(Map.of("to", "x>\r\nDATA")));
        assertTrue(bad.getMessage().contains("mailbox"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SmtpRelayProbe().configured(Map.of("rcpt", "a@b.test")));
    }
}
