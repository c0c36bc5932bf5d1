package io.kbsh.shell.troubleshoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.testing.PseudoTerminal;
import io.kbsh.testkit.net.Dialogue;
import io.kbsh.testkit.net.ScriptedServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person walks through Q319881 at a real pseudo-terminal: questions typed at (a word that is no answer
 * asked again), an input asked for, the probes run against loopback servers while they wait.
 */
class TroubleshootAtTheTerminalTest {

    @TempDir
    Path dir;

    @Test
    void aPersonAnswersTheQuestionsAndTheProbesRunForThem() throws Exception {
        String ims =
                "220 nwmail1 Microsoft ESMTP MAIL Service ready (Microsoft Exchange Internet Mail Service 5.5.2650.21)\r\n";
        try (ScriptedServer exchange = new ScriptedServer(
                        Dialogue.greeting(ims).on("EHLO", "250 nwmail1\r\n").on("QUIT", "221 bye\r\n"));
                ScriptedServer proxy = new ScriptedServer(Dialogue.smtp("proxy.northwind.example"));
                PseudoTerminal t = PseudoTerminal.atThePrompt(160, 50, dir, dir.resolve("home"))) {
            StringBuilder given = new StringBuilder("troubleshoot Q319881");
            for (String step : new String[] {"queued", "antivirus", "forward-or-dns", "multihomed"}) {
                given.append(" --answer ").append(step).append("=no");
            }
            for (String step : new String[] {
                "services-start",
                "service-packs",
                "client-installed",
                "wspcfg-installed",
                "reach-proxy",
                "local-test-message",
                "proxy-listens"
            }) {
                given.append(" --answer ").append(step).append("=yes");
            }
            given.append(" --param exchange-port=")
                    .append(exchange.port())
                    .append(" --param proxy-external=127.0.0.1 --param proxy-port=")
                    .append(proxy.port());
            int mark = t.mark();
            t.typeKeyByKey(given + "\r");
            t.await("Does any of that mail get out? [yes/no] ");
            t.typeKeyByKey("perhaps\r");
            t.await("please answer yes or no");
            t.await("Does any of that mail get out? [yes/no] ", 2);
            t.typeKeyByKey("n\r");
            t.await("Do non-delivery reports come back, to your users or to Internet senders? [yes/no] ");
            t.typeKeyByKey("no\r");
            t.await("Address of the Exchange server (its internal IP address or name): ");
            t.typeKeyByKey("127.0.0.1\r");
            String shown = t.awaitPrompt(mark);
            assertTrue(shown.contains("probe smtp 127.0.0.1:" + exchange.port() + ": ok"), shown);
            assertTrue(shown.contains("-> pass"), shown);
            assertTrue(
                    shown.contains("finding (step 15): Another service answers on the proxy's public port (127.0.0.1:"
                            + proxy.port() + ": 220 proxy.northwind.example ESMTP)"),
                    shown);
            assertTrue(shown.contains("see: Q222553, Q181847"), shown);
            assertEquals(1, exchange.accepted());
            t.typeKeyByKey("exit\r");
            assertEquals(0, t.exitStatus());
        }
    }
}
