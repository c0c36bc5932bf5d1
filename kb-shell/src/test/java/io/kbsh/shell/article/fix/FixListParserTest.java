package io.kbsh.shell.article.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.article.parse.ArticleParseException;
import io.kbsh.shell.article.parse.ArticleParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class FixListParserTest {

    private static final ArticleId Q166604 = new ArticleId(166604);

    private static Article archive(ZipFile zip, String q) throws IOException, ArticleParseException {
        int n = Integer.parseInt(q.substring(1));
        String name = String.format("txt/%03d/%s.TXT", n / 1000, q);
        return ArticleParser.parse(name, zip.getInputStream(zip.getEntry(name)).readAllBytes());
    }

    private static ZipFile archiveZip() throws IOException {
        String shared = System.getProperty("kbsh.shared");
        assumeTrue(shared != null, "skipped: kbsh.shared is not set");
        Path zip = Path.of(shared, "kbarchive", "kbarchive-txt.zip");
        assumeTrue(Files.exists(zip), "skipped: " + zip + " is absent");
        return new ZipFile(zip.toFile());
    }

    private static FixLevel level(String product, String level, FixLevel.Kind kind, int listedIn) {
        return new FixLevel(product, ReleaseLevel.parse(level), kind, new ArticleId(listedIn));
    }

    @Test
    void theArchivesFixListsGiveBugToPackPairs() throws IOException, ArticleParseException {
        try (ZipFile zip = archiveZip()) {
            List<FixListing> sp1 = FixListParser.listings(archive(zip, "Q242221"));
            assertTrue(sp1.contains(new FixListing(
                    new ArticleId(187225), level("exchange", "5.5 SP1", FixLevel.Kind.SERVICE_PACK, 242221))));
            assertTrue(
                    sp1.stream().noneMatch(l -> l.bug().equals(new ArticleId(235453))),
                    "the summary's pointer to the SP3 list is not a bug");

            List<FixListing> ex40 = FixListParser.listings(archive(zip, "Q174189"));
            assertTrue(
                    ex40.contains(
                            new FixListing(Q166604, level("exchange", "4.0 SP5", FixLevel.Kind.SERVICE_PACK, 174189))),
                    "one part per pack: Q166604 is in the Service Pack 5 part");
            assertEquals(
                    List.of(3, 4, 5),
                    ex40.stream()
                            .map(l -> l.level().level().servicePack())
                            .distinct()
                            .sorted()
                            .toList());

            FixTable table = new FixTable();
            for (String q : List.of("Q168735", "Q154481", "Q174189")) {
                table.add(FixListParser.listings(archive(zip, q)));
            }
            assertEquals(
                    List.of(
                            level("exchange", "4.0 SP5", FixLevel.Kind.SERVICE_PACK, 174189),
                            level("exchange", "5.0 SP1", FixLevel.Kind.SERVICE_PACK, 154481)),
                    table.byBug().get(Q166604),
                    "the 5.0 SP2 README repeats Q166604; the earliest pack wins");

            List<FixListing> hotfixes = FixListParser.listings(archive(zip, "Q248838"));
            assertFalse(hotfixes.isEmpty());
            assertTrue(hotfixes.stream()
                    .allMatch(l -> l.level().kind() == FixLevel.Kind.HOTFIX
                            && l.level().level().equals(ReleaseLevel.parse("5.5 SP3"))));
            List<FixListing> rollup = FixListParser.listings(archive(zip, "Q323206"));
            assertFalse(rollup.isEmpty());
            assertTrue(
                    rollup.stream()
                            .allMatch(l -> l.level().kind() == FixLevel.Kind.HOTFIX
                                    && l.level().level().equals(ReleaseLevel.parse("2.0 SP4"))),
                    "the SP4 hotfix rollup is no pack");
            assertFalse(FixListParser.isFixList(archive(zip, "Q187225")), "a bug article is not a fix list");
            assertFalse(FixListParser.isFixList(archive(zip, "Q274200")), "nor is a bug about one hotfix");
            List<FixListing> sp6 = FixListParser.listings(archive(zip, "Q241211"));
            assertTrue(sp6.size() > 100, "Service Pack 6/6a is one pack: " + sp6.size());
            assertTrue(sp6.stream().allMatch(l -> l.level().level().equals(ReleaseLevel.parse("4.0 SP6"))));
            assertTrue(
                    sp6.stream().noneMatch(l -> l.bug().equals(new ArticleId(152734))),
                    "how to obtain a pack is no bug");
        }
    }

    @Test
    void multiPackListsFollowTheirPackMarkersAndOpenBugsAreTheLaterPacks() throws ArticleParseException {
        String text = String.join(
                "\r\n",
                "DOCUMENT:Q900100  01-JAN-2000  [exchange]",
                "TITLE   :XGEN: List of Bugs Fixed in Exchange Server 5.5 SP 1, 2",
                "PRODUCT :Microsoft Exchange",
                "PROD/VER:winnt:5.5",
                "OPER/SYS:",
                "KEYWORDS:",
                "",
                "======================================================================",
                "SUMMARY",
                "=======",
                "",
                "Other lists:",
                "",
                "   Q900200 XGEN: List of Bugs Fixed in Exchange Server 5.5 SP3",
                "",
                "MORE INFORMATION",
                "================",
                "",
                "Service Pack 2",
                "--------------",
                "",
                "   Q900002: XCON: Second Sample Bug",
                "",
                "Service Pack 1",
                "--------------",
                "",
                "   Q900001: XCON: First Sample Bug",
                "   Q900003 XFOR: Third Sample Bug");
        Article list = ArticleParser.parse("Q900100.TXT", text.getBytes(StandardCharsets.ISO_8859_1));
        FixTable table = new FixTable();
        table.add(FixListParser.listings(list));
        Map<ArticleId, List<FixLevel>> byBug = table.byBug();
        assertEquals(3, byBug.size(), byBug.toString());
        assertEquals(2, byBug.get(new ArticleId(900002)).get(0).level().servicePack());
        assertEquals(1, byBug.get(new ArticleId(900003)).get(0).level().servicePack());
        assertEquals(List.of(new ArticleId(900002)), FixTable.openAt(byBug, "exchange", ReleaseLevel.parse("5.5 SP1")));
        assertEquals(List.of(), FixTable.openAt(byBug, "exchange", ReleaseLevel.parse("5.0 SP1")), "another line");
        assertEquals(1, table.countsByProduct().get("exchange")[0]);
        assertEquals(3, table.countsByProduct().get("exchange")[1]);
    }
}
