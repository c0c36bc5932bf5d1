package io.kbsh.shell.article.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.article.parse.ArticleParseException;
import io.kbsh.shell.article.parse.ArticleParser;
import io.kbsh.shell.article.parse.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class StatusFixParserTest {

    private static final ArticleId BUG = new ArticleId(900010);

    private static List<String> levels(String product, String status) {
        return StatusFixParser.ofStatus(BUG, Optional.of(product), status).stream()
                .map(l -> l.level().product() + " " + l.level().level())
                .toList();
    }

    @Test
    void theThreeWaysTheArchiveNamesTheFixingPack() {
        assertEquals(
                List.of("exchange 5.5 SP3"),
                levels(
                        "exchange",
                        "Confirmed in Exchange Server 5.5. This problem was first corrected in Exchange Server 5.5 Service Pack 3."));
        assertEquals(
                List.of("exchange 4.0 SP4"),
                levels(
                        "exchange",
                        "Seen in 4.0. It was corrected in Microsoft Exchange Server 4.0 U.S. Service Pack 4. For information …"));
        assertEquals(
                List.of("exchange 4.0 SP3"),
                levels(
                        "exchange",
                        "It was corrected in Service Pack 3 of Microsoft Exchange version 4.0 For information on obtaining it"));
        assertEquals(
                List.of("exchange 4.0 SP2"),
                levels(
                        "exchange",
                        "A problem in Microsoft Exchange Server version 4.0. It was corrected in Microsoft Exchange Server U.S. Service Pack 2."),
                "the pack alone takes the one release line the section names");
        assertEquals(
                List.of("exchange 5.0 SP2"),
                levels(
                        "exchange",
                        "It was first corrected in Microsoft Exchange Server version 5.0 Service Pack Service Pack 2."),
                "a doubled 'Service Pack' is still one pack");
    }

    @Test
    void aClauseNamingAnotherProductGivesThatProductsLevel() {
        assertEquals(
                List.of("winnt 4.0 SP4"),
                levels(
                        "exchange",
                        "Confirmed in Exchange Server 5.5. The problem was first corrected in Windows NT 4.0 Service Pack 4."));
        assertEquals(
                List.of("exchange-client 5.0 SP1"),
                levels(
                        "exchange",
                        "Confirmed for the clients. This problem was corrected in Exchange Client 5.0 Service Pack 1."));
    }

    @Test
    void whereTheProblemIsAndTheLatestPackAreNoFixLevel() {
        assertEquals(
                List.of(),
                levels(
                        "exchange",
                        "Microsoft has confirmed this to be a problem in Microsoft Exchange Server version 5.5 Service Pack 3."));
        assertEquals(
                List.of(),
                levels(
                        "exchange",
                        "Confirmed in 5.0. It has been corrected in the latest U.S. Service Pack for Microsoft Exchange Server version 5.0."));
        assertEquals(
                List.of(),
                levels("exchange", "Confirmed in versions 4.0 and 5.0. It was corrected in the U.S. Service Pack 2."),
                "a pack alone with two release lines in the section is ambiguous");
        assertEquals(
                List.of(),
                levels("exchange", "It was first corrected in Exchange 2000 Server Service Pack 1."),
                "Exchange 2000 is no release line of the 5.5 form");
    }

    @Test
    void twoLinesInOneSectionGiveTwoLevels() {
        assertEquals(
                List.of("exchange 5.0 SP2", "exchange 5.5 SP1"),
                levels(
                        "exchange",
                        "Confirmed in 5.0 and 5.5. This problem was first corrected in Exchange Server 5.0 Service Pack 2."
                                + " In 5.5 the problem was first corrected in Exchange Server 5.5 Service Pack 1."));
    }

    /** The archive: Q197378's STATUS names 5.5 SP2; Q191594's says only where the problem is. */
    @Test
    void theArchivesExchangeArticlesStateTheirFixingPack() throws IOException, ArticleParseException {
        try (ZipFile zip =
                new ZipFile(SharedData.require("kbarchive/kbarchive-txt.zip").toFile())) {
            Article q197378 = parse(zip, zip.getEntry("txt/197/Q197378.TXT"));
            assertEquals(
                    List.of(new FixListing(
                            q197378.id(),
                            new FixLevel(
                                    "exchange",
                                    ReleaseLevel.parse("5.5 SP2"),
                                    FixLevel.Kind.SERVICE_PACK,
                                    q197378.id(),
                                    FixLevel.Source.STATUS))),
                    StatusFixParser.listings(q197378));
            assertEquals(List.of(), StatusFixParser.listings(parse(zip, zip.getEntry("txt/191/Q191594.TXT"))));

            int exchangeArticles = 0;
            int withLevel = 0;
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] head;
                try (InputStream in = zip.getInputStream(e)) {
                    head = in.readNBytes(64);
                }
                if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("[exchange]")) {
                    continue;
                }
                exchangeArticles++;
                Article a = parse(zip, e);
                if (StatusFixParser.listings(a).stream()
                        .anyMatch(l -> l.level().product().equals("exchange"))) {
                    withLevel++;
                }
            }
            System.out.printf("STATUS fix levels: %d of %d Exchange articles%n", withLevel, exchangeArticles);
            assertTrue(exchangeArticles > 6000, "the archive's Exchange articles: " + exchangeArticles);
            // The issue counted about 635; the three phrasings together find more than that, and far fewer
            // than every article with a STATUS section (which would mean confirmations were taken for fixes).
            assertTrue(withLevel >= 635 && withLevel < 1000, "Exchange articles with a STATUS level: " + withLevel);
        }
    }

    private static Article parse(ZipFile zip, ZipEntry e) throws IOException, ArticleParseException {
        try (InputStream in = zip.getInputStream(e)) {
            return ArticleParser.parse(e.getName(), in.readAllBytes());
        }
    }
}
