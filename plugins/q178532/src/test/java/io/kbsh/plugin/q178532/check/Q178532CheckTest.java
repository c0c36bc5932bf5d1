package io.kbsh.plugin.q178532.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EnvironmentReader;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
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

    static final String COMPLETE = "[STORE]\r\nServerBindTcpPorts=110,143,993,995\r\nPersistent=1\r\nKillOldSession=1\r\n"
            + "ProxyBindIP=993:203.0.113.5,995:203.0.113.5\r\n";

    /**
     * EXCH1 publishing POP3 and IMAP4 (plain and SSL) through px; {@code wspcfg} is the collected copy
     * (null: none listed), written in {@code charset}.
     */
    Environment env(String proxyVersion, String runsOn, boolean wsp, String hotfixes, String wspcfg, Charset charset,
                    String publications) throws Exception {
        String ini = "";
        if (wspcfg != null) {
            byte[] bytes = wspcfg.getBytes(charset);
            if (charset.equals(StandardCharsets.UTF_16LE)) {
                byte[] withBom = new byte[bytes.length + 2];
                withBom[0] = (byte) 0xFF;
                withBom[1] = (byte) 0xFE;
                System.arraycopy(bytes, 0, withBom, 2, bytes.length);
                bytes = withBom;
            }
            Files.write(dir.resolve("wspcfg.ini"), bytes);
            ini = ", \"iniFiles\": [{\"serverPath\": \"C:\\\\Exchsrvr\\\\Bin\\\\Wspcfg.ini\", \"localCopy\": \"wspcfg.ini\"}]";
        }
        String json = """
                {"schemaVersion": 1,
                 "servers": [{"id": "EXCH1", "exchange": "5.5 SP3", "winsockProxyClient": %s, "hotfixes": [%s]%s}],
                 "proxies": [{"id": "px", "version": "%s", "externalAddress": "203.0.113.5", "internalAddress": "10.0.0.1"%s}],
                 "publications": [%s]}
                """.formatted(wsp, hotfixes, ini, proxyVersion, runsOn == null ? "" : ", \"runsOn\": \"" + runsOn + "\"", publications);
        return EnvironmentReader.parse(json.getBytes(StandardCharsets.UTF_8), "t.json", dir);
    }

    static final String POP_IMAP_SSL = pub("pop3", false) + "," + pub("imap4", false) + "," + pub("pop3", true) + "," + pub("imap4", true);

    static String pub(String protocol, boolean ssl) {
        return "{\"proxy\": \"px\", \"server\": \"EXCH1\", \"protocol\": \"" + protocol + "\", \"ssl\": " + ssl + "}";
    }

    static List<Finding> run(Environment env) {
        return new Q178532Check().evaluate(env, Facts.none(), ArticleStore.empty());
    }

    static boolean mentions(Finding f, String text) {
        return f.evidence().stream().anyMatch(e -> e.contains(text));
    }

    @Test
    void completeSetUpIsInformational() throws Exception {
        Finding f = run(env("2.0 SP1", null, true, "\"Q232588\"", COMPLETE, StandardCharsets.ISO_8859_1, POP_IMAP_SSL)).get(0);
        assertEquals(Severity.INFO, f.severity(), f.evidence().toString());
        assertTrue(f.resolution().stream().noneMatch(a -> a instanceof Action.RunIniWriter));
        assertEquals(4, f.probes().size());
        ProbeRequest popSsl = f.probes().stream().filter(p -> p.port() == 995).findFirst().orElseThrow();
        assertEquals("pop3", popSsl.probe());
        assertEquals("203.0.113.5", popSsl.host(), "probed on the proxy's external address");
        assertEquals("implicit", popSsl.parameters().get("tls"));
        assertTrue(f.probes().stream().noneMatch(p -> p.probe().equals("ping") || p.probe().equals("icmp")));
    }

    @Test
    void noWspcfgAndNoClientAreEachReported() throws Exception {
        Finding f = run(env("2.0", null, false, "", null, StandardCharsets.ISO_8859_1, POP_IMAP_SSL)).get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(mentions(f, "WinSock Proxy client is not installed"));
        assertTrue(mentions(f, "no Wspcfg.ini in Exchsrvr\\Bin"));
        assertTrue(mentions(f, "needs Proxy Server 2.0 SP1"));
        assertTrue(mentions(f, "Q232588"));
        Action.RunIniWriter w = f.resolution().stream().filter(a -> a instanceof Action.RunIniWriter)
                .map(a -> (Action.RunIniWriter) a).findFirst().orElseThrow();
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
        String partial = "[Store]\r\nServerBindTcpPorts=110,143,995\r\nPersistent=1\r\nProxyBindIP=995:198.51.100.9\r\n";
        Finding f = run(env("2.0 SP1", null, true, "\"Q232588\"", partial, StandardCharsets.ISO_8859_1, POP_IMAP_SSL)).get(0);
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
        Finding f = run(env("2.0 SP1", null, true, "\"Q232588\"", COMPLETE, StandardCharsets.UTF_16LE, POP_IMAP_SSL)).get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(mentions(f, "saved as Unicode"), f.evidence().toString());
    }

    @Test
    void ldapUsesTheDirectorySection() throws Exception {
        Finding f = run(env("2.0", null, true, "", "[STORE]\r\nServerBindTcpPorts=389\r\n", StandardCharsets.ISO_8859_1, pub("ldap", false))).get(0);
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
        assertTrue(run(env("2.0", "EXCH1", false, "", null, StandardCharsets.ISO_8859_1, POP_IMAP_SSL)).isEmpty(),
                "Proxy Server on the Exchange server itself needs none of this");
        assertTrue(run(env("1.0", null, false, "", null, StandardCharsets.ISO_8859_1, POP_IMAP_SSL)).isEmpty(), "Proxy Server 1.0");
        assertTrue(run(env("2.0", null, false, "", null, StandardCharsets.ISO_8859_1, pub("smtp", false))).isEmpty(),
                "SMTP is the Internet Mail Service's, not this article's");
        String exchange40 = "{\"schemaVersion\": 1, \"servers\": [{\"id\": \"EXCH1\", \"exchange\": \"4.0 SP5\"}],"
                + " \"proxies\": [{\"id\": \"px\", \"version\": \"2.0\"}], \"publications\": [" + POP_IMAP_SSL + "]}";
        assertTrue(run(EnvironmentReader.parse(exchange40.getBytes(StandardCharsets.UTF_8), "t.json", dir)).isEmpty(),
                "the article covers Exchange 5.0 and 5.5 only");
        assertEquals(1, run(EnvironmentReader.parse(exchange40.replace("4.0 SP5", "5.0").getBytes(StandardCharsets.UTF_8),
                "t.json", dir)).size(), "5.0 is covered");
    }

    @Test
    void examples() throws Exception {
        Path examples = Path.of("../../examples");
        Finding f = run(EnvironmentReader.read(examples.resolve("site-q178532-ssl.json"))).get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(mentions(f, "no Wspcfg.ini in Exchsrvr\\Bin"));
        assertTrue(run(EnvironmentReader.read(examples.resolve("site-healthy.json"))).isEmpty(),
                "the healthy example's proxy runs on the Exchange server");
    }

    @Test
    void aWspcfgSavedWithATxtExtensionIsNamed() throws Exception {
        String json = """
                {"schemaVersion": 1,
                 "servers": [{"id": "EXCH1", "exchange": "5.5", "winsockProxyClient": true,
                   "iniFiles": [{"serverPath": "C:\\\\Exchsrvr\\\\Bin\\\\Wspcfg.ini.txt"}]}],
                 "proxies": [{"id": "px", "version": "2.0"}],
                 "publications": [%s]}
                """.formatted(pub("pop3", false));
        Finding f = run(EnvironmentReader.parse(json.getBytes(StandardCharsets.UTF_8), "t.json", dir)).get(0);
        assertTrue(mentions(f, "Wspcfg.ini.txt has a .txt extension"), f.evidence().toString());
        assertTrue(mentions(f, "no Wspcfg.ini in Exchsrvr\\Bin"));
    }
}
