package io.kbsh.shell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.Rendering;
import io.kbsh.model.article.SearchHit;
import io.kbsh.model.version.ReleaseLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneArticleStoreTest {

    static final ArticleId Q187225 = new ArticleId(187225);
    static final ArticleId Q166604 = new ArticleId(166604);
    static final ArticleBrief BRIEF = new ArticleBrief(
            Q187225,
            "XCON: Clustered MTA Generates Socket Errors w/X.400 Connections",
            List.of("Microsoft Exchange Server 5.5"),
            "A clustered MTA can fail on X.400 over TCP/IP; fixed in 5.5 SP1.");

    @TempDir
    Path home;

    private LuceneArticleStore store() {
        return new LuceneArticleStore(home.resolve("index"), () -> List.of(BRIEF));
    }

    @Test
    void beforeAnyImportThePluginsArticlesAreKnown() throws Exception {
        try (LuceneArticleStore store = store()) {
            assertFalse(store.imported());
            assertEquals(BRIEF.title(), store.find(Q187225).orElseThrow().title());
            assertEquals(Rendering.BRIEF, store.find(Q187225).orElseThrow().rendering());
            assertEquals(
                    List.of(Q187225),
                    store.search("clustered x.400", 10).stream()
                            .map(SearchHit::id)
                            .toList());
            assertEquals(List.of(), store.search("firewall", 10));
            assertTrue(store.find(Q166604).isEmpty());
        }
    }

    /** An archive of the synthetic article in {@code renderings} ("md", "TXT") and a second article beside it. */
    private Path archive(String name, String... renderings) throws Exception {
        Path root = Files.createDirectories(home.resolve(name));
        for (String r : renderings) {
            String text = r.equals("md")
                    ? io.kbsh.shell.article.parse.Synthetic.markdown()
                    : io.kbsh.shell.article.parse.Synthetic.TEXT;
            // The Markdown page sorts (and so is usually parsed) first: the text that replaces it comes later.
            Path file = root.resolve((r.equals("md") ? "a/" : "b/") + "Q900001." + r);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        }
        io.kbsh.shell.testing.Articles.in(root.resolve("c"))
                .write(900301, "XFOR: Gateway queue grows", "Microsoft Exchange", "5.5", "The gateway queue grows.\n");
        return root;
    }

    @Test
    void aReplacedRenderingLeavesNoTraceInTheRanking() throws Exception {
        List<SearchHit> withTheCopy;
        try (LuceneArticleStore store = store()) {
            store.importArchive(archive("twice", "md", "TXT"), ImportProgress.NONE);
            assertEquals(
                    Rendering.TEXT,
                    store.find(new ArticleId(900001)).orElseThrow().rendering());
            withTheCopy = store.search("gateway", 10);
        }
        try (LuceneArticleStore store = store()) {
            store.importArchive(archive("once", "TXT"), ImportProgress.NONE);
            assertEquals(store.search("gateway", 10), withTheCopy, "the scores of an archive that never had the copy");
        }
    }

    @Test
    void theGithubZipYieldsItsOneHundredFiftyArticlesRichestRenderingFirst() throws Exception {
        Path zip = Archive.require("kbarchive/kbarchive-sample-github.zip");
        try (LuceneArticleStore store = store()) {
            ImportReport report = store.importArchive(zip, ImportProgress.NONE);
            assertEquals(150, report.imported());
            assertEquals(142 + 150 + 150 - 150, report.merged(), "the other renderings merge into their article");
            assertEquals(List.of(), report.rejected());
            assertEquals(150, store.size());
            assertEquals(
                    Rendering.TEXT,
                    store.find(new ArticleId(165057)).orElseThrow().rendering());
            assertEquals(
                    "crossnet",
                    store.find(new ArticleId(165057)).orElseThrow().category().orElseThrow());
            assertEquals(
                    Rendering.MARKDOWN,
                    store.find(new ArticleId(31557)).orElseThrow().rendering(),
                    "a Programmer's Library article exists only as Markdown and HTML");

            List<SearchHit> hits = store.search("proxy product:exchange", 20);
            assertTrue(hits.stream().anyMatch(h -> h.id().equals(new ArticleId(165057))), hits.toString());
            assertTrue(hits.stream()
                    .allMatch(h -> store.find(h.id()).orElseThrow().productIds().contains("exchange")));
            assertEquals(
                    new ArticleId(166604),
                    store.search("\"second MX record\"", 5).get(0).id());
            assertTrue(store.search("type:bug tag:xfor", 50).stream()
                    .allMatch(h -> h.title().startsWith("XFOR:")));
            assertFalse(store.search("category:exchange", 200).isEmpty());
            List<SearchHit> byId = store.search("Q178532", 10);
            assertEquals(new ArticleId(178532), byId.get(0).id(), "an id finds its article first");
            assertThrows(IllegalArgumentException.class, () -> store.search("title:(unclosed", 5));
        }
    }

    @Test
    void theIndexSurvivesARestartAndASecondImportChangesNothing() throws Exception {
        Path zip = Archive.require("kbarchive/kbarchive-sample-github.zip");
        List<SearchHit> before;
        try (LuceneArticleStore store = store()) {
            store.importArchive(zip, ImportProgress.NONE);
            before = store.search("exchange server", 30);
        }
        // How fast it reopens is bench/article.sh's to measure, not a test's.
        try (LuceneArticleStore reopened = store()) {
            assertTrue(reopened.imported());
            assertEquals(before, reopened.search("exchange server", 30));
            reopened.importArchive(zip, ImportProgress.NONE);
            assertEquals(150, reopened.size());
            assertEquals(before, reopened.search("exchange server", 30));
        }
        try (Stream<Path> dirs = Files.list(home.resolve("index"))) {
            assertEquals(
                    2,
                    dirs.filter(p -> p.getFileName().toString().startsWith("gen-"))
                            .count(),
                    "the current generation and the previous one as backup");
        }
    }

    @Test
    void aSecondKbshOnTheSameHomeReadsOnly() throws Exception {
        Path zip = Archive.require("kbarchive/kbarchive-sample-github.zip");
        try (LuceneArticleStore first = store()) {
            first.importArchive(zip, ImportProgress.NONE);
            try (LuceneArticleStore second = store()) {
                assertTrue(second.readOnly());
                assertTrue(
                        second.notice().orElseThrow().contains("another kbsh"),
                        second.notice().toString());
                assertEquals(150, second.size(), "reading still works");
                IllegalStateException e =
                        assertThrows(IllegalStateException.class, () -> second.importArchive(zip, ImportProgress.NONE));
                assertTrue(e.getMessage().contains("read-only"));
            }
            assertFalse(first.readOnly());
        }
    }

    @Test
    void anInterruptedImportLeavesThePreviousIndexInUse() throws Exception {
        Path sample = Archive.require("kbarchive/kbarchive-sample-github.zip");
        Path full = Archive.require("kbarchive/kbarchive-txt.zip");
        try (LuceneArticleStore store = store()) {
            store.importArchive(sample, ImportProgress.NONE);
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread importer = new Thread(() -> {
                try {
                    store.importArchive(full, (done, total) -> {
                        if (done > 500) {
                            started.countDown();
                        }
                    });
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            importer.start();
            assertTrue(started.await(60, TimeUnit.SECONDS), "the import got going");
            importer.interrupt();
            importer.join(60_000);
            assertFalse(importer.isAlive());
            assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
            assertEquals(150, store.size());
            assertFalse(store.search("proxy", 5).isEmpty());
        }
        try (Stream<Path> dirs = Files.list(home.resolve("index"))) {
            assertTrue(dirs.noneMatch(p -> p.getFileName().toString().startsWith("build-")), "the aside build is gone");
        }
        try (LuceneArticleStore reopened = store()) {
            assertEquals(150, reopened.size());
        }
    }

    @Test
    void anIndexOfAnotherFormatIsDetectedAndRebuiltOnRequest() throws Exception {
        Path sample = Archive.require("kbarchive/kbarchive-sample-github.zip");
        Path index = Files.createDirectories(home.resolve("index"));
        try (IndexWriter w = new IndexWriter(FSDirectory.open(index.resolve("gen-1")), new IndexWriterConfig())) {
            w.setLiveCommitData(
                    Map.of("kbsh.format", "0", "kbsh.source", sample.toString()).entrySet());
            w.commit();
        }
        Files.writeString(index.resolve("CURRENT"), "gen-1\n", StandardCharsets.UTF_8);
        try (LuceneArticleStore store = store()) {
            assertFalse(store.imported());
            assertTrue(
                    store.notice().orElseThrow().contains("format 0"),
                    store.notice().toString());
            assertEquals(sample, store.recordedSource().orElseThrow());
            store.importArchive(store.recordedSource().orElseThrow(), ImportProgress.NONE);
            assertTrue(store.imported());
            assertEquals(Optional.empty(), store.notice());
        }
    }

    @Test
    void fixListsBecomeTheFixTable() throws Exception {
        Path dir = home.resolve("archive");
        Archive.extract(dir, "Q242221", "Q242222", "Q174189", "Q154481", "Q168735", "Q187225", "Q166604");
        try (LuceneArticleStore store = store()) {
            ImportReport report = store.importArchive(dir, ImportProgress.NONE);
            assertEquals(5, report.fixListsByProduct().get("exchange")[0]);
            assertEquals(
                    List.of(new FixLevel(
                            "exchange",
                            ReleaseLevel.parse("5.5 SP1"),
                            FixLevel.Kind.SERVICE_PACK,
                            new ArticleId(242221))),
                    store.fixedIn(Q187225));
            assertEquals(
                    List.of(ReleaseLevel.parse("4.0 SP5"), ReleaseLevel.parse("5.0 SP1")),
                    store.fixedIn(Q166604).stream().map(FixLevel::level).toList(),
                    "earliest pack per line");
            List<ArticleId> open = store.bugsOpenAt("exchange", ReleaseLevel.parse("5.5 SP1"));
            assertFalse(open.isEmpty());
            assertFalse(open.contains(Q187225), "fixed in SP1 itself");
            assertTrue(open.stream()
                    .allMatch(b -> store.fixedIn(b).stream()
                            .anyMatch(f -> f.level().release().equals("5.5")
                                    && f.level().servicePack() == 2)));
            assertEquals(List.of(), store.bugsOpenAt("exchange", ReleaseLevel.parse("5.5 SP2")));
            assertTrue(store.citedBy(Q166604).containsAll(List.of(new ArticleId(174189), new ArticleId(154481))));
        }
    }

    @Test
    void aBadFileIsRejectedWithItsReasonAndTheImportGoesOn() throws Exception {
        Path dir = home.resolve("archive");
        Archive.extract(dir, "Q187225");
        Files.writeString(dir.resolve("notes.txt"), "not an article at all\n");
        try (java.io.RandomAccessFile big =
                new java.io.RandomAccessFile(dir.resolve("huge.txt").toFile(), "rw")) {
            big.setLength((ArchiveImport.MAX_ARTICLE_BYTES + 1));
        }
        Files.write(
                dir.resolve("broken.TXT"),
                "DOCUMENT:Q1  01-JAN-1999\r\nTITLE   :x\r\n".getBytes(StandardCharsets.ISO_8859_1));
        try (LuceneArticleStore store = store()) {
            ImportReport report = store.importArchive(dir, ImportProgress.NONE);
            assertEquals(1, report.imported());
            assertEquals(3, report.rejected().size());
            assertTrue(
                    report.rejected().get(0).startsWith("broken.TXT:"),
                    report.rejected().toString());
            assertTrue(
                    report.rejected()
                            .get(1)
                            .startsWith("huge.txt: " + (ArchiveImport.MAX_ARTICLE_BYTES + 1) + " bytes, too large"),
                    report.rejected().toString());
            assertTrue(
                    report.rejected().get(2).startsWith("notes.txt:1: not a KB article"),
                    report.rejected().toString());
        }
    }

    @Test
    void aPastedTitleFindsItsArticleAndFieldNamesStillFilter() throws Exception {
        assertEquals(
                "XFOR\\: proxy \"Err Msg: x\" product:exchange tag:xfor",
                QueryReader.translate(
                        "XFOR: proxy \"Err Msg: x\" Product:exchange tag:xfor", new java.util.ArrayList<>()));
        try (LuceneArticleStore store = store()) {
            store.importArchive(Archive.require("kbarchive/kbarchive-sample-github.zip"), ImportProgress.NONE);
            assertEquals(
                    new ArticleId(183929),
                    store.search("XCLN: Err Msg: Not a full Exchange system", 5)
                            .get(0)
                            .id());
            assertEquals(
                    new ArticleId(178532),
                    store.search("XFOR: Configuring Exchange Internet Protocols", 5)
                            .get(0)
                            .id());
            List<SearchHit> filtered = store.search("proxy Product:exchange", 50);
            assertEquals(
                    store.search("proxy product:exchange", 50), filtered, "a field name in capitals still filters");
            assertFalse(filtered.isEmpty());
            assertTrue(filtered.size() < store.search("proxy", 50).size(), "the filter leaves some proxy articles out");
        }
    }

    @Test
    void anImportThatFindsNoArticleKeepsThePreviousIndex() throws Exception {
        Path dir = home.resolve("archive");
        Archive.extract(dir, "Q187225");
        Path empty = Files.createDirectories(home.resolve("empty"));
        Path junk = Files.createDirectories(home.resolve("junk"));
        Files.writeString(junk.resolve("notes.txt"), "not an article at all\n");
        try (LuceneArticleStore store = store()) {
            store.importArchive(dir, ImportProgress.NONE);
            IOException none = assertThrows(IOException.class, () -> store.importArchive(empty, ImportProgress.NONE));
            assertEquals("no KB article found (0 files read)", none.getMessage());
            IOException rejected =
                    assertThrows(IOException.class, () -> store.importArchive(junk, ImportProgress.NONE));
            assertTrue(
                    rejected.getMessage()
                            .startsWith("no KB article found (1 files rejected, e.g. notes.txt:1: not a KB article"),
                    rejected.getMessage());
            assertEquals(1, store.size());
            assertTrue(store.find(Q187225).isPresent());
        }
        try (Stream<Path> dirs = Files.list(home.resolve("index"))) {
            assertTrue(dirs.noneMatch(p -> p.getFileName().toString().startsWith("build-")), "the aside build is gone");
        }
    }

    @Test
    void withCurrentUnreadableAFailedImportKeepsEveryGenerationAndSaysSo() throws Exception {
        Path dir = home.resolve("archive");
        Archive.extract(dir, "Q187225");
        try (LuceneArticleStore store = store()) {
            store.importArchive(dir, ImportProgress.NONE);
        }
        Path index = home.resolve("index");
        List<Path> generations;
        try (Stream<Path> dirs = Files.list(index)) {
            generations = dirs.filter(p -> p.getFileName().toString().startsWith("gen-"))
                    .toList();
        }
        assertEquals(1, generations.size());
        // CURRENT cannot be read (here: it became a directory), so nothing proves the generation unused.
        Files.delete(index.resolve("CURRENT"));
        Files.createDirectory(index.resolve("CURRENT"));
        Path junk = Files.createDirectories(home.resolve("junk"));
        Files.writeString(junk.resolve("notes.txt"), "not an article at all\n");
        try (LuceneArticleStore store = store()) {
            assertFalse(store.imported());
            assertThrows(IOException.class, () -> store.importArchive(junk, ImportProgress.NONE));
        }
        assertTrue(Files.isDirectory(generations.get(0)), "the generation CURRENT named is kept");
        assertTrue(
                Files.exists(generations.get(0).resolve("segments_1"))
                        || Files.list(generations.get(0))
                                .anyMatch(p -> p.getFileName().toString().startsWith("segments")),
                "with its index");
    }

    @Test
    void idsCompleteFromTheIndexAndThePlugins() throws Exception {
        try (LuceneArticleStore store = store()) {
            assertEquals(List.of(Q187225), store.idsStartingWith("Q1872", 10));
            store.importArchive(Archive.require("kbarchive/kbarchive-sample-github.zip"), ImportProgress.NONE);
            List<ArticleId> ids = store.idsStartingWith("q16", 100);
            assertTrue(ids.containsAll(List.of(new ArticleId(165057), new ArticleId(166604))), ids.toString());
            assertTrue(ids.stream().allMatch(id -> id.toString().startsWith("Q16")));
        }
    }
}
