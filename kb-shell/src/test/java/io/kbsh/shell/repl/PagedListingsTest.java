package io.kbsh.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.shell.Kbsh;
import io.kbsh.shell.testing.Articles;
import io.kbsh.shell.testing.PseudoTerminal;
import io.kbsh.shell.testing.Tmux;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listing taller than the screen, in a real terminal emulator (tmux): it is paged, and its header stays
 * on the top row of every screen while the rows beneath it scroll — what only the screen, not the byte
 * stream, shows.
 */
class PagedListingsTest {

    private static final String STATUS = "lines ";

    @TempDir
    Path dir;

    @BeforeEach
    void archive() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Articles archive = Articles.in(dir.resolve("archive"));
        for (int i = 0; i < 60; i++) {
            archive.write(
                    920000 + i,
                    "XCON: Queue article number " + i,
                    "Microsoft Exchange",
                    "5.5",
                    "SYMPTOMS\n========\n\nMessages wait in the outbound queue.\n");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Kbsh.run(new Kbsh.Launch(
                new String[] {"--home", dir.resolve("home").toString(), "-c", "import " + archive.root()},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                false,
                Optional.empty(),
                dir));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    }

    private Tmux kbsh(int columns, int rows) throws Exception {
        Tmux t = Tmux.start(
                columns,
                rows,
                dir,
                PseudoTerminal.kbshCommand("--home", dir.resolve("home").toString()));
        t.awaitPrompt(Repl.PROMPT);
        return t;
    }

    /** Ends kbsh as a person does, so that it has written its history before the test's directory goes. */
    private static void leave(Tmux t) throws Exception {
        t.awaitPrompt(Repl.PROMPT);
        t.type("exit").press("Enter");
        assertEquals(0, t.exitStatus());
    }

    private static String statusLine(List<String> screen) {
        return screen.get(screen.size() - 1);
    }

    @Test
    void theColumnNamesStayOnTopWhileTheResultsScroll() throws Exception {
        try (Tmux t = kbsh(80, 12)) {
            t.type("search queue --limit 50").press("Enter");
            List<String> first = t.await("the pager", s -> statusLine(s).contains(STATUS));
            assertTrue(first.get(0).startsWith("ARTICLE   DATE        TITLE"), String.join("\n", first));
            assertTrue(statusLine(first).contains("lines 1-10 of 51"), statusLine(first));

            t.press("Space");
            List<String> second = t.await("the next screen", s -> statusLine(s).contains("lines 11-20"));
            assertEquals(first.get(0), second.get(0), "the header is still the top row");
            assertNotEquals(first.get(1), second.get(1), "the rows beneath it moved on");
            assertTrue(second.get(1).matches("Q92\\d{4} .*"), second.get(1));

            t.press("G");
            List<String> end = t.await("the end", s -> statusLine(s).contains("(END)"));
            assertEquals(first.get(0), end.get(0));
            assertTrue(
                    end.stream().anyMatch(l -> l.startsWith("1-50 of 60 articles; more: search --page 2")),
                    String.join("\n", end));

            // A search from the start finds a row of the second screen and brings it up under the header.
            String wanted = second.get(4).substring(second.get(4).indexOf("XCON:"));
            t.press("g");
            t.await("the first screen", s -> statusLine(s).contains("lines 1-10"));
            t.type("/" + wanted.toLowerCase(java.util.Locale.ROOT)).press("Enter");
            List<String> found = t.await("the match", s -> s.get(1).contains(wanted));
            assertEquals(first.get(0), found.get(0));
            t.type("/no such words").press("Enter");
            t.await("the miss", s -> statusLine(s).contains("not found: no such words"));

            t.type("q");
            t.awaitPrompt(Repl.PROMPT);
            t.type("version").press("Enter");
            t.awaitText("(API");
            leave(t);
        }
    }

    @Test
    void ctrlCLeavesTheListingPagerAndTheShellGoesOn() throws Exception {
        try (Tmux t = kbsh(80, 12)) {
            t.type("search queue --limit 50").press("Enter");
            t.await("the pager", s -> statusLine(s).contains(STATUS));
            t.press("C-c");
            t.awaitPrompt(Repl.PROMPT);
            t.type("exit 3").press("Enter");
            assertEquals(3, t.exitStatus());
            String all = String.join("\n", t.transcript());
            assertFalse(all.contains("Exception") || all.contains("interrupted"), all);
        }
    }

    @Test
    void aResizedWindowIsLaidOutAgainWithTheHeaderOnTop() throws Exception {
        try (Tmux t = kbsh(100, 12)) {
            t.type("search queue --limit 50").press("Enter");
            t.await("the pager", s -> statusLine(s).contains("lines 1-10 of 51"));
            t.resize(60, 20);
            List<String> resized = t.await(
                    "the taller window", s -> s.size() == 20 && statusLine(s).contains("lines 1-18"));
            assertTrue(resized.get(0).startsWith("ARTICLE   DATE        TITLE"), String.join("\n", resized));
            resized.forEach(l -> assertTrue(l.length() <= 60, "wider than the window: " + l));
            t.type("q");
            t.awaitPrompt(Repl.PROMPT);
            leave(t);
        }
    }

    @Test
    void aListingThatFitsIsPrintedWithItsHeaderAndNoPager() throws Exception {
        try (Tmux t = kbsh(80, 40)) {
            t.type("search queue --limit 5").press("Enter");
            List<String> screen = t.awaitText("1-5 of 60 articles");
            t.awaitPrompt(Repl.PROMPT);
            assertTrue(
                    screen.stream().anyMatch(l -> l.startsWith("ARTICLE   DATE        TITLE")),
                    String.join("\n", screen));
            assertFalse(screen.stream().anyMatch(l -> l.contains(STATUS)), "no pager for what fits");
            leave(t);
        }
    }
}
