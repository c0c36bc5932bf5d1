package io.kbsh.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.shell.testing.Articles;
import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.shell.testing.PseudoTerminal;
import io.kbsh.shell.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's journey at the kbsh prompt, as a new user takes it, in a real terminal emulator (tmux) at
 * 80×24 and at 200×50, with the packaged kbsh and a fresh home: every command of the README's shell
 * sections that stays on this machine (no probe leaves loopback), each question answered, each pager
 * left with q. Afterwards the whole session's screen, scrolled-off history included, must hold no stack
 * trace and no line the terminal had to wrap (a line wider than the window, or a word broken across rows).
 *
 * <p>{@code bench/journey.sh} runs this test alone, at both sizes.
 */
class ReadmeJourneyIT {

    /** What a question of kbsh's ends with; the journey answers yes. */
    private static final String QUESTION = "[y/N]";

    private static final Pattern JSON_LINE = Pattern.compile("\\s*(\"[^\"]*\" : .*|[\\[\\]{}],?)");
    private static final Pattern TRACE =
            Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");

    @TempDir
    Path dir;

    /** The journey: the README's commands, in its order. */
    private List<String> journey(Path examples, Path archive) {
        return List.of(
                "help",
                "plugins",
                "exchange-ports",
                "which exchange-ports",
                "check",
                "env load " + dir.relativize(examples.resolve("site-q254909-q187225.json")),
                "check",
                "fix plan Q254909",
                "fix plan Q187225",
                "fix apply Q254909",
                "check --json --fail-on error",
                "check --html report.html",
                "env graph --output site.svg",
                "ini show " + dir.relativize(examples.resolve("collected/NWMAIL1/Mspclnt.ini")),
                "ini get " + dir.relativize(examples.resolve("collected/NWMAIL1/Mspclnt.ini")) + " inetinfo Disable",
                "ini writers",
                "ini plan Q178532 --file Wspcfg.ini --param protocols=pop3,imap4s --param proxy-address=192.0.2.10",
                "ini apply Q178532 --file Wspcfg.ini --param protocols=pop3 --yes",
                "ini undo Wspcfg.ini",
                "ini undo Wspcfg.ini",
                "probe tcp 127.0.0.1 1",
                "import " + dir.relativize(archive),
                "search \"second MX record\" product:exchange",
                "search queue",
                "show Q166604",
                "related Q178532",
                "bugs exchange 5.5 SP1",
                "bugs exchange 5.5 SP9",
                "waive add Q187225 server:NWMAIL1 --until 2099-01-01 --reason 'SP1 is scheduled for the next window'",
                "waive list",
                "waive remove Q187225 server:NWMAIL1",
                "help check",
                "ini apply --help",
                "version");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "200, 50"})
    void theJourneyRunsClean(int columns, int rows) throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        assertTrue(PseudoTerminal.packaged(), "Failsafe names the distribution (kbsh.distribution)");
        Path examples = new PackagedKbsh(dir).examples();
        Path archive = archive();
        Files.writeString(dir.resolve("Wspcfg.ini"), "[Common]\r\nLocalBindTcpPorts=\r\n");
        List<String> problems = new ArrayList<>();
        try (Tmux t = Tmux.start(
                columns,
                rows,
                dir,
                PseudoTerminal.kbshCommand("--home", dir.resolve("home").toString()))) {
            t.awaitPrompt(Repl.PROMPT);
            for (String command : journey(examples, archive)) {
                t.type(command);
                // Enter only once the line editor shows what was typed: until then the cursor's row is still
                // the bare prompt, and answer() would take it for the next prompt and type ahead into the
                // output of this command (the terminal echoes type-ahead where the output is).
                t.await("'" + command + "' at the prompt", s -> {
                    try {
                        return !t.cursorRow().equals(Repl.PROMPT.stripTrailing());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                t.press("Enter");
                answer(t, command);
            }
            t.type("exit").press("Enter");
            assertEquals(0, t.exitStatus(), String.join("\n", t.screen()));
            List<String> transcript = t.transcript();
            String all = String.join("\n", transcript);
            if (TRACE.matcher(all).find()) {
                problems.add("a stack trace reached the screen");
            }
            for (String line : transcript) {
                // A typed command wraps as the person types it; what kbsh prints must fit.
                // JSON (check --json) is printed verbatim by design: wrapped, a copied document would not parse.
                if (line.length() > columns
                        && !line.startsWith(Repl.PROMPT)
                        && !JSON_LINE.matcher(line).matches()) {
                    problems.add("wider than " + columns + " columns (" + line.length() + "): " + line);
                }
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n--- the session:\n" + all);
            for (String command : List.of("plugins", "fix apply Q254909", "search queue", "bugs exchange 5.5 SP1")) {
                assertTrue(
                        all.contains("kbsh> " + command.substring(0, Math.min(command.length(), columns - 7))),
                        command + " was typed");
            }
        }
    }

    /** Waits until kbsh prompts again, answering its questions and leaving its pagers on the way. */
    private static void answer(Tmux t, String command) throws Exception {
        while (true) {
            List<String> screen = t.await("the prompt, a question or a pager after '" + command + "'", s -> {
                try {
                    return t.alternateScreen()
                            || t.cursorRow().endsWith(QUESTION)
                            || t.cursorRow().equals("kbsh>");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (t.alternateScreen()) {
                t.type("q");
                t.await("the pager to close", s -> {
                    try {
                        return !t.alternateScreen();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } else if (t.cursorRow().endsWith(QUESTION)) {
                t.type("y").press("Enter");
                // The answer is on the question's row now; wait for what comes next.
                t.await("the answer taken", s -> {
                    try {
                        return !t.cursorRow().endsWith(QUESTION);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } else {
                assertTrue(screen.size() > 0);
                return;
            }
        }
    }

    /** A small archive of the test's own: the fix lists, the README's MX article and enough to page. */
    private Path archive() throws Exception {
        Articles a = Articles.in(dir.resolve("archive")).writeExchangeFixLists();
        a.write(
                166604,
                "XFOR: IMS Behind Firewall Fails to Deliver Mail to Second MX Record",
                "Microsoft Exchange",
                "5.5",
                "SYMPTOMS\n========\n\nMail waits for the first MX host and never tries the second MX record.\n");
        for (int i = 0; i < 60; i++) {
            a.write(
                    930000 + i,
                    "XCON: Queue article number " + i + " about a message queue that grows on the MTA",
                    "Microsoft Exchange",
                    "5.5",
                    "SYMPTOMS\n========\n\nMessages wait in the outbound queue.\n");
        }
        return a.root();
    }
}
