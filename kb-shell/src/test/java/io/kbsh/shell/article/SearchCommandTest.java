package io.kbsh.shell.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.store.ImportProgress;
import io.kbsh.shell.store.LuceneArticleStore;
import io.kbsh.shell.testing.Articles;
import io.kbsh.testkit.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search} over a real Lucene index of small articles written here: text, fields, totals, pages, caps. */
class SearchCommandTest {

    @TempDir
    Path home;

    LuceneArticleStore store;

    @BeforeEach
    void importArticles() throws Exception {
        Articles a = Articles.in(home.resolve("archive"))
                .write(
                        900001,
                        "XCON: Socket errors on the X.400 connector",
                        "Microsoft Exchange",
                        "5.5",
                        "SYMPTOMS\n========\n\nThe MTA reports socket errors on an X.400 connector over TCP/IP.\n")
                .write(
                        900002,
                        "XFOR: Relay host refuses mail",
                        "Microsoft Exchange",
                        "5.5",
                        "SYMPTOMS\n========\n\nThe Internet Mail Service cannot connect to the relay host.\n")
                .write(
                        900003,
                        "Proxy Server drops connections",
                        "Microsoft Proxy Server",
                        "2.0",
                        "SYMPTOMS\n========\n\nThe proxy drops TCP connections under load.\n");
        for (int i = 0; i < 25; i++) {
            a.write(
                    910000 + i,
                    "Queue article " + i,
                    "Microsoft Exchange",
                    "5.5",
                    "SYMPTOMS\n========\n\nMessages wait in the outbound queue.\n");
        }
        store = new LuceneArticleStore(home.resolve("index"), List::of);
        store.importArchive(a.root(), ImportProgress.NONE);
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    private String search(String... words) throws CommandException {
        RecordingContext c = new RecordingContext(home);
        new SearchCommand(() -> store).run(c, List.of(words));
        String out = c.out.toString();
        // Results come under their column names; the assertions below read the rows.
        boolean found = out.matches("(?s)Q\\d+ .*|.*\nQ\\d+ .*");
        assertEquals(found, out.startsWith(SearchCommand.COLUMNS), out);
        return found ? out.substring(SearchCommand.COLUMNS.length()) : out;
    }

    private String refusal(String... words) {
        return assertThrows(UsageException.class, () -> search(words)).getMessage();
    }

    @Test
    void anyTextIsTextSlashesAndDotsIncluded() throws Exception {
        assertTrue(
                search("X.400", "connector", "TCP/IP").startsWith("Q900001 "), search("X.400", "connector", "TCP/IP"));
        // The shell's splitter takes the quotes off "TCP/IP": the word alone must still be text.
        assertTrue(search("TCP/IP").startsWith("Q900001 "));
        assertTrue(search("C:\\Exchsrvr\\Bin").startsWith("no articles match"));
        assertTrue(search("XFOR:", "relay").startsWith("Q900002 "), "a pasted title prefix is text");
        assertTrue(search("socket)", "(errors").startsWith("Q900001 "), "stray parentheses are text");
    }

    @Test
    void orNotAndPrefixesWorkAsHelpSays() throws Exception {
        String either = search("relay", "OR", "proxy");
        assertTrue(either.contains("Q900002 ") && either.contains("Q900003 "), either);
        assertTrue(either.strip().endsWith("2 articles"), either);
        String without = search("connections", "-proxy");
        assertTrue(without.startsWith("no articles match"), without);
        String prefix = search("connect*");
        assertTrue(prefix.contains("Q900001 ") && prefix.contains("Q900002 ") && prefix.contains("Q900003 "), prefix);
        String grouped = search("(relay", "OR", "proxy)", "product:exchange");
        assertTrue(grouped.contains("Q900002 ") && !grouped.contains("Q900003 "), grouped);
    }

    @Test
    void resultsShowTheTotalAndHowToSeeMore() throws Exception {
        String first = search("queue");
        assertEquals(21, first.lines().count(), first);
        assertEquals(
                "1-20 of 25 articles; more: search --page 2 queue",
                first.lines().toList().get(20));
        String second = search("--page", "2", "queue");
        assertEquals(6, second.lines().count(), second);
        assertEquals("21-25 of 25 articles", second.lines().toList().get(5));
        String bigger = search("--limit", "30", "queue");
        assertEquals("25 articles", bigger.lines().toList().get(25));
        assertTrue(search("--page", "9", "queue").startsWith("page 9 is past the last: 25 articles match"));
        assertTrue(
                search("--limit", "5", "queue").contains("1-5 of 25 articles; more: search --page 2 --limit 5 queue"));
    }

    @Test
    void aMistypedFieldOrProductIsAnErrorThatSuggests() {
        assertEquals(
                "unknown search field 'prodcut:' (did you mean product:?); the fields are product, category, type,"
                        + " tag, title, text, id, cites",
                refusal("prodcut:exchange", "relay"));
        String product = refusal("product:exchang");
        assertTrue(
                product.startsWith("no article has product:exchang (did you mean product:exchange?); product values"
                        + " in the index: "),
                product);
        assertTrue(product.contains("proxy"), product);
        assertEquals("search field product: needs a value, e.g. product:exchange", refusal("relay", "product:"));
    }

    @Test
    void queryDepthAndLengthAreCappedWithOneLine() throws Exception {
        String deep = refusal("(".repeat(3000) + "x" + ")".repeat(3000));
        assertEquals("the query is 6001 characters long; search reads at most 1000", deep);
        String nested = refusal("(".repeat(400) + "x" + ")".repeat(400));
        assertEquals("the query nests parentheses more than 16 deep", nested);
        assertTrue(refusal("w ".repeat(150).strip().split(" ")).startsWith("the query has more than 100 words"));
        assertFalse(deep.contains("\n") || nested.contains("\n"));
        assertTrue(search("(".repeat(16) + "relay" + ")".repeat(16)).startsWith("Q900002 "), "16 levels are read");
    }

    @Test
    void theSharedArchiveFindsTcpIpArticles() throws Exception {
        String shared = System.getProperty("kbsh.shared");
        assumeTrue(shared != null, "skipped: kbsh.shared is not set");
        Path zip = Path.of(shared, "kbarchive", "kbarchive-sample-github.zip");
        assumeTrue(Files.exists(zip), "skipped: " + zip + " is absent");
        store.importArchive(zip, ImportProgress.NONE);
        String found = search("X.400", "connector", "TCP/IP");
        assertFalse(found.startsWith("no articles match"), found);
        assertTrue(
                found.lines()
                        .allMatch(l -> l.matches("Q\\d+ .*") || l.matches("\\d+ articles?|1-\\d+ of \\d+ articles.*")),
                found);
        assertTrue(search("\"TCP/IP\"").lines().count() > 1);
    }
}
