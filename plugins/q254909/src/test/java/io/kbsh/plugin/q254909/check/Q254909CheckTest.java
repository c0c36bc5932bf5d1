package io.kbsh.plugin.q254909.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Transport;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.testkit.FindingAssert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Q254909CheckTest {

    @TempDir
    Path dir;

    /** One server with the given Exchange level, WSP client flag, connectors and optional collected Mspclnt.ini. */
    private Environment env(String exchange, boolean wsp, List<Connector> connectors, String mspclnt) throws Exception {
        Server.Builder server = Server.builder("EXCH1", ReleaseLevel.parse(exchange))
                .winsockProxyClient(wsp)
                .components(Component.MTA, Component.INTERNET_MAIL);
        if (mspclnt != null) {
            Path copy = dir.resolve("mspclnt.ini");
            Files.write(copy, mspclnt.getBytes(StandardCharsets.ISO_8859_1));
            server.iniFile(new IniFile("C:\\Mspclnt\\Mspclnt.ini", copy));
        }
        Environment.Builder env = Environment.builder().server(server.build());
        connectors.forEach(env::connector);
        return env.build();
    }

    private Environment env(String exchange, boolean wsp, Connector connector, String mspclnt) throws Exception {
        return env(exchange, wsp, List.of(connector), mspclnt);
    }

    private static final Connector X400 = Connector.builder("x1", ConnectorType.X400, "EXCH1")
            .transport(Transport.TCPIP)
            .remoteMta("mta.branch.test")
            .build();
    private static final Connector SITE =
            Connector.builder("s1", ConnectorType.SITE, "EXCH1").build();
    private static final Connector RAS =
            Connector.builder("r1", ConnectorType.DYNAMIC_RAS, "EXCH1").build();
    private static final Connector IMS = Connector.builder("i1", ConnectorType.INTERNET_MAIL, "EXCH1")
            .domain("example.com")
            .build();
    private static final Connector X400_TP4 = Connector.builder("x2", ConnectorType.X400, "EXCH1")
            .transport(Transport.TP4)
            .build();

    private static List<Finding> run(Environment env) {
        return new Q254909Check().evaluate(env, Facts.none(), ArticleStore.empty());
    }

    @Test
    void missingFixInTheCollectedCopyIsAnError() throws Exception {
        List<Finding> found =
                run(env("5.5 SP3", true, List.of(X400, IMS), "[Common]\r\nPort=1745\r\n[EMSMTA]\r\nDisable=0\r\n"));
        Finding f = FindingAssert.assertThat(found)
                .single()
                .hasSeverity(Severity.CRITICAL)
                .affects(ObjectRef.connector("x1"))
                .resolves(Action.RunIniWriter.class)
                .asksProbe("rfc1006", "mta.branch.test", 102)
                .finding();
        assertEquals(
                List.of(ObjectRef.server("EXCH1"), ObjectRef.connector("x1")), f.affected(), "the IMS is not affected");
        assertTrue(
                f.evidence().stream().anyMatch(e -> e.contains("[EMSMTA] Disable=0") && e.contains("missing")),
                f.evidence().toString());
        Action.RunIniWriter writer = (Action.RunIniWriter) f.resolution().get(0);
        assertEquals("mspclnt-bypass", writer.writer());
        assertEquals("EMSMTA", writer.parameters().get("process"));
        assertEquals(Optional.of(dir.resolve("mspclnt.ini")), writer.file().localCopy());
        assertTrue(f.resolution().get(1).describe().contains("Message Transfer Agent"));
        assertEquals("rfc1006", f.probes().get(0).probe());
        assertEquals(102, f.probes().get(0).port());
    }

    @Test
    void fixIsReadTheWayWindowsReadsIt() throws Exception {
        // Section and key names match without case; a comment after the value is part of it but the number reads as 1.
        List<Finding> found = run(env("4.0 SP5", true, SITE, "[emsmta]\r\ndisable = 1 ; set by admin\r\n"));
        assertEquals(Severity.INFO, found.get(0).severity());
        assertTrue(found.get(0).evidence().stream().anyMatch(e -> e.contains("fix is present")));
        assertTrue(found.get(0).resolution().stream().noneMatch(a -> a instanceof Action.RunIniWriter));
        // Only the first [EMSMTA] section counts, as in Windows.
        List<Finding> shadowed = run(env("5.0", true, RAS, "[EMSMTA]\r\nLogging=1\r\n[EMSMTA]\r\nDisable=1\r\n"));
        assertEquals(Severity.CRITICAL, shadowed.get(0).severity());
        assertTrue(shadowed.get(0).evidence().stream().anyMatch(e -> e.contains("without Disable")));
    }

    @Test
    void withoutACollectedCopyTheStateIsUnknown() throws Exception {
        Finding f = run(env("5.5", true, X400, null)).get(0);
        assertEquals(Severity.WARNING, f.severity());
        Action.RunIniWriter writer = (Action.RunIniWriter) f.resolution().get(0);
        assertEquals("C:\\Mspclnt\\Mspclnt.ini", writer.file().serverPath());
        assertEquals(Optional.empty(), writer.file().localCopy());
    }

    @Test
    void notAffectedCases() throws Exception {
        assertTrue(run(env("5.5", true, IMS, "[Common]\r\n")).isEmpty(), "the IMC/IMS alone is not affected");
        assertTrue(run(env("5.5", false, X400, null)).isEmpty(), "no WinSock Proxy client, no problem");
        assertTrue(run(env("5.5", true, X400_TP4, null)).isEmpty(), "X.400 over TP4 is not WinSock traffic");
        assertTrue(run(env("5.5", true, List.of(), null)).isEmpty());
    }

    @Test
    void everyReleaseLineTheArticleNamesIsChecked() throws Exception {
        for (String level : List.of("4.0", "5.0 SP2", "5.5 SP4")) {
            assertEquals(1, run(env(level, true, SITE, null)).size(), level);
        }
    }
}
