package io.kbsh.shell.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.model.version.ReleaseLevel;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuildTableTest {

    @Test
    void theCommittedTableIsWhatTheArchiveGives() throws Exception {
        String shared = System.getProperty("kbsh.shared");
        if (shared == null || !Files.exists(Path.of(shared, "kbarchive", "kbarchive-txt.zip"))) {
            System.out.println(
                    "BuildTableTest skipped: ../shared/kbarchive/kbarchive-txt.zip is absent, the table cannot be regenerated");
            assumeTrue(false, "../shared/kbarchive/kbarchive-txt.zip is absent");
        }
        String regenerated = BuildTableGenerator.generate(Path.of(shared, "kbarchive", "kbarchive-txt.zip"));
        String committed;
        try (InputStream in = ExchangeBuilds.class.getResourceAsStream("exchange-builds.tsv")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(
                committed,
                regenerated,
                "regenerate kb-shell/src/main/resources/io/kbsh/shell/discover/exchange-builds.tsv"
                        + " with BuildTableGenerator (kb-shell/README.md)");
        for (String id : new String[] {"Q257618", "Q163294", "Q158530", "Q166349", "Q158336"}) {
            assertTrue(regenerated.contains("\t" + id + "\n"), id + " contributes rows");
        }
    }

    @Test
    void buildsMapToLevelsByRangeNotByExactMatch() {
        ExchangeBuilds t = ExchangeBuilds.bundled();
        assertEquals(
                ReleaseLevel.parse("5.5 SP1"),
                t.level("ims", "5.5", 2232).orElseThrow().level());
        ExchangeBuilds.Match hotfix = t.level("ims", "5.5", 2235).orElseThrow();
        assertEquals(
                ReleaseLevel.parse("5.5 SP1"), hotfix.level(), "a build between two packs is a hotfix of the lower");
        assertTrue(hotfix.hotfix());
        assertFalse(t.level("ims", "5.5", 2232).orElseThrow().hotfix());
        // The IMS table (Q257618) stops at SP3: SP4's IMS build takes the server's (Q158530, Q166349, Q158336).
        assertEquals(
                ReleaseLevel.parse("5.5 SP4"),
                t.level("ims", "5.5", 2653).orElseThrow().level());
        assertEquals(
                ReleaseLevel.parse("5.0 SP2"),
                t.level("server", "5.0", 1460).orElseThrow().level());
        assertEquals(
                ReleaseLevel.parse("4.0 SP5"),
                t.level("mta", "4.0", 996).orElseThrow().level());
        assertEquals(
                ReleaseLevel.parse("5.5"),
                t.level("server", "5.5", 1960).orElseThrow().level());
        assertTrue(t.level("server", "5.5", 1959).isEmpty(), "below the release's first build: not a level");
        assertTrue(t.level("server", "6.0", 4417).isEmpty(), "a release the articles do not give");
        assertEquals(
                "Q257618", t.level("ims", "5.5", 2448).orElseThrow().article().toString());
    }

    @Test
    void greetingsNameProductReleaseAndBuild() {
        Greeting ims = Greeting.read(
                "smtp", "220 mail.test ESMTP Server (Microsoft Exchange Internet Mail Service 5.5.2232.0) ready");
        assertTrue(ims.exchange());
        assertEquals("5.5", ims.release().orElseThrow());
        assertEquals(2232, ims.build().getAsInt());
        assertEquals("ims", ims.component());
        Greeting pop = Greeting.read("pop3", "+OK Microsoft Exchange POP3 server version 5.5.2448.8 ready");
        assertEquals(2448, pop.build().getAsInt());
        assertEquals("server", pop.component());
        Greeting imc =
                Greeting.read("smtp", "220 old.test ESMTP Server (Microsoft Exchange Internet Mail Connector) ready");
        assertTrue(imc.exchange());
        assertEquals("4.0", imc.release().orElseThrow());
        assertTrue(imc.build().isEmpty(), "4.0's IMC greeting has no build");
        Greeting other = Greeting.read("smtp", "220 relay.test ESMTP Postfix 3.5.6");
        assertFalse(other.exchange());
        assertTrue(other.release().isEmpty() && other.build().isEmpty(), "no version is made up");
    }
}
