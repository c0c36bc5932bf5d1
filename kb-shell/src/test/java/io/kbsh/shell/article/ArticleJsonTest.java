package io.kbsh.shell.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code --json} of the article commands: one document each, with its schema name and version. */
class ArticleJsonTest {

    @TempDir
    Path home;

    LuceneArticleStore store;

    @BeforeEach
    void open() {
        store = BriefStore.withQ187225(home);
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    private static JsonNode json(RecordingContext c, String schema) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(c.out.toString());
        assertEquals("kbsh." + schema, doc.get("schema").asText(), c.out.toString());
        assertEquals(1, doc.get("schemaVersion").asInt());
        assertTrue(c.out.toString().startsWith("{\n  \"schema\" : "), "one formatting: " + c.out);
        return doc;
    }

    @Test
    void searchShowAndRelatedPrintOneJsonDocumentEach() throws Exception {
        RecordingContext s = new RecordingContext(home);
        new SearchCommand(() -> store).run(s, List.of("clustered", "--json"));
        JsonNode search = json(s, "search");
        assertEquals("Q187225", search.get("results").get(0).get("id").asText());
        assertTrue(search.get("results").get(0).get("title").asText().startsWith("XCON: Clustered MTA"));

        RecordingContext show = new RecordingContext(home);
        new ShowCommand(() -> store).run(show, List.of("--json", "Q187225"));
        JsonNode article = json(show, "article");
        assertEquals("Q187225", article.get("id").asText());
        assertTrue(article.get("sections").isArray() && article.get("cites").isArray());

        RecordingContext related = new RecordingContext(home);
        new RelatedCommand(() -> store).run(related, List.of("Q187225", "--json"));
        JsonNode r = json(related, "related");
        assertEquals("Q187225", r.get("article").asText());
        assertTrue(r.get("cites").isArray()
                && r.get("citedBy").isArray()
                && r.get("similar").isArray());
    }

    @Test
    void bugsAsJsonNamesEachOpenBugAndTheLevel() throws Exception {
        String shared = System.getProperty("kbsh.shared");
        assumeTrue(shared != null, "skipped: kbsh.shared is not set");
        Path zipFile = Path.of(shared).resolve("kbarchive/kbarchive-txt.zip");
        assumeTrue(Files.exists(zipFile), "skipped: " + zipFile + " is absent");
        Path dir = home.resolve("archive");
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (String q : List.of("Q242221", "Q187225")) {
                int n = Integer.parseInt(q.substring(1));
                String name = String.format("txt/%03d/%s.TXT", n / 1000, q);
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    Files.copy(in, target);
                }
            }
        }
        new ImportCommand(() -> store).run(new RecordingContext(home), List.of(dir.toString()));
        RecordingContext bugs = new RecordingContext(home);
        new BugsCommand(() -> store).run(bugs, List.of("exchange", "5.5", "--json"));
        JsonNode doc = json(bugs, "bugs");
        assertEquals("exchange", doc.get("product").asText());
        boolean listed = false;
        for (JsonNode b : doc.get("open")) {
            listed |= b.get("id").asText().equals("Q187225")
                    && b.get("fixedIn").asText().equals("5.5 SP1");
        }
        assertTrue(listed, doc.toString());
    }
}
