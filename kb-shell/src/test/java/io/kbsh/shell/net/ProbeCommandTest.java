package io.kbsh.shell.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.Probe;
import io.kbsh.shell.check.CheckSession;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.testkit.BannerProbe;
import io.kbsh.testkit.net.Dialogue;
import io.kbsh.testkit.net.LoopbackPorts;
import io.kbsh.testkit.net.ScriptedServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code probe} command end to end against small loopback servers. */
class ProbeCommandTest {

    private ScriptedServer server;
    private final StringWriter out = new StringWriter();
    private final CheckSession session = new CheckSession();
    private final StringWriter err = new StringWriter();

    /** An SMTP server (the test kit's): greets as probe-test, answers EHLO with 8BITMIME, closes on QUIT. */
    @BeforeEach
    void startServer() throws IOException {
        server = new ScriptedServer(Dialogue.smtp("probe-test"));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private static Contributions contributing(Probe... probes) {
        return new Contributions() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<Contribution<T>> of(Class<T> spi) {
                if (spi != Probe.class) {
                    return List.of();
                }
                return Arrays.stream(probes)
                        .map(p -> (Contribution<T>) new Contribution<>(Optional.empty(), p))
                        .toList();
            }
        };
    }

    private boolean interactive;

    private int run(ProbeCommand command, String... words) throws Exception {
        return command.run(context(), List.of(words));
    }

    private int run(String... words) throws Exception {
        return run(new ProbeCommand(new ProbeCatalogue(contributing()), session), words);
    }

    private String port() {
        return Integer.toString(server.port());
    }

    private static int closedPort() {
        return LoopbackPorts.closedTcp();
    }

    @Test
    void smtpTableWithEvidence() throws Exception {
        assertEquals(ExitStatus.OK, run("smtp", "127.0.0.1", port()));
        String text = out.toString();
        assertTrue(text.lines().findFirst().orElse("").startsWith("PROBE"), text);
        assertTrue(text.contains("smtp   127.0.0.1:" + port() + "  ok      ehlo"), text);
        assertTrue(text.contains("220 probe-test ESMTP"), text);
        assertTrue(text.contains("  ehlo.extensions: 8BITMIME"), text);
    }

    @Test
    void jsonForTools() throws Exception {
        assertEquals(ExitStatus.OK, run("smtp", "127.0.0.1", port(), "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, json.size(), json.toString());
        JsonNode result = json.get(0);
        assertEquals("OK", result.get("status").asText());
        assertEquals(server.port(), result.get("port").asInt());
        assertEquals("ehlo", result.get("stage").asText());
        assertEquals(
                "220 probe-test ESMTP", result.get("evidence").get("greeting").asText());
        List<String> keys = new java.util.ArrayList<>();
        result.get("evidence").fieldNames().forEachRemaining(keys::add);
        assertEquals(
                List.of("address", "connect-ms", "greeting", "ehlo.name", "ehlo.extensions"),
                keys,
                "evidence in the order the probe saw it");
        // Typed evidence keeps its JSON type: a number and a list, not strings.
        assertTrue(result.get("evidence").get("connect-ms").isIntegralNumber(), result.toString());
        assertTrue(result.get("evidence").get("ehlo.extensions").isArray(), result.toString());
        assertEquals(
                "8BITMIME", result.get("evidence").get("ehlo.extensions").get(0).asText());
    }

    @Test
    void aClosedPortIsRefusedAndFailsTheCommand() throws Exception {
        assertEquals(ExitStatus.FAILED, run("tcp", "127.0.0.1", Integer.toString(closedPort())));
        assertTrue(out.toString().contains("connection refused  name resolved"), out.toString());
        assertFalse(
                out.toString().contains("REFUSED") || out.toString().contains(" resolve "),
                "words, not enum names: " + out);
    }

    @Test
    void whatAProbeFindsIsKeptForTheNextCheck() throws Exception {
        int closed = closedPort();
        run("smtp", "127.0.0.1", port());
        run("tcp", "127.0.0.1", Integer.toString(closed));

        assertEquals(
                ProbeStatus.OK,
                session.facts().endpoint("127.0.0.1", server.port()).get(0).status());
        assertEquals(
                ProbeStatus.REFUSED,
                session.facts().endpoint("127.0.0.1", closed).get(0).status());
    }

    /** A one-shot DNS server on loopback answering every SOA question for {@code zone} with {@code serial}. */
    private static DatagramSocket soaServer(String zone, long serial) throws Exception {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(() -> {
            byte[] buf = new byte[512];
            while (!socket.isClosed()) {
                try {
                    java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    org.xbill.DNS.Message q = new org.xbill.DNS.Message(java.util.Arrays.copyOf(buf, p.getLength()));
                    org.xbill.DNS.Message a =
                            new org.xbill.DNS.Message(q.getHeader().getID());
                    a.getHeader().setFlag(org.xbill.DNS.Flags.QR);
                    a.getHeader().setFlag(org.xbill.DNS.Flags.AA);
                    a.addRecord(q.getQuestion(), org.xbill.DNS.Section.QUESTION);
                    org.xbill.DNS.Name name = org.xbill.DNS.Name.fromString(zone + ".");
                    a.addRecord(
                            new org.xbill.DNS.SOARecord(
                                    name,
                                    org.xbill.DNS.DClass.IN,
                                    60,
                                    org.xbill.DNS.Name.fromString("ns1." + zone + "."),
                                    org.xbill.DNS.Name.fromString("hostmaster." + zone + "."),
                                    serial,
                                    3600,
                                    600,
                                    86400,
                                    60),
                            org.xbill.DNS.Section.ANSWER);
                    byte[] out = a.toWire();
                    socket.send(new java.net.DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (Exception e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return socket;
    }

    @Test
    void soaSerialsOfTwoServersAreComparedAndKeptAsAFact() throws Exception {
        try (DatagramSocket primary = soaServer("site.test", 2026120102);
                DatagramSocket secondary = soaServer("site.test", 2026120101)) {
            assertEquals(
                    ExitStatus.FAILED,
                    run(
                            "soa",
                            "site.test",
                            "127.0.0.1:" + primary.getLocalPort(),
                            "127.0.0.1:" + secondary.getLocalPort(),
                            "--json"));
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertFalse(json.get("serialsAgree").asBoolean(), json.toString());
            assertEquals(2026120101L, json.get("servers").get(1).get("serial").asLong());
            assertTrue(session.facts().all().stream().anyMatch(f -> f instanceof io.kbsh.model.fact.SoaFact));
        }
    }

    /** {@code --transfer}: the zone's records from each server too (AXFR over TCP), and whether they agree. */
    @Test
    void soaWithTransferComparesTheRecordsOfServersWithTheSameSerial() throws Exception {
        try (var primary = new io.kbsh.testkit.net.DnsTestServer()
                        .soa("site.test", 7)
                        .transferable("site.test", "www.site.test A 192.0.2.10", "mail.site.test A 192.0.2.25");
                var secondary = new io.kbsh.testkit.net.DnsTestServer()
                        .soa("site.test", 7)
                        .transferable("site.test", "www.site.test A 192.0.2.9", "mail.site.test A 192.0.2.25")) {
            String p = "127.0.0.1:" + primary.address().getPort();
            String s = "127.0.0.1:" + secondary.address().getPort();
            assertEquals(ExitStatus.OK, run("soa", "site.test", p, s), "the serials agree; nothing else was asked");
            assertFalse(out.toString().contains("contents"), out.toString());
            assertFalse(out.toString().contains("TRANSFER"), out.toString());
            out.getBuffer().setLength(0);

            assertEquals(ExitStatus.FAILED, run("soa", "site.test", p, s, "--transfer"));
            List<String> lines = out.toString().lines().toList();
            assertEquals("soa site.test: serials agree, contents differ", lines.get(0), out.toString());
            assertTrue(lines.get(1).startsWith("SERVER") && lines.get(1).contains("TRANSFER"), lines.get(1));
            assertTrue(
                    lines.get(2).startsWith(p)
                            && lines.get(2).contains(" 7 ")
                            && lines.get(2).contains("2 records ("),
                    lines.get(2));
            out.getBuffer().setLength(0);

            assertEquals(ExitStatus.FAILED, run("soa", "site.test", p, s, "--transfer", "--json"));
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertTrue(json.get("serialsAgree").asBoolean(), json.toString());
            assertFalse(json.get("contentsAgree").asBoolean(), json.toString());
            JsonNode transfer = json.get("servers").get(0).get("transfer");
            assertEquals("OK", transfer.get("outcome").asText(), json.toString());
            assertEquals(2, transfer.get("records").asInt());
            assertEquals(64, transfer.get("digest").asText().length());
        }
        assertEquals(
                "option --transfer is for soa",
                assertThrows(UsageException.class, () -> run("smtp", "127.0.0.1", "--transfer"))
                        .getMessage());
    }

    /** A check's probe request for soa with {@code transfer=true} (Q194129's verify step) transfers the zone too. */
    @Test
    void anSoaRequestWithTransferTrueTransfersTheZone() throws Exception {
        try (var dns = new io.kbsh.testkit.net.DnsTestServer()
                .soa("site.test", 7)
                .transferable("site.test", "www.site.test A 192.0.2.10")) {
            String server = "127.0.0.1:" + dns.address().getPort();
            ProbeCatalogue catalogue = new ProbeCatalogue(contributing());
            StringWriter warnings = new StringWriter();
            List<io.kbsh.model.fact.Fact> facts = catalogue.run(
                    List.of(
                            new io.kbsh.model.finding.ProbeRequest(
                                    "soa",
                                    "site.test",
                                    0,
                                    java.util.Map.of("servers", server, "transfer", "true"),
                                    "t"),
                            new io.kbsh.model.finding.ProbeRequest(
                                    "soa", "site.test", 0, java.util.Map.of("servers", server), "t"),
                            new io.kbsh.model.finding.ProbeRequest(
                                    "soa",
                                    "site.test",
                                    0,
                                    java.util.Map.of("servers", server, "transfer", "yes"),
                                    "t")),
                    io.kbsh.net.probe.ProbeOptions.defaults(),
                    java.time.Instant.now().plusSeconds(10),
                    new java.io.PrintWriter(warnings, true));
            assertEquals(2, facts.size(), warnings.toString());
            var transferred = (io.kbsh.model.fact.SoaFact) facts.get(0);
            assertEquals(
                    1, transferred.servers().get(0).transfer().orElseThrow().records(), transferred.describe());
            assertEquals(java.util.Optional.of(true), transferred.contentsAgree());
            assertEquals(
                    java.util.Optional.empty(),
                    ((io.kbsh.model.fact.SoaFact) facts.get(1)).servers().get(0).transfer());
            assertTrue(
                    warnings.toString().contains("soa transfer is true or false, got 'yes'; skipped"),
                    warnings.toString());
        }
    }

    @Test
    void udpToAClosedPortIsRefusedByIcmp() throws Exception {
        int closed;
        try (DatagramSocket d = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            closed = d.getLocalPort();
        }
        assertEquals(ExitStatus.FAILED, run("udp", "127.0.0.1", Integer.toString(closed), "--param", "payload=hello"));
        assertTrue(
                out.toString().contains("connection refused") && out.toString().contains("udp.answer: refused"),
                out.toString());
    }

    @Test
    void probeParametersAreCheckedByTheProbe() {
        assertTrue(assertThrows(UsageException.class, () -> run("udp", "127.0.0.1", "9", "--param", "size=3"))
                .getMessage()
                .startsWith("option --param: probe udp takes parameter payload"));
        assertTrue(
                assertThrows(UsageException.class, () -> run("smtp-relay", "127.0.0.1", "--param", "to=not an address"))
                        .getMessage()
                        .contains("mailbox address"));
        assertEquals(
                "option --param is for a single endpoint probe",
                assertThrows(UsageException.class, () -> run("mx", "a.test", "--param", "to=x@y.test"))
                        .getMessage());
        assertEquals(
                "probe ptr takes an IP address, got 'host.test'",
                assertThrows(UsageException.class, () -> run("ptr", "host.test"))
                        .getMessage());
        assertEquals(
                "missing argument SERVER: the zone's servers to compare",
                assertThrows(UsageException.class, () -> run("soa", "site.test"))
                        .getMessage());
    }

    @Test
    void badInputIsOneClearUsageLine() {
        assertEquals(
                "PORT must be a port number from 1 to 65535, got 'smtp'",
                assertThrows(UsageException.class, () -> run("smtp", "127.0.0.1", "smtp"))
                        .getMessage());
        assertEquals(
                "missing argument PORT",
                assertThrows(UsageException.class, () -> run("tcp", "127.0.0.1"))
                        .getMessage());
        assertTrue(assertThrows(UsageException.class, () -> run("gopher", "h"))
                .getMessage()
                .startsWith("unknown probe 'gopher'"));
        assertEquals(
                "--tls and --starttls exclude each other",
                assertThrows(UsageException.class, () -> run("ldap", "h", "--tls", "--starttls"))
                        .getMessage());
        assertEquals(
                "probe tcp has no --tls",
                assertThrows(UsageException.class, () -> run("tcp", "h", "1", "--tls"))
                        .getMessage());
        assertTrue(assertThrows(UsageException.class, () -> run("mx", "a.test", "--dns", "dns.example"))
                .getMessage()
                .contains("takes an IP address"));
        assertTrue(assertThrows(UsageException.class, () -> run("rfc1006", "h", "--tsel", "0xABC"))
                .getMessage()
                .startsWith("option --tsel"));
        assertEquals(
                "not a host name or address: 'bad host'",
                assertThrows(UsageException.class, () -> run("smtp", "bad host", "25"))
                        .getMessage());
        assertEquals(
                "not a domain: 'a..test/'",
                assertThrows(UsageException.class, () -> run("mx", "a..test/")).getMessage());
    }

    @Test
    void anOptionThatMeansNothingToTheProbeIsRefusedNotIgnored() {
        assertEquals(
                "option --smtp-port is for mx",
                assertThrows(UsageException.class, () -> run("smtp", "127.0.0.1", "--smtp-port", "2525"))
                        .getMessage());
        assertEquals(
                "option --tsel is for rfc1006 and exchange",
                assertThrows(UsageException.class, () -> run("ldap", "127.0.0.1", "--tsel", "MTA"))
                        .getMessage());
        assertEquals(
                "option --calling-tsel is for rfc1006 and exchange",
                assertThrows(UsageException.class, () -> run("mx", "a.test", "--calling-tsel", "MTA"))
                        .getMessage());
        assertTrue(assertThrows(UsageException.class, () -> run("mx", "a.test", "--starttls"))
                .getMessage()
                .startsWith("option --starttls is for a single protocol"));
        assertTrue(assertThrows(UsageException.class, () -> run("exchange", "127.0.0.1", "--tls"))
                .getMessage()
                .startsWith("option --tls is for a single protocol"));
    }

    @Test
    void mxReportsTheDnsOutcomeAndVerdicts() throws Exception {
        int deadDns = LoopbackPorts.closedUdp();
        assertEquals(ExitStatus.FAILED, run("mx", "example.test", "--dns", "127.0.0.1:" + deadDns));
        String text = out.toString();
        assertTrue(text.startsWith("mx example.test: the DNS server refused the query"), text);
        assertTrue(text.contains("falls back to later MX hosts delivers: no"), text);

        out.getBuffer().setLength(0);
        assertEquals(ExitStatus.FAILED, run("mx", "example.test", "--dns", "127.0.0.1:" + deadDns, "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("REFUSED", json.get("dnsOutcome").asText());
        assertFalse(json.get("fallbackDelivers").asBoolean());
        assertEquals(0, json.get("hosts").size());
    }

    private static io.kbsh.net.mx.MxHost host(int preference, String name, ProbeStatus status, String stage) {
        return new io.kbsh.net.mx.MxHost(
                name,
                preference,
                "127.0.0." + preference,
                status,
                stage,
                io.kbsh.model.fact.Evidence.ofText(java.util.Map.of()));
    }

    private static io.kbsh.net.mx.MxReport report(io.kbsh.net.dns.DnsOutcome dns, io.kbsh.net.mx.MxHost... hosts) {
        boolean delivers = java.util.Arrays.stream(hosts).anyMatch(io.kbsh.net.mx.MxHost::accepts);
        boolean firstFails = hosts.length > 0 && !hosts[0].accepts();
        return new io.kbsh.net.mx.MxReport(
                "kbsh.test",
                dns,
                "",
                List.of(hosts),
                0,
                delivers,
                firstFails,
                java.time.Duration.ofMillis(5),
                java.time.Instant.now());
    }

    @Test
    void theMxHeadingSaysWhenAHostRefusesAndACancelledProbeGivesNoVerdict() {
        io.kbsh.net.mx.MxReport oneRefused = report(
                io.kbsh.net.dns.DnsOutcome.OK,
                host(10, "mx1.kbsh.test", ProbeStatus.REFUSED, "resolve"),
                host(20, "mx2.kbsh.test", ProbeStatus.OK, "ehlo"));
        assertEquals(
                "1 of 2 MX hosts accept mail (MX 10 mx1.kbsh.test connection refused)",
                ProbeCommand.verdict(oneRefused, false));
        assertEquals(
                "all 2 MX hosts accept mail",
                ProbeCommand.verdict(
                        report(
                                io.kbsh.net.dns.DnsOutcome.OK,
                                host(10, "a.kbsh.test", ProbeStatus.OK, "ehlo"),
                                host(20, "b.kbsh.test", ProbeStatus.OK, "ehlo")),
                        false));
        assertEquals(
                "no MX host accepts mail (MX 10 a.kbsh.test connected, no reply)",
                ProbeCommand.verdict(
                        report(
                                io.kbsh.net.dns.DnsOutcome.OK,
                                host(10, "a.kbsh.test", ProbeStatus.CONNECTED_SILENT, "connect")),
                        false));
        assertEquals("cancelled, no verdict", ProbeCommand.verdict(oneRefused, true));
        assertEquals("no such domain", ProbeCommand.verdict(report(io.kbsh.net.dns.DnsOutcome.NXDOMAIN), false));
    }

    @Test
    void probesThatFoundNothingAboutThePeerAreNoEvidence() {
        java.time.Instant now = java.time.Instant.now();
        io.kbsh.model.fact.EndpointFact unresolved = new io.kbsh.model.fact.EndpointFact(
                "smtp",
                "nx.kbsh.test",
                25,
                ProbeStatus.DNS_ERROR,
                "none",
                java.time.Duration.ZERO,
                java.util.Map.of(),
                now);
        io.kbsh.model.fact.EndpointFact cancelled = new io.kbsh.model.fact.EndpointFact(
                "smtp",
                "a.kbsh.test",
                25,
                ProbeStatus.CANCELLED,
                "connect",
                java.time.Duration.ZERO,
                java.util.Map.of(),
                now);
        io.kbsh.model.fact.EndpointFact refused = new io.kbsh.model.fact.EndpointFact(
                "smtp",
                "a.kbsh.test",
                25,
                ProbeStatus.REFUSED,
                "resolve",
                java.time.Duration.ZERO,
                java.util.Map.of(),
                now);
        assertEquals(
                java.util.Optional.of("smtp nx.kbsh.test:25 name not resolved"), ProbeWords.notEvidence(unresolved));
        assertTrue(ProbeWords.notEvidence(cancelled).isPresent());
        assertTrue(ProbeWords.notEvidence(refused).isEmpty(), "a refused connection is evidence");
        assertEquals(
                "smtp a.kbsh.test:25 connection refused (got as far as: name resolved)",
                ProbeWords.describe(refused),
                "diagnose and env facts show words, not REFUSED, reached resolve");
        io.kbsh.model.fact.MxFact timedOut =
                new io.kbsh.model.fact.MxFact("kbsh.test", "TIMEOUT", List.of(), false, false, now);
        assertEquals(java.util.Optional.of("mx kbsh.test the DNS look-up timed out"), ProbeWords.notEvidence(timedOut));
        assertTrue(
                ProbeWords.notEvidence(
                                new io.kbsh.model.fact.MxFact("kbsh.test", "NULL_MX", List.of(), false, false, now))
                        .isEmpty(),
                "a null MX is an answer about the domain");
    }

    @Test
    void exchangeProbesEveryPortOfQ178532() throws Exception {
        run("exchange", "127.0.0.1", "--timeout", "1", "--deadline", "2");
        String text = out.toString();
        for (String target : List.of(
                "smtp     127.0.0.1:25 ",
                "pop3     127.0.0.1:110 ",
                "pop3     127.0.0.1:995 ",
                "imap4    127.0.0.1:143 ",
                "imap4    127.0.0.1:993 ",
                "ldap     127.0.0.1:389 ",
                "ldap     127.0.0.1:636 ",
                "nntp     127.0.0.1:119 ",
                "nntp     127.0.0.1:563 ",
                "rfc1006  127.0.0.1:102 ")) {
            assertTrue(text.contains(target), target + " missing in\n" + text);
        }
    }

    @Test
    void aPersonAtTheTerminalSeesProgressWhileManyRun() throws Exception {
        run("exchange", "127.0.0.1", "--timeout", "1", "--deadline", "2");
        assertEquals("", err.toString(), "no progress line in batch mode");
        interactive = true;
        run("exchange", "127.0.0.1", "--timeout", "1", "--deadline", "2");
        assertTrue(err.toString().contains("probing 10/10"), err.toString());
        // The command returns to the line's start; the output layer clears the line there on a terminal.
        assertTrue(err.toString().endsWith(")\r"), "the progress line is left at the end");
    }

    @Test
    void aPluginProbeIsFoundByItsId() throws Exception {
        Probe banner = new BannerProbe();
        ProbeCommand command = new ProbeCommand(new ProbeCatalogue(contributing(banner)), session);
        assertTrue(command.subcommands().contains("banner"));
        assertEquals(ExitStatus.OK, run(command, "banner", "127.0.0.1", port()));
        assertTrue(out.toString().contains("ok      banner"), out.toString());
    }

    @Test
    void ctrlCStopsTheProbesAndSaysSo() throws Exception {
        try (ScriptedServer silent = new ScriptedServer(ScriptedServer::holdOpen)) {
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread command = new Thread(() -> {
                try {
                    run("smtp", "127.0.0.1", Integer.toString(silent.port()), "--timeout", "30");
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            command.start();
            assertTrue(silent.awaitAccepted(1, java.time.Duration.ofSeconds(5)), "the probe should connect");
            long t0 = System.nanoTime();
            command.interrupt(); // what the shell does on Ctrl-C
            command.join(5000);
            assertTrue(!command.isAlive() && System.nanoTime() - t0 < 3_000_000_000L);
            assertTrue(thrown.get() instanceof io.kbsh.model.command.CommandException, String.valueOf(thrown.get()));
            assertEquals("cancelled: 0 of 1 probes finished", thrown.get().getMessage());
            assertTrue(out.toString().contains("cancelled"), out.toString());
            assertTrue(
                    silent.awaitClientsClosed(java.time.Duration.ofSeconds(2)), "the probe's socket should be closed");
        }
    }

    @Test
    void ctrlCStopsAnMxLookUpThatWaitsForDns() throws Exception {
        try (DatagramSocket mute = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread command = new Thread(() -> {
                try {
                    run("mx", "slow.test", "--dns", "127.0.0.1:" + mute.getLocalPort());
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            command.start();
            mute.setSoTimeout(5000);
            mute.receive(new java.net.DatagramPacket(new byte[512], 512)); // the MX query: never answered
            long t0 = System.nanoTime();
            command.interrupt(); // Ctrl-C, well inside the 3 s DNS time-out
            command.join(5000);
            assertTrue(!command.isAlive() && System.nanoTime() - t0 < 1_500_000_000L, "the look-up ignored Ctrl-C");
            assertEquals("cancelled", String.valueOf(thrown.get().getMessage()), String.valueOf(thrown.get()));
        }
    }

    @Test
    void dnsServerSpellings() throws Exception {
        assertEquals(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 53), ProbeCommand.dnsServer("127.0.0.1"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 5353), ProbeCommand.dnsServer("[::1]:5353"));
        assertThrows(UsageException.class, () -> ProbeCommand.dnsServer("127.0.0.1:99999"));
    }

    /** The command needs only the output streams of its context and whether a person watches. */
    private CommandContext context() {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        return (CommandContext) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {CommandContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "out" -> o;
                    case "err" -> e;
                    case "interactive" -> interactive;
                    case "debug", "confirm" -> false;
                    case "service" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
