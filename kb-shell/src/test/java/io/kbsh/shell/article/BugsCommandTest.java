package io.kbsh.shell.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.shell.store.ImportProgress;
import io.kbsh.shell.store.LuceneArticleStore;
import io.kbsh.shell.testing.Articles;
import io.kbsh.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bugs} over fix lists written here: a pack past the last known one is an error, not "0 open". */
class BugsCommandTest {

    @TempDir
    Path home;

    @Test
    void aServicePackPastTheLastKnownOneIsAnErrorNamingIt() throws Exception {
        try (LuceneArticleStore store = new LuceneArticleStore(home.resolve("index"), List::of)) {
            store.importArchive(
                    Articles.in(home.resolve("archive")).writeExchangeFixLists().root(), ImportProgress.NONE);
            CommandException e = assertThrows(
                    CommandException.class,
                    () -> new BugsCommand(() -> store)
                            .run(new RecordingContext(home), List.of("exchange", "5.5", "SP9")));
            assertEquals(
                    "the archive's fix lists know no Exchange Server 5.5 SP9: the last known service pack of"
                            + " Exchange Server 5.5 is SP4",
                    e.getMessage());

            RecordingContext atThree = new RecordingContext(home);
            assertEquals(ExitStatus.OK, new BugsCommand(() -> store).run(atThree, List.of("exchange", "5.5", "SP3")));
            assertTrue(atThree.out.toString().startsWith(BugsCommand.COLUMNS), atThree.out.toString());
            assertTrue(atThree.out.toString().contains("Q900002   fixed in SP4"), atThree.out.toString());
            RecordingContext atFour = new RecordingContext(home);
            assertEquals(ExitStatus.OK, new BugsCommand(() -> store).run(atFour, List.of("exchange", "5.5", "SP4")));
            assertTrue(
                    atFour.out.toString().startsWith("0 known bugs open at Exchange Server 5.5 SP4"),
                    atFour.out.toString());
        }
    }
}
