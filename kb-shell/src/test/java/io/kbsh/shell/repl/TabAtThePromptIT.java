package io.kbsh.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.shell.testing.Articles;
import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.shell.testing.PseudoTerminal;
import io.kbsh.shell.testing.Tmux;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tab and the inline hints in the packaged kbsh (its bundled plugins' writers and probes loaded), in a
 * real terminal emulator (tmux; the hints are drawn over the line, so only the screen tells what it shows): values for {@code --param}, products, release levels and
 * service packs, search fields, only the options of the probe kind typed, existing waivers for
 * {@code waive remove}, what a command expects next, and history suggestions.
 */
class TabAtThePromptIT {

    /** Ctrl-U: the line typed so far is dropped, so that the next case starts on an empty line. */
    private static final String KILL_LINE = "C-u";

    @TempDir
    Path dir;

    private Tmux kbsh() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        assertTrue(PseudoTerminal.packaged(), "Failsafe names the distribution (kbsh.distribution)");
        Tmux t = Tmux.start(
                160,
                40,
                dir,
                PseudoTerminal.kbshCommand("--home", dir.resolve("home").toString()));
        t.awaitPrompt(Repl.PROMPT);
        return t;
    }

    /** Types {@code keys} (a tab character is Tab) and waits until the screen shows {@code expected}. */
    private static List<String> expect(Tmux t, String keys, String expected) throws Exception {
        t.type(keys);
        return t.awaitText(expected);
    }

    /** Drops the line and leaves kbsh. */
    private static void leave(Tmux t) throws Exception {
        t.press(KILL_LINE);
        t.awaitPrompt(Repl.PROMPT);
        t.type("exit").press("Enter");
        assertEquals(0, t.exitStatus());
    }

    @Test
    void paramValuesAreTheParametersOfTheWriterOrProbeTyped() throws Exception {
        try (Tmux t = kbsh()) {
            // Q178532's writer: its parameters, then the choices of one once NAME= is typed.
            expect(t, "ini plan Q178532 --param prot\t", "--param protocols=");
            expect(t, "\t\t", "pop3s");
            t.press(KILL_LINE);
            expect(t, "ini plan wspcfg-bind --param \t\t", "proxy-address=");
            t.press(KILL_LINE);
            // The SMTP relay test's parameters, and the SMTP probe's name for EHLO.
            expect(t, "probe smtp-relay 127.0.0.1 --param t\t", "--param to=");
            t.press(KILL_LINE);
            expect(t, "probe smtp-relay 127.0.0.1 --param \t\t", "from=");
            t.press(KILL_LINE);
            expect(t, "probe smtp 127.0.0.1 --param h\t", "--param helo=");
            leave(t);
        }
    }

    @Test
    void optionsAreThoseOfTheProbeKindTyped() throws Exception {
        try (Tmux t = kbsh()) {
            List<String> smtp = expect(t, "probe smtp host --\t", "--starttls");
            assertFalse(String.join("\n", smtp).contains("--tsel"), "rfc1006's option is not smtp's: " + smtp);
            t.press(KILL_LINE);
            t.await("an empty line", s -> s.stream().noneMatch(l -> l.contains("--starttls")));
            List<String> rfc1006 = expect(t, "probe rfc1006 host --\t", "--calling-tsel");
            assertFalse(
                    String.join("\n", rfc1006).contains("--starttls"), "smtp's option is not rfc1006's: " + rfc1006);
            assertFalse(String.join("\n", smtp).contains("--transfer"), "soa's option is not smtp's: " + smtp);
            t.press(KILL_LINE);
            expect(t, "probe soa site.test 192.0.2.53 --tr\t", "--transfer");
            leave(t);
        }
    }

    @Test
    void productsReleaseLevelsServicePacksAndSearchFields() throws Exception {
        Articles archive = Articles.in(dir.resolve("archive")).writeExchangeFixLists();
        PackagedKbsh.Run imported = new PackagedKbsh(dir).run("import " + archive.root(), 120);
        assertEquals(0, imported.status(), imported.err());
        try (Tmux t = kbsh()) {
            expect(t, "bugs exchange-c\t", "bugs exchange-client ");
            t.press(KILL_LINE);
            // The release lines the fix lists know, then that line's service packs.
            t.type("bugs exchange \t");
            t.await("a release line", s -> cursorRow(t).startsWith("kbsh> bugs exchange 5."));
            t.press(KILL_LINE);
            expect(t, "bugs exchange 5.5 SP\t\t", "SP4");
            t.press(KILL_LINE);
            // A field name first; its values once the field is typed.
            expect(t, "search prod\t", "search product:");
            expect(t, "exchange-c\t", "search product:exchange-client ");
            leave(t);
        }
    }

    @Test
    void rulesExplainOffersTheObjectsOfTheRulesKind() throws Exception {
        try (Tmux t = kbsh()) {
            // The shell opens on the example site (NWMAIL1, PLANTMAIL; connectors ims-hq, x400-hq-plant).
            // Q181420 is evaluated for servers: both, and no connector; Q159182 for connectors.
            List<String> servers = expect(t, "rules explain Q181420 \t", "server:PLANTMAIL");
            assertTrue(String.join("\n", servers).contains("server:NWMAIL1"), String.join("\n", servers));
            assertFalse(String.join("\n", servers).contains("connector:"), String.join("\n", servers));
            t.press(KILL_LINE);
            t.await("an empty line", s -> s.stream().noneMatch(l -> l.contains("server:PLANTMAIL")));
            expect(t, "rules explain Q159182 \t", "connector:x400-hq-plant");
            leave(t);
        }
    }

    @Test
    void helpShowsARepeatableOptionsValueWithoutTheUsageLinesEllipsis() throws Exception {
        try (Tmux t = kbsh()) {
            t.type("troubleshoot --help").press("Enter");
            List<String> screen = t.awaitText("--param NAME=VALUE ");
            String options = String.join("\n", screen.subList(indexOf(screen, "Options:"), screen.size()));
            assertTrue(options.contains("--answer STEP=yes|no "), options);
            assertFalse(options.contains("]..."), options);
            t.awaitPrompt(Repl.PROMPT);
            leave(t);
        }
    }

    private static int indexOf(List<String> screen, String line) {
        for (int i = 0; i < screen.size(); i++) {
            if (screen.get(i).startsWith(line)) {
                return i;
            }
        }
        throw new AssertionError(line + " not on the screen:\n" + String.join("\n", screen));
    }

    @Test
    void waiveRemoveOffersTheWaiversThatExist() throws Exception {
        PackagedKbsh.Run added = new PackagedKbsh(dir)
                .run("waive add Q187225 server:NWMAIL1 --until 2099-01-01 --reason 'SP1 is scheduled'", 60);
        assertEquals(0, added.status(), added.err());
        try (Tmux t = kbsh()) {
            // Q187225 is the only waived article: Tab completes it at once, then its one object.
            expect(t, "waive remove Q\t", "waive remove Q187225 ");
            expect(t, "\t", "waive remove Q187225 server:NWMAIL1 ");
            leave(t);
        }
    }

    @Test
    void theLoadedChecksAndTheSitesObjectsReachCompletion() throws Exception {
        try (Tmux t = kbsh()) {
            // No archive is imported: only a loaded check knows Q254909; the example site holds PLANTMAIL.
            expect(t, "check Q2549\t", "check Q254909 ");
            t.press(KILL_LINE);
            expect(t, "fix plan Q254909 --object server:PL\t", "fix plan Q254909 --object server:PLANTMAIL ");
            leave(t);
        }
    }

    @Test
    void theNextArgumentIsHintedAndHistoryIsSuggested() throws Exception {
        try (Tmux t = kbsh()) {
            t.type("fix plan ");
            t.await(
                    "the hint",
                    s -> cursorRow(t).equals("kbsh> fix plan [ARTICLE...] [--object KIND:ID] [--file FILE]"));
            t.press(KILL_LINE);
            t.type("bugs ");
            t.await("the hint", s -> cursorRow(t).equals("kbsh> bugs PRODUCT VERSION [SPn] [--json]"));
            t.press(KILL_LINE);
            t.type("version").press("Enter");
            t.awaitText("(API");
            t.awaitPrompt(Repl.PROMPT);
            // The rest of the history line is drawn after what is typed; Right arrow takes it.
            t.type("vers");
            t.await("the suggestion", s -> cursorRow(t).equals("kbsh> version"));
            t.press("Right");
            t.type(" --help");
            t.await("the suggestion taken", s -> cursorRow(t).equals("kbsh> version --help"));
            t.press("C-u");
            t.type("vers");
            t.await("the suggestion again", s -> cursorRow(t).startsWith("kbsh> version"));
            // End of line takes it too (Ctrl-E: tmux's End key sequence is not one JLine binds for every TERM).
            t.press("C-e", "Enter");
            t.await(
                    "a second version",
                    s -> s.stream().filter(l -> l.contains("(API")).count() == 2);
            leave(t);
        }
    }

    private static String cursorRow(Tmux t) {
        try {
            return t.cursorRow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
