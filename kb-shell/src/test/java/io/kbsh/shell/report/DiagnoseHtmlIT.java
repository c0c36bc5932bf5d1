package io.kbsh.shell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnose --html} through the packaged kbsh on a site whose remote MTA is loopback, where nothing listens:
 * the probe the finding asks for runs, and its result is drawn on the edge it tested and listed.
 */
class DiagnoseHtmlIT {

    private static final Path DIST = Path.of(System.getProperty("kbsh.distribution", "target/kbsh"));

    @TempDir
    Path dir;

    @Test
    void probeResultsAreDrawnOnTheEdgeTheyTested() throws Exception {
        // Nothing listens on 127.0.0.1:102 here (the X.400 port of the remote MTA the check asks to probe).
        Path env = dir.resolve("site.json");
        Files.writeString(env, """
                {"schemaVersion": 1, "organisation": "Loopback",
                 "servers": [{"id": "EX1", "exchange": "5.5", "winsockProxyClient": true,
                              "components": ["mta", "information-store", "directory"]}],
                 "connectors": [{"id": "x400-far", "type": "x400", "server": "EX1", "transport": "tcpip",
                                 "remoteMta": "127.0.0.1"}]}
                """);
        Path html = dir.resolve("diagnose.html");
        Process p = new ProcessBuilder(
                        DIST.resolve("bin/kbsh").toString(),
                        "--home",
                        dir.resolve("home").toString(),
                        "-c",
                        "diagnose --env " + env + " --timeout 10 --html " + html)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kbsh did not finish");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, p.exitValue(), out);

        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertFalse(doc.select("#probes li").isEmpty(), "the probes diagnose ran are listed: " + out);
        assertTrue(
                doc.select("#probes").text().contains("127.0.0.1:102"),
                doc.select("#probes").text());
        Element probeEdge = doc.select("svg.site-graph g.edge.reach").stream()
                .filter(g -> g.attr("data-id").equals("probe:remote:127.0.0.1"))
                .findFirst()
                .orElseThrow();
        assertTrue(probeEdge.text().startsWith("probe: 102 "), probeEdge.text());
        assertTrue(doc.select("article.finding").stream()
                .anyMatch(f -> f.select("h3").text().startsWith("Q254909")));
    }
}
