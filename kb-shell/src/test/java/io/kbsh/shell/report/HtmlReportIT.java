package io.kbsh.shell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.shell.testing.PackagedKbsh.Run;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML report of the packaged kbsh on the three example sites, as a person gets it: read with jsoup for
 * its structure (self-contained, the picture marks exactly the objects the findings name, stable anchors,
 * escaping), rendered again from the saved JSON, and opened in headless Chromium where one can be had.
 */
class HtmlReportIT {

    @TempDir
    Path dir;

    private Run kbsh(String commands) throws IOException, InterruptedException {
        return new PackagedKbsh(dir).run(commands, 90);
    }

    private Path examples() throws IOException {
        return new PackagedKbsh(dir).examples();
    }

    /** The ids of the picture's shapes (or lines) drawn in a finding's state. */
    private static Set<String> marked(Document doc, String kind) {
        Set<String> ids = new TreeSet<>();
        for (Element g : doc.select("svg.site-graph g." + kind)) {
            for (String c : g.classNames()) {
                if (c.startsWith("state-") && !c.equals("state-ok")) {
                    ids.add(g.attr("data-id"));
                }
            }
        }
        return ids;
    }

    /** What the findings name, as the picture's ids: objects drawn as shapes, connectors as their hops. */
    private static Set<String> named(JsonNode report, boolean connectors) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode f : report.path("findings")) {
            for (JsonNode a : f.path("affected")) {
                String ref = a.asText();
                boolean connector = ref.startsWith("connector:");
                if (connector == connectors) {
                    ids.add(ref.startsWith("domain:") ? ref.toLowerCase(Locale.ROOT) : ref);
                }
            }
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"site-q254909-q187225.json", "site-q178532-ssl.json", "site-healthy.json"})
    void thePictureMarksExactlyTheObjectsTheFindingsName(String site) throws Exception {
        Path env = examples().resolve(site);
        Path html = dir.resolve("report.html");
        Run run = kbsh("check --env " + env + " --html " + html + " --json");
        assertEquals(0, run.status(), run.err());
        Path json = dir.resolve("report.json");
        Files.writeString(json, run.out());
        JsonNode report = new ObjectMapper().readTree(run.out());
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");

        // Self-contained: nothing is fetched, styles are inline.
        assertTrue(
                doc.select("script[src], link, img[src^=http], iframe").isEmpty(),
                doc.select("script[src], link").toString());
        assertFalse(doc.html().contains("http://") && !doc.html().contains("http://www.w3.org/2000/svg"));
        assertEquals(1, doc.select("head style").size());
        assertEquals(1, doc.select("svg.site-graph").size(), "the picture is inline SVG");

        Set<String> shapes = new TreeSet<>();
        doc.select("svg.site-graph g.shape").forEach(g -> shapes.add(g.attr("data-id")));
        Set<String> expectedShapes = named(report, false);
        expectedShapes.retainAll(shapes);
        assertEquals(expectedShapes, marked(doc, "shape"), site);
        Set<String> markedLines = new TreeSet<>();
        marked(doc, "edge").forEach(id -> markedLines.add(id.substring(0, id.indexOf('#'))));
        assertEquals(named(report, true), markedLines, site);

        int findings = report.path("findings").size();
        assertEquals(findings, doc.select("article.finding").size());
        if (findings == 0) {
            assertTrue(
                    doc.select("#findings").text().contains("No findings"),
                    doc.select("#findings").text());
            assertTrue(marked(doc, "shape").isEmpty());
        }
        for (Element f : doc.select("article.finding")) {
            assertTrue(f.id().startsWith("finding-Q"), f.id());
            assertFalse(f.select(".sev").text().isBlank(), "the severity is a word, not only a colour");
            assertFalse(f.select("h3").text().isBlank());
        }
        // Each marked shape links to the section listing its findings.
        for (Element a : doc.select("svg.site-graph g.shape a")) {
            String target = a.attr("href").substring(1);
            assertFalse(doc.getElementById(target) == null, "no section " + target);
        }
        // A marked connector's line draws only its type; its tooltip and the section it links to name it.
        for (Element line : doc.select("svg.site-graph g.edge.connector")) {
            if (!marked(doc, "edge").contains(line.attr("data-id"))) {
                continue;
            }
            String connector = line.attr("data-id")
                    .substring("connector:".length(), line.attr("data-id").indexOf('#'));
            assertTrue(line.select("title").text().startsWith("connector " + connector + " ("), line.toString());
            assertFalse(line.select("text.edge-label").text().contains(connector), line.toString());
            Element section = doc.getElementById(line.select("a").attr("href").substring(1));
            assertFalse(section == null, "the line links to its findings: " + line);
            assertTrue(section.text().contains("connector:" + connector), section.text());
        }

        // The same report, rendered later from the saved JSON, is the same file.
        Path later = dir.resolve("later.html");
        Run render = kbsh("report html " + json + " --output " + later);
        assertEquals(0, render.status(), render.err());
        assertEquals(Files.readString(html), Files.readString(later));
    }

    @Test
    void theQ254909ReportShowsThePlanAsAColouredDiffAndTheArticle() throws Exception {
        Path env = examples().resolve("site-q254909-q187225.json");
        Path html = dir.resolve("report.html");
        assertEquals(0, kbsh("check --env " + env + " --html " + html).status());
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        Element q254909 = doc.select("article.finding").stream()
                .filter(f -> f.select("h3").text().startsWith("Q254909"))
                .findFirst()
                .orElseThrow();
        assertTrue(q254909.hasClass("state-critical"));
        assertEquals(
                List.of("+[EMSMTA]", "+Disable=1"),
                q254909.select("pre.diff .diff-add").eachText());
        assertTrue(
                q254909.select("details .article-text").text().length() > 20, "the article's text is one click away");
        assertTrue(doc.select("#obj-server-NWMAIL1").text().contains("Q254909"));
    }

    @Test
    void namesFromTheEnvironmentStayText() throws Exception {
        Path env = dir.resolve("evil.json");
        Files.writeString(env, """
                {"schemaVersion": 1, "organisation": "</title><script>alert(1)</script>",
                 "servers": [{"id": "<script>alert(2)</script>", "exchange": "5.5", "winsockProxyClient": true,
                              "components": ["mta"]}],
                 "connectors": [{"id": "<img src=x onerror=alert(3)>", "type": "x400", "server": "<script>alert(2)</script>",
                                 "transport": "tcpip", "remoteMta": "far.example"}]}
                """);
        Path html = dir.resolve("evil.html");
        Run run = kbsh("check --env " + env + " --html " + html);
        assertEquals(0, run.status(), run.err());
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertTrue(
                doc.select("script, img").isEmpty(), doc.select("script, img").toString());
        assertTrue(doc.title().contains("</title><script>alert(1)</script>"), doc.title());
        assertTrue(doc.select("svg.site-graph").text().contains("<script>alert(2)</script>"));
        assertTrue(
                doc.select("svg.site-graph g.edge.connector title").text().contains("<img src=x onerror=alert(3)>"),
                "the connector's id is its line's tooltip, as text: " + doc.select("svg.site-graph g.edge.connector"));
    }

    @Test
    void aBrowserDrawsThePictureWithTheFailingNodesColour() throws Exception {
        Optional<Path> chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
        if (chromium.isEmpty()) {
            System.out.println("HtmlReportIT: skipped the browser test: no Chromium (apt-get install chromium)");
        }
        assumeTrue(chromium.isPresent(), "no Chromium on this machine");
        Path ex = examples();
        Path failing = dir.resolve("failing.html");
        Path healthy = dir.resolve("healthy.html");
        assertEquals(
                0,
                kbsh("check --env " + ex.resolve("site-q254909-q187225.json") + " --html " + failing + "; check --env "
                                + ex.resolve("site-healthy.json") + " --html " + healthy)
                        .status());

        BufferedImage bad = screenshot(chromium.get(), failing);
        BufferedImage good = screenshot(chromium.get(), healthy);
        // The critical fill of NWMAIL1's shape (#f9d6da) and the critical stroke (#7a0010).
        assertTrue(count(bad, 0xf9d6da) > 500, "the failing node is drawn in its colour");
        assertTrue(count(bad, 0x7a0010) > 50);
        assertEquals(0, count(good, 0xf9d6da), "a healthy site has no failing node");
        assertTrue(count(good, 0xeef4ff) > 500, "the healthy site's picture rendered (the Internet's fill)");
    }

    private BufferedImage screenshot(Path chromium, Path html) throws Exception {
        Path png = dir.resolve(html.getFileName() + ".png");
        Process p = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + dir.resolve("chromium-" + html.getFileName()),
                        "--window-size=1400,1200",
                        "--screenshot=" + png,
                        html.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
        return image;
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
