package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.shell.check.CheckEngine;
import io.kbsh.shell.check.CheckSession;
import io.kbsh.shell.check.DiagnoseCommand;
import io.kbsh.shell.check.EnvCommand;
import io.kbsh.shell.plugin.PluginLoader;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.testkit.RecordingContext;
import io.kbsh.testkit.net.Dialogue;
import io.kbsh.testkit.net.ScriptedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's {@code verify} expectations run against real SMTP servers on loopback through {@code diagnose}: the
 * probe the finding asks for runs, its fact comes back, and the second evaluation's evidence names every
 * expectation as held or failed — with what the probe saw for a failed one — in the text report and in the
 * JSON one. One server offers STARTTLS (every expectation held), the other does not (one failed).
 */
class RuleVerifyTest {

    @TempDir
    Path dir;

    ScriptedServer plain;
    ScriptedServer tls;
    RecordingContext ctx;
    CheckSession session;
    CheckEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        plain = new ScriptedServer(Dialogue.smtp("plain.test"));
        // The same port on a second loopback address: the rule's verify names one port for every server.
        tls = new ScriptedServer(
                "127.0.0.2",
                plain.port(),
                Dialogue.smtp("tls.test").on("EHLO", "250-tls.test\r\n250-STARTTLS\r\n250 8BITMIME\r\n"));
        Path pack = Files.createDirectories(dir.resolve("plugins/verify-pack"));
        Files.writeString(pack.resolve("kbsh-pack.yaml"), "id: verify-pack\nname: Verify\nversion: 1.0.0\nformat: 1\n");
        Files.writeString(pack.resolve("Q900030.yaml"), """
                article: Q900030
                title: STARTTLS at the server's own address
                summary: verify expectations against a real SMTP server
                for: server
                let:
                  address: 'server.addresses[0]'
                outcomes:
                  - name: tls
                    severity: warning
                    summary: "{{server.id}} is to offer STARTTLS"
                verify:
                  - probe: smtp
                    host: "{{address}}"
                    port: %d
                    purpose: "the IMS offers STARTTLS"
                    expect:
                      - {status: ok}
                      - {key: greeting, matches: "ESMTP"}
                      - {key: ehlo.extensions, matches: "(?i)STARTTLS"}
                tests:
                  - name: fires
                    environment: {schemaVersion: 2, servers: [{id: EX1, exchange: "5.5", addresses: [10.0.0.1]}]}
                    expect: [{object: "server:EX1"}]
                """.formatted(plain.port()));
        PluginSet plugins = new PluginLoader(ApiVersion.current()).load(List.of(dir.resolve("plugins")));
        assertEquals(List.of(), plugins.failures(), "the pack loads");
        engine = new CheckEngine(plugins);
        session = new CheckSession();
        ctx = new RecordingContext(dir, dir.resolve("home"));
        Files.writeString(dir.resolve("site.json"), """
                {"schemaVersion": 2, "servers": [
                  {"id": "PLAIN", "exchange": "5.5", "addresses": ["127.0.0.1"]},
                  {"id": "TLS", "exchange": "5.5", "addresses": ["127.0.0.2"]}]}
                """);
        new EnvCommand(session, engine).run(ctx, List.of("load", "site.json"));
        ctx.reset();
    }

    @AfterEach
    void tearDown() throws Exception {
        plain.close();
        tls.close();
    }

    private String verifyLine(String host) {
        return "verify smtp " + host + ":" + plain.port() + ": ";
    }

    @Test
    void everyExpectationIsShownHeldOrFailedInJsonAndText() throws Exception {
        DiagnoseCommand diagnose = new DiagnoseCommand(session, engine);
        diagnose.run(ctx, List.of("Q900030", "--json", "--probe-timeout", "5"));
        JsonNode report = new ObjectMapper().readTree(ctx.output());
        assertEquals(
                2, report.path("probesRun").size(), report.path("probesRun").toString());
        List<String> evidence = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            for (JsonNode line : f.path("evidence")) {
                if (line.asText().startsWith("verify ")) {
                    evidence.add(f.path("affected").get(0).asText() + " " + line.asText());
                }
            }
        }
        assertEquals(
                List.of(
                        "server:PLAIN " + verifyLine("127.0.0.1")
                                + "not as expected (2 of 3 held): held: status OK; greeting matches /ESMTP/;"
                                + " failed: ehlo.extensions matches /(?i)STARTTLS/ (seen: 8BITMIME)",
                        "server:TLS " + verifyLine("127.0.0.2")
                                + "as expected (3 of 3 held): held: status OK; greeting matches /ESMTP/;"
                                + " ehlo.extensions matches /(?i)STARTTLS/"),
                evidence);
        assertEquals(List.of(1, 1), List.of(plain.accepted(), tls.accepted()), "each server was probed once");

        ctx.reset();
        diagnose.run(ctx, List.of("Q900030"));
        String text = ctx.output();
        assertTrue(text.contains(verifyLine("127.0.0.1") + "not as expected (2 of 3 held): held: status OK"), text);
        assertTrue(text.contains("failed: ehlo.extensions matches /(?i)STARTTLS/ (seen: 8BITMIME)"), text);
        assertTrue(text.contains(verifyLine("127.0.0.2") + "as expected (3 of 3 held)"), text);
    }

    @Test
    void aServerThatDoesNotAnswerFailsEveryExpectationWithWhatWasSeen() throws Exception {
        tls.close();
        plain.close();
        try (ScriptedServer refusing = new ScriptedServer(client -> ScriptedServer.send(client, "554 go away\r\n"))) {
            Files.writeString(dir.resolve("one.json"), """
                    {"schemaVersion": 2, "servers": [{"id": "ONE", "exchange": "5.5", "addresses": ["127.0.0.1"]}]}
                    """);
            Path rule = dir.resolve("plugins/verify-pack/Q900030.yaml");
            Files.writeString(
                    rule, Files.readString(rule).replace("port: " + plain.port(), "port: " + refusing.port()));
            PluginSet plugins = new PluginLoader(ApiVersion.current()).load(List.of(dir.resolve("plugins")));
            CheckEngine again = new CheckEngine(plugins);
            new DiagnoseCommand(session, again).run(ctx, List.of("Q900030", "--env", "one.json", "--json"));
            JsonNode f =
                    new ObjectMapper().readTree(ctx.output()).path("findings").get(0);
            String line = "";
            for (JsonNode e : f.path("evidence")) {
                if (e.asText().startsWith("verify ")) {
                    line = e.asText();
                }
            }
            assertTrue(
                    line.startsWith("verify smtp 127.0.0.1:" + refusing.port()
                            + ": not as expected (0 of 3 held): failed: status OK (seen: status "),
                    line);
            assertTrue(line.contains("greeting matches /ESMTP/ (seen: "), line);
        }
    }
}
