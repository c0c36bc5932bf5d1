package io.kbsh.plugin.q178532.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.Protocol;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.testkit.FindingAssert;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Q178532CheckTest {

    @TempDir
    Path dir;

    static final String COMPLETE =
            "[STORE]\r\nServerBindTcpPorts=110,143,993,995\r\nPersistent=1\r\nKillOldSession=1\r\n"
                    + "ProxyBindIP=993:203.0.113.5,995:203.0.113.5\r\n";

    /**
     * EXCH1 publishing POP3 and IMAP4 (plain and SSL) through px; {@code wspcfg} is the collected copy
     * (null: none listed), written in {@code charset}.
     */
    Environment env(
            String proxyVersion,
            String runsOn,
            boolean wsp,
            List<String> hotfixes,
            String wspcfg,
            Charset charset,
            List<Publication> publications)
            throws Exception {
        return environment(
                "5.5 SP3",
                proxyVersion,
                runsOn,
                wsp,
                hotfixes,
                wspcfg == null ? null : write(wspcfg, charset),
                publications);
    }

    /** The INI text in {@code charset} (UTF-16LE with its byte-order mark) as a collected Wspcfg.ini copy. */
    IniFile write(String wspcfg, Charset charset) throws Exception {
        byte[] bytes = wspcfg.getBytes(charset);
        if (charset.equals(StandardCharsets.UTF_16LE)) {
            byte[] withBom = new byte[bytes.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(bytes, 0, withBom, 2, bytes.length);
            bytes = withBom;
        }
        Path copy = dir.resolve("wspcfg.ini");
        Files.write(copy, bytes);
        return new IniFile("C:\\Exchsrvr\\Bin\\Wspcfg.ini", copy);
    }

    static Environment environment(
            String exchange,
            String proxyVersion,
            String runsOn,
            boolean wsp,
            List<String> hotfixes,
            IniFile ini,
            List<Publication> publications) {
        Server.Builder server =
                Server.builder("EXCH1", ReleaseLevel.parse(exchange)).winsockProxyClient(wsp);
        hotfixes.forEach(server::hotfix);
        if (ini != null) {
            server.iniFile(ini);
        }
        ProxyServer.Builder proxy = ProxyServer.builder("px", ReleaseLevel.parse(proxyVersion))
                .externalAddress("203.0.113.5")
                .internalAddress("10.0.0.1");
        if (runsOn != null) {
            proxy.runsOn(runsOn);
        }
        Environment.Builder env = Environment.builder().server(server.build()).proxy(proxy.build());
        publications.forEach(env::publication);
        return env.build();
    }

    static final List<Publication> POP_IMAP_SSL = List.of(
            pub(Protocol.POP3, false), pub(Protocol.IMAP4, false), pub(Protocol.POP3, true), pub(Protocol.IMAP4, true));

    static Publication pub(Protocol protocol, boolean ssl) {
        return new Publication("px", "EXCH1", protocol, ssl);
    }

    static List<Finding> run(Environment env) {
        return new Q178532Check().evaluate(env, Facts.none(), ArticleStore.empty());
    }

    static boolean mentions(Finding f, String text) {
        return f.evidence().stream().anyMatch(e -> e.contains(text));
    }

    @Test
    void completeSetUpIsInformational() throws Exception {
        Finding f = run(env(
                        "2.0 SP1", null, true, List.of("Q232588"), COMPLETE, StandardCharsets.ISO_8859_1, POP_IMAP_SSL))
                .get(0);
        assertEquals(Severity.INFO, f.severity(), f.evidence().toString());
        assertTrue(f.resolution().stream().noneMatch(a -> a instanceof Action.RunIniWriter));
        assertEquals(4, f.probes().size());
        ProbeRequest popSsl =
                f.probes().stream().filter(p -> p.port() == 995).findFirst().orElseThrow();
        assertEquals("pop3", popSsl.probe());
        assertEquals("203.0.113.5", popSsl.host(), "probed on the proxy's external address");
        assertEquals("implicit", popSsl.parameters().get("tls"));
        assertTrue(f.probes().stream()
                .noneMatch(p -> p.probe().equals("ping") || p.probe().equals("icmp")));
    }

    @Test
    void noWspcfgAndNoClientAreEachReported() throws Exception {
        FindingAssert found = FindingAssert.assertThat(
                        run(env("2.0", null, false, List.of(), null, StandardCharsets.ISO_8859_1, POP_IMAP_SSL)))
                .single()
                .hasSeverity(Severity.ERROR)
                .hasEvidence("WinSock Proxy client is not installed")
                .hasEvidence("no Wspcfg.ini in Exchsrvr\\Bin")
                .hasEvidence("needs Proxy Server 2.0 SP1")
                .hasEvidence("Q232588");
        Finding f = found.finding();
        Action.RunIniWriter w = found.action(Action.RunIniWriter.class);
        assertEquals("C:\\Exchsrvr\\Bin\\Wspcfg.ini", w.file().serverPath());
        assertEquals("wspcfg-bind", w.writer());
        assertEquals("pop3,imap4,pop3s,imap4s", w.parameters().get("protocols"));
        assertEquals("203.0.113.5", w.parameters().get("proxy-address"));
        assertTrue(f.resolution().stream().anyMatch(a -> a instanceof Action.InstallServicePack));
        assertTrue(f.resolution().stream().anyMatch(a -> a.describe().contains("Information Store")));
        assertTrue(f.resolution().stream().anyMatch(a -> a.describe().contains("ping proves nothing")));
    }

    @Test
    void eachMissingPieceOfTheFileIsNamed() throws Exception {
        String partial =
                "[Store]\r\nServerBindTcpPorts=110,143,995\r\nPersistent=1\r\nProxyBindIP=995:198.51.100.9\r\n";
        Finding f = run(env(
                        "2.0 SP1", null, true, List.of("Q232588"), partial, StandardCharsets.ISO_8859_1, POP_IMAP_SSL))
                .get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(mentions(f, "ServerBindTcpPorts lacks 993"), f.evidence().toString());
        assertTrue(mentions(f, "KillOldSession=1 is not set"));
        assertTrue(mentions(f, "ProxyBindIP has no entry for SSL port 993"));
        assertTrue(mentions(f, "binds 995 to 198.51.100.9, but the proxy's external address is 203.0.113.5"));
        assertTrue(mentions(f, "present: [STORE] Persistent=1"));
        assertFalse(mentions(f, "needs Proxy Server 2.0 SP1"));
    }

    @Test
    void unicodeFileIsRefusedAsTheArchiveSays() throws Exception {
        Finding f = run(env(
                        "2.0 SP1", null, true, List.of("Q232588"), COMPLETE, StandardCharsets.UTF_16LE, POP_IMAP_SSL))
                .get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(mentions(f, "saved as Unicode"), f.evidence().toString());
    }

    @Test
    void ldapUsesTheDirectorySection() throws Exception {
        Finding f = run(env(
                        "2.0",
                        null,
                        true,
                        List.of(),
                        "[STORE]\r\nServerBindTcpPorts=389\r\n",
                        StandardCharsets.ISO_8859_1,
                        List.of(pub(Protocol.LDAP, false))))
                .get(0);
        assertTrue(mentions(f, "no [DSAMAIN] section"), f.evidence().toString());
        assertTrue(f.resolution().stream().anyMatch(a -> a.describe().contains("Directory service")));
        assertFalse(mentions(f, "SP1"), "plain LDAP needs no Proxy 2.0 SP1");
    }

    @Test
    void portRangesAndJunkReadAsTheClientReadsThem() {
        assertEquals(Set.of(110, 1025, 1026, 1027), WspcfgReview.ports("110, 1025-1027, abc,"));
    }

    @Test
    void notAffected() throws Exception {
        assertTrue(
                run(env("2.0", "EXCH1", false, List.of(), null, StandardCharsets.ISO_8859_1, POP_IMAP_SSL))
                        .isEmpty(),
                "Proxy Server on the Exchange server itself needs none of this");
        assertTrue(
                run(env("1.0", null, false, List.of(), null, StandardCharsets.ISO_8859_1, POP_IMAP_SSL))
                        .isEmpty(),
                "Proxy Server 1.0");
        assertTrue(
                run(env(
                                "2.0",
                                null,
                                false,
                                List.of(),
                                null,
                                StandardCharsets.ISO_8859_1,
                                List.of(pub(Protocol.SMTP, false))))
                        .isEmpty(),
                "SMTP is the Internet Mail Service's, not this article's");
        assertTrue(
                run(environment("4.0 SP5", "2.0", null, false, List.of(), null, POP_IMAP_SSL))
                        .isEmpty(),
                "the article covers Exchange 5.0 and 5.5 only");
        assertEquals(
                1,
                run(environment("5.0", "2.0", null, false, List.of(), null, POP_IMAP_SSL))
                        .size(),
                "5.0 is covered");
    }

    @Test
    void aWspcfgSavedWithATxtExtensionIsNamed() throws Exception {
        IniFile saved = new IniFile("C:\\Exchsrvr\\Bin\\Wspcfg.ini.txt");
        Finding f = run(environment("5.5", "2.0", null, true, List.of(), saved, List.of(pub(Protocol.POP3, false))))
                .get(0);
        assertTrue(
                mentions(f, "Wspcfg.ini.txt has a .txt extension"), f.evidence().toString());
        assertTrue(mentions(f, "no Wspcfg.ini in Exchsrvr\\Bin"));
    }
}
