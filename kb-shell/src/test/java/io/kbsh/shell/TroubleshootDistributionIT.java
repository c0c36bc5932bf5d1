package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.testkit.net.Dialogue;
import io.kbsh.testkit.net.ScriptedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code bin/kbsh} walks Q319881 in batch mode: answers from a file, probes against loopback servers. */
class TroubleshootDistributionIT {

    @TempDir
    Path dir;

    @Test
    void theBundledProcedureRunsFromAScriptOfAnswers() throws Exception {
        String ims = "220 nwmail1 ESMTP ready (Microsoft Exchange Internet Mail Service 5.5.2650.21)\r\n";
        try (ScriptedServer exchange = new ScriptedServer(
                        Dialogue.greeting(ims).on("EHLO", "250 nwmail1\r\n").on("QUIT", "221 bye\r\n"));
                ScriptedServer proxy = new ScriptedServer(Dialogue.smtp("proxy.northwind.example"))) {
            Path answers = Files.writeString(
                    dir.resolve("flow.txt"),
                    String.join(
                            "\n",
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
                            "exchange-port = " + exchange.port(),
                            "proxy-external = 127.0.0.1",
                            "proxy-port = " + proxy.port(),
                            ""));
            PackagedKbsh kbsh = new PackagedKbsh(dir);
            PackagedKbsh.Run run = kbsh.run("troubleshoot Q319881 --answers " + answers, 60);
            assertEquals(0, run.status(), run.err());
            assertTrue(
                    run.out()
                            .contains(
                                    "finding (step 15): Another service answers on the proxy's public port (127.0.0.1:"
                                            + proxy.port() + ": 220 proxy.northwind.example ESMTP)"),
                    run.out());
            assertTrue(run.out().contains("see: Q222553, Q181847"), run.out());

            PackagedKbsh.Run unanswered = kbsh.run("troubleshoot Q319881 --answer some-mail-flows=no", 60);
            assertEquals(1, unanswered.status());
            assertEquals(1, unanswered.err().strip().lines().count(), unanswered.err());
            assertTrue(unanswered.err().contains("no answer for step 2 'ndr'"), unanswered.err());
        }
    }
}
