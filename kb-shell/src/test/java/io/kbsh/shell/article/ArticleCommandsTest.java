package io.kbsh.shell.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.UsageException;
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

class ArticleCommandsTest {

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

    private static Path shared(String relative) {
        String s = System.getProperty("kbsh.shared");
        assumeTrue(s != null, "skipped: kbsh.shared is not set");
        Path p = Path.of(s).resolve(relative);
        assumeTrue(Files.exists(p), "skipped: " + p + " is absent");
        return p;
    }

    private Path archiveWith(String... ids) throws IOException {
        Path dir = home.resolve("archive");
        try (ZipFile zip = new ZipFile(shared("kbarchive/kbarchive-txt.zip").toFile())) {
            for (String q : ids) {
                int n = Integer.parseInt(q.substring(1));
                String name = String.format("txt/%03d/%s.TXT", n / 1000, q);
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }

    @Test
    void beforeImportShowAndSearchAnswerFromThePluginsAndSayHowToImport() throws CommandException {
        RecordingContext c = new RecordingContext(home);
        assertEquals(ExitStatus.OK, new ShowCommand(() -> store).run(c, List.of("Q187225")));
        assertTrue(c.out.toString().startsWith("Q187225: XCON: Clustered MTA"), c.out.toString());
        assertTrue(c.err.toString().contains("import PATH"), c.err.toString());
        RecordingContext s = new RecordingContext(home);
        new SearchCommand(() -> store).run(s, List.of("clustered"));
        assertTrue(s.out.toString().startsWith(SearchCommand.COLUMNS + "Q187225"), s.out.toString());
        assertTrue(s.err.toString().contains("not imported"));
        assertThrows(
                CommandException.class,
                () -> new ShowCommand(() -> store).run(new RecordingContext(home), List.of("Q999999")));
        assertThrows(
                UsageException.class,
                () -> new ShowCommand(() -> store).run(new RecordingContext(home), List.of("QX")));
    }

    @Test
    void importPrintsASummaryAndNoProgressBarInBatchMode() throws Exception {
        Path dir = archiveWith("Q242221", "Q242222", "Q187225", "Q166604", "Q174189");
        RecordingContext c = new RecordingContext(home);
        assertEquals(ExitStatus.OK, new ImportCommand(() -> store).run(c, List.of(dir.toString())));
        String out = c.out.toString();
        assertTrue(out.startsWith("imported 5 articles from "), out);
        assertTrue(out.contains("0 files rejected"), out);
        assertTrue(out.contains("exchange       3 lists"), out);
        assertFalse(out.contains("\r"), "no progress bar without a terminal");

        RecordingContext show = new RecordingContext(home);
        new ShowCommand(() -> store).run(show, List.of("q187225"));
        assertTrue(
                show.out.toString().contains("fixed in Exchange Server 5.5 SP1 (listed in Q242221)"),
                show.out.toString());
        assertTrue(show.out.toString().contains("cited by: Q242221"), show.out.toString());

        RecordingContext bugs = new RecordingContext(home);
        new BugsCommand(() -> store).run(bugs, List.of("exchange", "5.5", "SP1"));
        String listed = bugs.out.toString();
        assertTrue(listed.startsWith(BugsCommand.COLUMNS) && listed.contains("fixed in SP2"), listed);
        assertFalse(listed.contains("Q187225"), listed);
        assertTrue(
                listed.strip().endsWith("open at Exchange Server 5.5 SP1 (fixed by later 5.5 service packs)"), listed);
        assertThrows(
                UsageException.class,
                () -> new BugsCommand(() -> store).run(new RecordingContext(home), List.of("nosuch", "1.0")));

        RecordingContext related = new RecordingContext(home);
        new RelatedCommand(() -> store).run(related, List.of("Q166604"));
        assertTrue(related.out.toString().contains("cited by:\n  Q174189"), related.out.toString());
    }

    @Test
    void onATerminalImportDrawsAProgressBarAndShowPages() throws Exception {
        Path dir = archiveWith("Q174189", "Q166604");
        RecordingContext c = new RecordingContext(home).interactive(true);
        new ImportCommand(() -> store).run(c, List.of(dir.toString()));
        assertTrue(c.out.toString().contains("\r[##############################] 2/2"), c.out.toString());

        RecordingContext pager = new RecordingContext(home).interactive(true);
        new ShowCommand(() -> store).run(pager, List.of("Q174189"));
        assertEquals(1, pager.paged.size(), "the article goes through the pager in one piece");
        assertTrue(
                pager.paged.get(0).startsWith("Q174189: ") && pager.paged.get(0).contains("cited by: "),
                pager.paged.get(0));

        RecordingContext noPager = new RecordingContext(home).interactive(true);
        new ShowCommand(() -> store).run(noPager, List.of("--no-pager", "Q174189"));
        assertEquals(List.of(), noPager.paged);
        assertEquals(pager.output(), noPager.output(), "the same text either way");
    }

    @Test
    void hotfixListsAreShownAsHotfixesAndOpenNoPackLevel() throws Exception {
        Path dir = archiveWith("Q248838", "Q275714");
        new ImportCommand(() -> store).run(new RecordingContext(home), List.of(dir.toString()));
        RecordingContext show = new RecordingContext(home);
        new ShowCommand(() -> store).run(show, List.of("Q275714"));
        assertTrue(
                show.out.toString().contains("fixed in Exchange Server 5.5 hotfixes after SP3 (listed in Q248838)"),
                show.out.toString());
        RecordingContext bugs = new RecordingContext(home);
        new BugsCommand(() -> store).run(bugs, List.of("exchange", "5.5", "SP2"));
        assertTrue(bugs.out.toString().startsWith("0 known bugs open"), "a hotfix is not a service pack: " + bugs.out);
    }

    @Test
    void bugsRefusesAReleaseLineNoFixListNames() throws Exception {
        new ImportCommand(() -> store)
                .run(
                        new RecordingContext(home),
                        List.of(archiveWith("Q242221", "Q154481").toString()));
        CommandException e = assertThrows(
                CommandException.class,
                () -> new BugsCommand(() -> store).run(new RecordingContext(home), List.of("exchange", "5.6", "SP1")));
        assertEquals(
                "the archive's fix lists name no Exchange Server 5.6 service pack"
                        + " (release lines with fix lists: 5.0, 5.5)",
                e.getMessage());
        assertThrows(
                CommandException.class,
                () -> new BugsCommand(() -> store).run(new RecordingContext(home), List.of("proxy", "2.0")));
        RecordingContext known = new RecordingContext(home);
        new BugsCommand(() -> store).run(known, List.of("exchange", "5.5"));
        assertTrue(known.out.toString().contains("Q187225   fixed in SP1"), known.out.toString());
    }

    @Test
    void bugsRefusesAServicePackPastTheLastKnownOne() throws Exception {
        new ImportCommand(() -> store)
                .run(
                        new RecordingContext(home),
                        List.of(archiveWith("Q242221", "Q154481").toString()));
        int last = store.fixTable("exchange").values().stream()
                .flatMap(List::stream)
                .filter(f -> f.level().release().equals("5.5"))
                .mapToInt(f -> f.level().servicePack())
                .max()
                .orElseThrow();
        assertTrue(last > 0 && last < 9, "the fix lists name 5.5 packs below SP9: " + last);
        CommandException e = assertThrows(
                CommandException.class,
                () -> new BugsCommand(() -> store).run(new RecordingContext(home), List.of("exchange", "5.5", "SP9")));
        assertEquals(
                "the archive's fix lists know no Exchange Server 5.5 SP9: the last known service pack of"
                        + " Exchange Server 5.5 is SP" + last,
                e.getMessage());
        RecordingContext atLast = new RecordingContext(home);
        assertEquals(ExitStatus.OK, new BugsCommand(() -> store).run(atLast, List.of("exchange", "5.5", "SP" + last)));
        assertTrue(atLast.out.toString().contains("open at Exchange Server 5.5 SP" + last), atLast.out.toString());
    }

    @Test
    void searchReportsAnUnreadableQueryAsAUsageError() throws Exception {
        new ImportCommand(() -> store)
                .run(new RecordingContext(home), List.of(archiveWith("Q166604").toString()));
        UsageException e = assertThrows(
                UsageException.class,
                () -> new SearchCommand(() -> store).run(new RecordingContext(home), List.of("title:(oops")));
        // Field syntax that is not complete is a usage line naming the field, never a parser's trace.
        assertTrue(e.getMessage().startsWith("search field title: needs a value"), e.getMessage());
        RecordingContext limited = new RecordingContext(home);
        new SearchCommand(() -> store).run(limited, List.of("--limit", "1", "second MX record"));
        assertTrue(
                limited.out
                        .toString()
                        .startsWith(SearchCommand.COLUMNS + "Q166604   1999-04-24  XFOR: IMS Behind Firewall"),
                limited.out.toString());
    }
}
