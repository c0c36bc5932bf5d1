package io.kbsh.plugin.q254909.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EnvironmentReader;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Q254909CheckTest {

    @TempDir
    Path dir;

    /** One server with the given Exchange level, WSP client flag, connectors and optional collected Mspclnt.ini. */
    private Environment env(String exchange, boolean wsp, String connectors, String mspclnt) throws Exception {
        String ini = "";
        if (mspclnt != null) {
            Files.write(dir.resolve("mspclnt.ini"), mspclnt.getBytes(StandardCharsets.ISO_8859_1));
            ini = ", \"iniFiles\": [{\"serverPath\": \"C:\\\\Mspclnt\\\\Mspclnt.ini\", \"localCopy\": \"mspclnt.ini\"}]";
        }
        String json = """
                {"schemaVersion": 1,
                 "servers": [{"id": "EXCH1", "exchange": "%s", "winsockProxyClient": %s,
                              "components": ["mta", "internet-mail"]%s}],
                 "connectors": [%s]}
                """.formatted(exchange, wsp, ini, connectors);
        return EnvironmentReader.parse(json.getBytes(StandardCharsets.UTF_8), "test.json", dir);
    }

    private static final String X400 = "{\"id\": \"x1\", \"type\": \"x400\", \"server\": \"EXCH1\", \"transport\": \"tcpip\", \"remoteMta\": \"mta.branch.test\"}";
    private static final String SITE = "{\"id\": \"s1\", \"type\": \"site\", \"server\": \"EXCH1\"}";
    private static final String RAS = "{\"id\": \"r1\", \"type\": \"dynamic-ras\", \"server\": \"EXCH1\"}";
    private static final String IMS = "{\"id\": \"i1\", \"type\": \"internet-mail\", \"server\": \"EXCH1\", \"domains\": [\"example.com\"]}";
    private static final String X400_TP4 = "{\"id\": \"x2\", \"type\": \"x400\", \"server\": \"EXCH1\", \"transport\": \"tp4\"}";

    private static List<Finding> run(Environment env) {
        return new Q254909Check().evaluate(env, Facts.none(), ArticleStore.empty());
    }

    @Test
    void missingFixInTheCollectedCopyIsAnError() throws Exception {
        List<Finding> found = run(env("5.5 SP3", true, X400 + "," + IMS, "[Common]\r\nPort=1745\r\n[EMSMTA]\r\nDisable=0\r\n"));
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals(List.of(ObjectRef.server("EXCH1"), ObjectRef.connector("x1")), f.affected(), "the IMS is not affected");
        assertTrue(f.evidence().stream().anyMatch(e -> e.contains("[EMSMTA] Disable=0") && e.contains("missing")), f.evidence().toString());
        Action.RunIniWriter writer = (Action.RunIniWriter) f.resolution().get(0);
        assertEquals("mspclnt-bypass", writer.writer());
        assertEquals("EMSMTA", writer.parameters().get("process"));
        assertEquals(dir.resolve("mspclnt.ini"), writer.file().localCopy());
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
        assertEquals(null, writer.file().localCopy());
    }

    @Test
    void notAffectedCases() throws Exception {
        assertTrue(run(env("5.5", true, IMS, "[Common]\r\n")).isEmpty(), "the IMC/IMS alone is not affected");
        assertTrue(run(env("5.5", false, X400, null)).isEmpty(), "no WinSock Proxy client, no problem");
        assertTrue(run(env("5.5", true, X400_TP4, null)).isEmpty(), "X.400 over TP4 is not WinSock traffic");
        assertTrue(run(env("5.5", true, "", null)).isEmpty());
    }

    @Test
    void everyReleaseLineTheArticleNamesIsChecked() throws Exception {
        for (String level : List.of("4.0", "5.0 SP2", "5.5 SP4")) {
            assertEquals(1, run(env(level, true, SITE, null)).size(), level);
        }
    }

    @Test
    void examplesShowTheFixMissingAndPresent() throws Exception {
        Path examples = Path.of("../../examples");
        Finding hit = run(EnvironmentReader.read(examples.resolve("site-q254909-q187225.json"))).get(0);
        assertEquals(Severity.CRITICAL, hit.severity());
        assertTrue(hit.affected().contains(ObjectRef.server("NWMAIL1")));
        List<Finding> healthy = run(EnvironmentReader.read(examples.resolve("site-healthy.json")));
        assertEquals(List.of(Severity.INFO), healthy.stream().map(Finding::severity).toList());
        assertTrue(run(EnvironmentReader.read(examples.resolve("site-q178532-ssl.json"))).isEmpty());
    }
}
