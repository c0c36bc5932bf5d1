package io.kbsh.shell.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kbsh.shell.store.ImportProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The import's progress line, on a clock the test sets: rate, elapsed time, time left and the stages after
 * parsing; and what an interrupted import says.
 */
class ImportBarTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final StringWriter screen = new StringWriter();
    private final ImportCommand.Bar bar = new ImportCommand.Bar(new PrintWriter(screen), now::get);

    private String lastLine() {
        String s = screen.toString();
        return s.substring(s.lastIndexOf('\r') + 1).stripTrailing();
    }

    @Test
    void theLineShowsRateElapsedTimeAndTimeLeft() {
        bar.update(0, 1000);
        assertEquals("[                              ] 0/1000  0/s  0:00  ETA --:--", lastLine());
        now.addAndGet(10 * SECOND);
        bar.update(250, 1000);
        assertEquals("[#######                       ] 250/1000  25/s  0:10  ETA 0:30", lastLine());
        now.addAndGet(30 * SECOND);
        bar.update(1000, 1000);
        assertEquals("[##############################] 1000/1000  25/s  0:40  ETA 0:00", lastLine());
    }

    @Test
    void afterParsingTheLineNamesTheStage() {
        bar.update(10, 10);
        now.addAndGet(75 * SECOND);
        bar.stage(ImportProgress.Stage.FIX_LISTS);
        assertEquals("[##############################] fix lists…  1:15", lastLine());
        bar.stage(ImportProgress.Stage.INDEXING);
        assertEquals("[##############################] indexing…  1:15", lastLine());
        now.addAndGet(3600 * SECOND);
        bar.stage(ImportProgress.Stage.SWAPPING);
        assertEquals("[##############################] swapping in the new index…  1:01:15", lastLine());
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path home;

    @Test
    void anInterruptedImportSaysSoWithoutRepeatingTheCommandName() throws Exception {
        io.kbsh.shell.testing.Articles archive =
                io.kbsh.shell.testing.Articles.in(home.resolve("archive")).writeLong(900100, "A long article", 10);
        try (io.kbsh.shell.store.LuceneArticleStore store =
                new io.kbsh.shell.store.LuceneArticleStore(home.resolve("index"), java.util.List::of)) {
            io.kbsh.shell.exec.ShellContext context = new io.kbsh.shell.exec.ShellContext(
                    new io.kbsh.shell.exec.StreamIo(
                            new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                            new java.io.PrintStream(errors, true),
                            java.nio.charset.StandardCharsets.UTF_8),
                    home,
                    home,
                    false);
            io.kbsh.shell.exec.CommandRegistry registry = io.kbsh.shell.exec.CommandRegistry.build(
                    java.util.List.of(new ImportCommand(() -> store)), io.kbsh.shell.plugin.PluginSet.empty());
            store.imported(); // the index is open before the Ctrl-C
            Thread.currentThread().interrupt(); // Ctrl-C as the import runs
            new io.kbsh.shell.exec.CommandExecutor(registry, context).execute("import " + archive.root());
        }
        // No import had finished in this home: the line says what was (not) touched, once prefixed.
        assertEquals(
                "import: interrupted: no article index was in use; nothing under " + home.resolve("index")
                        + " was deleted",
                errors.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
    }

    private final java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
}
