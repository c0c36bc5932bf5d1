package io.kbsh.shell.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.FixLevels;
import io.kbsh.shell.article.parse.SharedData;
import io.kbsh.shell.store.ImportProgress;
import io.kbsh.shell.store.ImportReport;
import io.kbsh.shell.store.LuceneArticleStore;
import io.kbsh.testkit.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's three sources of fix levels, imported from real articles: Q146399 (the Exchange 4.0 SP1
 * README, a fix list naming Q136786) against Q136786's own STATUS section (4.0 SP2); Q197378, in no fix list
 * here, with its STATUS section and its keyword (both 5.5 SP2); Q191594 with only its keyword {@code exc55sp2fix}.
 */
class FixLevelSourcesTest {

    private static final ArticleId Q136786 = new ArticleId(136786);
    private static final ArticleId Q197378 = new ArticleId(197378);
    private static final ArticleId Q191594 = new ArticleId(191594);

    @TempDir
    Path home;

    LuceneArticleStore store;

    @BeforeEach
    void importArticles() throws Exception {
        Path dir = home.resolve("archive");
        try (ZipFile zip =
                new ZipFile(SharedData.require("kbarchive/kbarchive-txt.zip").toFile())) {
            for (String q : List.of("Q146399", "Q136786", "Q197378", "Q191594")) {
                String name = String.format("txt/%03d/%s.TXT", Integer.parseInt(q.substring(1)) / 1000, q);
                Path target =
                        Files.createDirectories(dir.resolve(name).getParent()).resolve(q + ".TXT");
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    Files.copy(in, target);
                }
            }
        }
        store = BriefStore.withQ187225(home);
        ImportReport report = store.importArchive(dir, ImportProgress.NONE);
        assertEquals(4, report.imported());
        assertTrue(
                report.bugsBySource().get(FixLevel.Source.STATUS) >= 2,
                report.bugsBySource().toString());
        assertEquals(
                2,
                report.bugsBySource().get(FixLevel.Source.KEYWORDS),
                "Q191594 and Q197378: " + report.bugsBySource());
    }

    @AfterEach
    void close() throws IOException {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void eachLevelKeepsItsSourceInTheStore() {
        assertEquals(
                List.of(
                        new FixLevel(
                                "exchange",
                                ReleaseLevel.parse("4.0 SP1"),
                                FixLevel.Kind.SERVICE_PACK,
                                new ArticleId(146399)),
                        new FixLevel(
                                "exchange",
                                ReleaseLevel.parse("4.0 SP2"),
                                FixLevel.Kind.SERVICE_PACK,
                                Q136786,
                                FixLevel.Source.STATUS)),
                store.fixedIn(Q136786).stream()
                        .filter(f -> f.product().equals("exchange"))
                        .toList());
        assertEquals(
                List.of(new FixLevel(
                        "exchange",
                        ReleaseLevel.parse("5.5 SP2"),
                        FixLevel.Kind.SERVICE_PACK,
                        Q191594,
                        FixLevel.Source.KEYWORDS)),
                store.fixedIn(Q191594));
    }

    @Test
    void aCheckGoesByTheFixListThenTheStatusSectionThenTheKeywords() {
        FixReference q136786 = FixLevels.resolve(Q136786, "Exchange Server", "exchange", List.of(), "", store)
                .referenceFor(ReleaseLevel.parse("4.0"));
        assertEquals(java.util.Optional.of(ReleaseLevel.parse("4.0 SP1")), q136786.level());
        assertEquals("listed in Q146399", q136786.note());
        FixReference q197378 = FixLevels.resolve(
                        Q197378,
                        "Exchange Server",
                        "exchange",
                        List.of(ReleaseLevel.parse("5.5 SP3")),
                        "the plugin's guess",
                        store)
                .referenceFor(ReleaseLevel.parse("5.5 SP1"));
        assertEquals(
                java.util.Optional.of(ReleaseLevel.parse("5.5 SP2")),
                q197378.level(),
                "the archive's STATUS section wins over the plugin");
        assertEquals(FixReference.Origin.ARTICLE_STORE, q197378.origin());
        assertEquals("the STATUS section of Q197378", q197378.note());
        assertEquals(
                "the keywords of Q191594",
                FixLevels.resolve(Q191594, "Exchange Server", "exchange", List.of(), "", store)
                        .referenceFor(ReleaseLevel.parse("5.5"))
                        .note());
        assertEquals(
                List.of(Q197378, Q191594).stream().sorted().toList(),
                store.bugsOpenAt("exchange", ReleaseLevel.parse("5.5 SP1")),
                "bugs knows the levels of all sources");
        assertEquals(List.of(), ArticleStore.empty().bugsOpenAt("exchange", ReleaseLevel.parse("5.5 SP1")));
    }

    @Test
    void showNamesEachSourceAndTheDisagreement() throws Exception {
        RecordingContext c = new RecordingContext(home);
        new ShowCommand(() -> store).run(c, List.of("--no-pager", "Q136786"));
        String out = c.out.toString();
        assertTrue(out.contains("fixed in Exchange Server 4.0 SP1 (listed in Q146399)\n"), out);
        assertTrue(out.contains("fixed in Exchange Server 4.0 SP2 (the STATUS section of Q136786)\n"), out);
        assertTrue(
                out.contains(
                        "fix levels disagree for Exchange Server 4.0: fix list: 4.0 SP1 (Q146399); STATUS section: 4.0 SP2;"
                                + " kbsh goes by the fix list\n"),
                out);

        RecordingContext j = new RecordingContext(home);
        new ShowCommand(() -> store).run(j, List.of("--json", "Q136786"));
        JsonNode doc = new ObjectMapper().readTree(j.out.toString());
        assertEquals("status", doc.at("/fixedIn/1/source").asText());
        assertEquals("4.0 SP2", doc.at("/fixConflicts/0/levels/status").asText());
        assertEquals("fix-list", doc.at("/fixConflicts/0/trusted").asText());

        RecordingContext quiet = new RecordingContext(home);
        new ShowCommand(() -> store).run(quiet, List.of("--no-pager", "Q197378"));
        assertTrue(!quiet.out.toString().contains("disagree"), quiet.out.toString());
    }

    @Test
    void fixlevelsListsTheConflictsAndCountsTheSources() throws Exception {
        RecordingContext c = new RecordingContext(home);
        new FixLevelsCommand(() -> store).run(c, List.of("conflicts"));
        List<String> lines = c.out.toString().lines().toList();
        assertEquals(2, lines.size(), c.out.toString());
        assertTrue(
                lines.get(0)
                        .matches(
                                "Q136786 +Exchange Server 4\\.0 +fix list: 4\\.0 SP1 \\(Q146399\\); STATUS section: 4\\.0 SP2 +XCON: .*"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("1 disagreement between"), lines.get(1));

        RecordingContext j = new RecordingContext(home);
        new FixLevelsCommand(() -> store).run(j, List.of("conflicts", "--product", "exchange", "--json"));
        JsonNode doc = new ObjectMapper().readTree(j.out.toString());
        assertEquals("Q136786", doc.at("/conflicts/0/id").asText());
        assertEquals("Q146399", doc.at("/conflicts/0/fixList").asText());
        assertEquals(1, doc.get("conflicts").size());

        RecordingContext s = new RecordingContext(home);
        new FixLevelsCommand(() -> store).run(s, List.of("sources", "--json"));
        JsonNode sources = new ObjectMapper().readTree(s.out.toString());
        JsonNode exchange = sources.get("products").get(0);
        assertEquals("exchange", exchange.get("product").asText());
        assertEquals(2, exchange.at("/bugs/keywords").asInt());
        assertEquals(1, sources.get("bugsWithConflicts").asInt());

        assertThrows(
                UsageException.class,
                () -> new FixLevelsCommand(() -> store).run(new RecordingContext(home), List.of("conflict")));
        assertThrows(
                UsageException.class,
                () -> new FixLevelsCommand(() -> store)
                        .run(new RecordingContext(home), List.of("sources", "--product", "nosuch")));
    }

    @Test
    void withoutAnImportFixlevelsSaysWhereTheLevelsComeFrom(@TempDir Path other) throws IOException {
        try (LuceneArticleStore empty = BriefStore.withQ187225(other)) {
            CommandException e = assertThrows(
                    CommandException.class,
                    () -> new FixLevelsCommand(() -> empty).run(new RecordingContext(other), List.of("sources")));
            assertEquals("the fix levels come from the archive: import it first", e.getMessage());
        }
    }
}
