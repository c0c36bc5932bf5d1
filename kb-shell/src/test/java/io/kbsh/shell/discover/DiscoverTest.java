package io.kbsh.shell.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.shell.env.EnvironmentReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code env discover} against greeters on several loopback addresses that speak like Exchange 4.0, 5.0 SP2,
 * 5.5 SP1 and 5.5 SP3 (one port number per protocol, shared by all addresses), and against GreenMail's real
 * SMTP server.
 */
class DiscoverTest {

    private static final List<ServerSocket> LISTENERS = new CopyOnWriteArrayList<>();
    private static int smtp;
    private static int pop3;
    private static int imap4;
    private static int nntp;
    private static GreenMail greenMail;

    /** A line server: sends {@code greeting}, answers every command with {@code answer}, ends at QUIT/LOGOUT. */
    private static int greeter(String address, int port, String greeting, String answer) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        LISTENERS.add(server);
        Thread t = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try (Socket c = server.accept()) {
                            c.setSoTimeout(5000);
                            OutputStream out = c.getOutputStream();
                            InputStream in = c.getInputStream();
                            out.write((greeting + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            StringBuilder line = new StringBuilder();
                            int b;
                            while ((b = in.read()) >= 0) {
                                if (b != '\n') {
                                    line.append((char) b);
                                    continue;
                                }
                                String cmd = line.toString().trim().toUpperCase();
                                line.setLength(0);
                                if (cmd.startsWith("QUIT") || cmd.contains("LOGOUT")) {
                                    break;
                                }
                                String tag = cmd.contains(" ") ? cmd.substring(0, cmd.indexOf(' ')) : "";
                                out.write(answer.replace("TAG", tag).getBytes(StandardCharsets.ISO_8859_1));
                            }
                        } catch (IOException e) {
                            // next client
                        }
                    }
                },
                "greeter-" + address + ":" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    @BeforeAll
    static void start() throws IOException {
        String ehlo = "250-hello\r\n250 SIZE 0\r\n";
        // 5.5 SP1 (IMS 2232.9 of Q257618, store 2232.18)
        smtp = greeter(
                "127.0.0.2",
                0,
                "220 sp1.test ESMTP Server (Microsoft Exchange Internet Mail Service 5.5.2232.9) ready",
                ehlo);
        pop3 = greeter(
                "127.0.0.2", 0, "+OK Microsoft Exchange POP3 server version 5.5.2232.18 ready", "-ERR unknown\r\n");
        // 5.0 SP2 (IMS 1460.8, store 1460.13)
        greeter(
                "127.0.0.3",
                smtp,
                "220 sp2.test ESMTP Server (Microsoft Exchange Internet Mail Service 5.0.1460.8) ready",
                ehlo);
        imap4 = greeter(
                "127.0.0.3",
                0,
                "* OK Microsoft Exchange IMAP4rev1 server version 5.0.1460.13 (sp2.test) ready",
                "* CAPABILITY IMAP4 IMAP4rev1\r\nTAG OK done\r\n");
        // 4.0: the IMC names itself without a build
        greeter(
                "127.0.0.4",
                smtp,
                "220 old.test ESMTP Server (Microsoft Exchange Internet Mail Connector) ready",
                ehlo);
        // 5.5 SP3 store with a later IMS hotfix build
        nntp = greeter(
                "127.0.0.5",
                0,
                "200 Microsoft Exchange Internet News Service Version 5.5.2650.21 (posting allowed)",
                "500 what\r\n");
        greeter(
                "127.0.0.5",
                smtp,
                "220 sp3.test ESMTP Server (Microsoft Exchange Internet Mail Service 5.5.2651.2) ready",
                ehlo);
        greeter("127.0.0.2", nntp, "200 Microsoft Exchange Internet News Service Version 5.5.2232.18", "500 what\r\n");
        greenMail = new GreenMail(new ServerSetup(smtp, "127.0.0.6", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    @AfterAll
    static void stop() throws IOException {
        for (ServerSocket s : LISTENERS) {
            s.close();
        }
        greenMail.stop();
    }

    private static DiscoverRun.Outcome discover(StringWriter text, String... hosts) throws UsageException {
        List<String> words = new ArrayList<>(List.of("discover"));
        words.addAll(List.of(hosts));
        words.addAll(List.of(
                "--port",
                "smtp=" + smtp,
                "--port",
                "pop3=" + pop3,
                "--port",
                "imap4=" + imap4,
                "--port",
                "nntp=" + nntp,
                "--timeout",
                "2",
                "--deadline",
                "8"));
        Arguments args = Arguments.parse(words, List.of(DiscoverRun.PORT, DiscoverRun.TIMEOUT, DiscoverRun.DEADLINE));
        try (PrintWriter out = new PrintWriter(text)) {
            return DiscoverRun.run(args, out);
        }
    }

    private static JsonNode server(JsonNode env, String id) {
        for (JsonNode s : env.get("servers")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no server " + id + " in " + env.toPrettyString());
    }

    @Test
    void greetersLike55Sp1And50Sp2AreNamedWithTheirEvidence() throws Exception {
        StringWriter text = new StringWriter();
        DiscoverRun.Outcome o = discover(text, "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6");
        JsonNode env = new ObjectMapper().readTree(o.json());
        assertEquals(2, env.get("schemaVersion").asInt());

        JsonNode sp1 = server(env, "127.0.0.2");
        assertEquals("5.5 SP1", sp1.get("exchange").asText(), o.json());
        JsonNode why = sp1.get("provenance").get("exchange");
        assertEquals("discover", why.get("source").asText());
        assertTrue(why.get("evidence").asText().contains("5.5.2232"), why.toString());
        assertTrue(why.get("origin").asText().startsWith("127.0.0.2:"), why.toString());
        assertTrue(List.of("Q257618", "Q158530").contains(why.get("article").asText()), why.toString());
        List<String> served = new ArrayList<>();
        sp1.get("serves").forEach(s -> served.add(s.get("protocol").asText()));
        assertTrue(served.containsAll(List.of("smtp", "pop3", "nntp")), served.toString());
        assertTrue(sp1.get("serves").get(0).has("port"), "a moved port is written: " + sp1.get("serves"));

        JsonNode sp2 = server(env, "127.0.0.3");
        assertEquals("5.0 SP2", sp2.get("exchange").asText(), o.json());
        assertTrue(
                sp2.get("provenance").get("exchange").get("evidence").asText().contains("5.0.1460"));

        JsonNode four = server(env, "127.0.0.4");
        assertEquals("4.0", four.get("exchange").asText());
        assertTrue(
                four.get("provenance").get("exchange").get("evidence").asText().contains("service pack is not known"));
        assertFalse(four.get("provenance").get("exchange").has("article"), "no build, so no build table decided");

        JsonNode sp3 = server(env, "127.0.0.5");
        assertEquals("5.5 SP3", sp3.get("exchange").asText(), "a later IMS build is a hotfix of SP3: " + o.json());

        // GreenMail: a real SMTP server that is not Exchange — named as a mail host, no product or version.
        JsonNode mail = env.get("mailHosts").get(0);
        assertEquals("127.0.0.6", mail.get("host").asText());
        assertFalse(mail.has("product"), mail.toString());
        assertTrue(env.get("servers").findValues("id").stream()
                .noneMatch(n -> n.asText().equals("127.0.0.6")));
        String out = text.toString();
        assertTrue(
                out.contains("127.0.0.6: not recognised as Exchange; answers smtp (product and version not said)"),
                out);
        assertTrue(out.contains("127.0.0.2: Microsoft Exchange Server 5.5 SP1"), out);
        assertTrue(out.contains("build 2232 is 5.5 SP1 (Q257618)"), out);
    }

    @Test
    void aDeclaredLevelTheWireContradictsIsAFinding(@TempDir Path dir) throws Exception {
        DiscoverRun.Outcome o = discover(new StringWriter(), "127.0.0.2", "127.0.0.3");
        Facts facts = Facts.none().with(Discovery.facts(o.reports()));
        Path file = dir.resolve("site.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "organisation": "T", "sites": [{"id": "hq", "name": "HQ"}],
                 "servers": [
                   {"id": "SP1BOX", "site": "hq", "addresses": ["127.0.0.2"], "exchange": "5.5 SP2"},
                   {"id": "SP2BOX", "site": "hq", "addresses": ["127.0.0.3"], "exchange": "5.0 SP2"}]}
                """);
        Environment env = EnvironmentReader.read(file);
        List<Finding> findings = new DeclaredLevelCheck().evaluate(env, facts, ArticleStore.empty());
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("server:SP1BOX", f.affected().get(0).toString());
        assertTrue(
                f.evidence().contains("declared: Exchange 5.5 SP2"),
                f.evidence().toString());
        assertTrue(
                f.evidence().stream().anyMatch(e -> e.contains("build 2232 is 5.5 SP1")),
                f.evidence().toString());
        assertTrue(
                new DeclaredLevelCheck()
                        .evaluate(env, Facts.none(), ArticleStore.empty())
                        .isEmpty(),
                "no greeting, no finding");
    }

    @Test
    void badInputIsOneUsageLine() {
        assertEquals(
                "missing argument HOST: the servers to discover",
                assertThrows(
                                UsageException.class,
                                () -> DiscoverRun.run(
                                        Arguments.parse(List.of("discover"), List.of(DiscoverRun.PORT)),
                                        new PrintWriter(new StringWriter())))
                        .getMessage());
        assertEquals(
                "option --port: no port named 'gopher'",
                assertThrows(
                                UsageException.class,
                                () -> DiscoverRun.run(
                                        Arguments.parse(
                                                List.of("discover", "h", "--port", "gopher=70"),
                                                List.of(DiscoverRun.PORT)),
                                        new PrintWriter(new StringWriter())))
                        .getMessage());
    }
}
