package io.kbsh.shell.troubleshoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.shell.Kbsh;
import io.kbsh.testkit.net.Dialogue;
import io.kbsh.testkit.net.ScriptedServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code troubleshoot Q319881} in batch mode: answers from a file and options, probes against real SMTP
 * servers on loopback standing in for the Exchange server and the proxy's public address.
 */
class TroubleshootCommandTest {

    private static final String IMS =
            "220 nwmail1.northwind.example Microsoft ESMTP MAIL Service, Version: 5.5.2650.21 ready"
                    + " (Microsoft Exchange Internet Mail Service 5.5.2650.21)\r\n";

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    private Result kbsh(String commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Kbsh.run(new Kbsh.Launch(
                new String[] {"--home", dir.resolve("home").toString(), "-c", commands},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                false,
                Optional.empty(),
                dir));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every question up to the proxy's port answered so that the walk reaches the probes. */
    private Path answersToTheProbes(String exchangePort, String proxyPort) throws Exception {
        return Files.writeString(
                dir.resolve("flow.txt"),
                String.join(
                        "\n",
                        "# Q319881 answered for a site whose mail stopped both ways",
                        "some-mail-flows = no",
                        "ndr = no",
                        "queued = no",
                        "services-start = yes",
                        "service-packs = yes",
                        "antivirus = no",
                        "forward-or-dns = no",
                        "multihomed = no",
                        "client-installed = yes",
                        "wspcfg-installed = yes",
                        "reach-proxy = yes",
                        "local-test-message = yes",
                        "proxy-listens = yes",
                        "exchange = 127.0.0.1",
                        "exchange-port = " + exchangePort,
                        "proxy-external = 127.0.0.1",
                        "proxy-port = " + proxyPort,
                        ""));
    }

    @Test
    void anotherServiceOnTheProxysPublicPortEndsInQ222553() throws Exception {
        try (ScriptedServer exchange = new ScriptedServer(
                        Dialogue.greeting(IMS).on("EHLO", "250 nwmail1\r\n").on("QUIT", "221 bye\r\n"));
                ScriptedServer proxy = new ScriptedServer(Dialogue.smtp("proxy.northwind.example"))) {
            Path answers = answersToTheProbes(Integer.toString(exchange.port()), Integer.toString(proxy.port()));
            Result r = kbsh("troubleshoot Q319881 --answers flow.txt; env facts");
            assertEquals(0, r.status(), r.err());
            assertTrue(
                    r.out()
                            .contains(
                                    "step 1: Send from two internal mailboxes to two outside domains. Does any of that mail get out? no (flow.txt:2)"),
                    r.out());
            assertTrue(
                    r.out()
                            .contains("probe smtp 127.0.0.1:" + exchange.port() + ": ok, greeting \"" + IMS.strip()
                                    + "\" -> pass"),
                    r.out());
            assertTrue(
                    r.out()
                            .contains("probe smtp 127.0.0.1:" + proxy.port()
                                    + ": ok, greeting \"220 proxy.northwind.example ESMTP\" -> other"),
                    r.out());
            assertTrue(
                    r.out()
                            .contains(
                                    "finding (step 15): Another service answers on the proxy's public port (127.0.0.1:"
                                            + proxy.port() + ": 220 proxy.northwind.example ESMTP)"),
                    r.out());
            assertTrue(r.out().contains("see: Q222553, Q181847"), r.out());
            assertTrue(
                    r.out().contains("smtp 127.0.0.1:" + proxy.port()),
                    "the probes are the session's facts:\n" + r.out());
            assertTrue(Files.exists(answers));
        }
    }

    @Test
    void whenExchangeAnswersThroughTheProxyTheWalkGoesOnToTheNextQuestion() throws Exception {
        try (ScriptedServer exchange = new ScriptedServer(
                        Dialogue.greeting(IMS).on("EHLO", "250 nwmail1\r\n").on("QUIT", "221 bye\r\n"));
                ScriptedServer proxy = new ScriptedServer(
                        Dialogue.greeting(IMS).on("EHLO", "250 nwmail1\r\n").on("QUIT", "221 bye\r\n"))) {
            answersToTheProbes(Integer.toString(exchange.port()), Integer.toString(proxy.port()));
            Result missing = kbsh("troubleshoot Q319881 --answers flow.txt");
            assertEquals(1, missing.status());
            assertEquals(
                    "troubleshoot: no answer for step 16 'external-test-message' (Through the proxy's public port 25, can you send a test"
                            + " message to a mailbox?): give --answer external-test-message=yes|no or a line in --answers FILE",
                    missing.err().strip());
            Result r = kbsh("troubleshoot Q319881 --answers flow.txt --answer external-test-message=no --json");
            assertEquals(0, r.status(), r.err());
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertEquals("kbsh.troubleshoot", doc.get("schema").asText());
            assertEquals(16, doc.at("/finding/step").asInt());
            JsonNode probe = doc.get("steps").get(14);
            assertEquals("proxy-answers", probe.get("id").asText());
            assertEquals("pass", probe.get("answer").asText());
            assertEquals("ok", probe.at("/probe/status").asText());
            assertEquals("--answer", doc.get("steps").get(15).get("from").asText());
        }
    }

    @Test
    void aClosedPortIsAFailWithTheProbesReason() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        answersToTheProbes(Integer.toString(closed), "25");
        Result r = kbsh("troubleshoot Q319881 --answers flow.txt --timeout 2");
        assertEquals(0, r.status(), r.err());
        assertTrue(
                r.out().contains("finding (step 12): Nothing answers on 127.0.0.1:" + closed + " (refused"), r.out());
    }

    @Test
    void badAnswersAreOneLineNamingWhere() throws Exception {
        Files.writeString(dir.resolve("typo.txt"), "some-mail-flows = no\nndr: no\n");
        Result r = kbsh("troubleshoot Q319881 --answers typo.txt");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("typo.txt:2: expected NAME = VALUE (a step or an input), got 'ndr: no'"), r.err());

        Result unknown = kbsh("troubleshoot Q319881 --answer some-mail-flow=no");
        assertEquals(1, unknown.status());
        assertTrue(
                unknown.err()
                        .contains(
                                "--answer: Q319881 has no step or input 'some-mail-flow' (steps: some-mail-flows, ndr,"),
                unknown.err());

        Result word = kbsh("troubleshoot Q319881 --answer some-mail-flows=perhaps");
        assertTrue(word.err().contains("--answer: some-mail-flows: expected yes or no, got 'perhaps'"), word.err());
        assertFalse(word.err().contains("\tat "), "no stack trace without --debug");

        Result none = kbsh("troubleshoot Q999999");
        assertEquals(1, none.status());
        assertTrue(none.err().contains("no troubleshooting procedure for Q999999 (known: Q319881)"), none.err());
    }

    @Test
    void withoutAnArticleTheKnownProceduresAreListed() {
        Result r = kbsh("troubleshoot");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Q319881   Exchange Server 5.5 behind Microsoft Proxy Server 2.0"), r.out());
    }

    @Test
    void anAuthorsDraftWithADanglingStepIsRefusedAtItsLine() throws Exception {
        Files.writeString(
                dir.resolve("draft.json"),
                String.join(
                        "\n",
                        "{",
                        "  \"procedure\": 1, \"article\": \"Q900001\", \"title\": \"t\", \"summary\": \"s\",",
                        "  \"steps\": [",
                        "    {\"id\": \"first\", \"step\": 1, \"ask\": \"Is it on?\", \"yes\": \"second\", \"no\": {\"finding\": \"Switch it on.\"}}",
                        "  ]",
                        "}"));
        Result r = kbsh("troubleshoot --file draft.json");
        assertEquals(1, r.status());
        assertTrue(
                r.err().contains("draft.json:4:5: steps[0]: step 'first' goes on to 'second', which no step is called"),
                r.err());
    }
}
