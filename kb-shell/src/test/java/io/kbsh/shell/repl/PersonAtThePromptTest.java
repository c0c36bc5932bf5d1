package io.kbsh.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.Kbsh;
import io.kbsh.shell.testing.Articles;
import io.kbsh.shell.testing.PseudoTerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kbsh on a real pseudo-terminal, typed at as a person types: the line editor, the pager, Ctrl-C and the
 * history file.
 */
class PersonAtThePromptTest {

    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    private PseudoTerminal kbsh(int columns, int rows) throws Exception {
        return PseudoTerminal.atThePrompt(columns, rows, dir, home());
    }

    private void importLongArticle() throws Exception {
        batch("import "
                + Articles.in(dir.resolve("archive"))
                        .writeLong(900100, "A long article", 200)
                        .root());
    }

    private void batch(String commands) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Kbsh.run(new Kbsh.Launch(
                new String[] {"--home", home().toString(), "-c", commands},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                false,
                Optional.empty(),
                dir));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTypedBackslashIsKeptBeforeEveryPrintableCharacter() throws Exception {
        StringBuilder line = new StringBuilder("ini show x");
        for (char c = '!'; c <= '~'; c++) {
            line.append('\\').append(c);
        }
        try (PseudoTerminal t = kbsh(200, 50)) {
            String shown = t.enter("ini show C:\\Exchsrvr\\Bin\\Wspcfg.ini");
            assertTrue(shown.contains(dir.resolve("C:\\Exchsrvr\\Bin\\Wspcfg.ini") + ": no such file"), shown);
            t.enter(line.toString());
            t.typeKeyByKey("exit\r");
            assertEquals(0, t.exitStatus());
        }
        // The history file holds each line exactly as the line reader handed it to the shell.
        List<String> history = Files.readAllLines(home().resolve("history")).stream()
                .map(l -> l.substring(l.indexOf(':') + 1).replace("\\\\", "\\"))
                .toList();
        assertEquals(List.of("ini show C:\\Exchsrvr\\Bin\\Wspcfg.ini", line.toString(), "exit"), history);
    }

    @Test
    void ctrlCInThePagerLeavesItAndTheShellGoesOn() throws Exception {
        importLongArticle();
        try (PseudoTerminal t = kbsh(80, 24)) {
            int mark = t.mark();
            t.typeKeyByKey("show Q900100\r");
            t.awaitRaw(PseudoTerminal.ALTERNATE_SCREEN);
            t.await("Line 12 of a long article");
            assertFalse(t.text().contains("Line 150 of"), "the pager shows one screen, not the whole article");
            t.ctrlC();
            t.awaitPrompt(mark);
            assertTrue(t.enter("version").contains("(API"), t.text());
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
            assertFalse(t.text().contains("Exception"), t.text());
            assertFalse(t.text().contains("IOError"), t.text());
            assertFalse(
                    t.text().contains("interrupted"), "leaving the pager is not an interrupted command: " + t.text());
        }
    }

    @Test
    void qInThePagerStillLeavesIt() throws Exception {
        importLongArticle();
        try (PseudoTerminal t = kbsh(80, 10)) {
            int mark = t.mark();
            t.typeKeyByKey("show Q900100\r");
            t.await("Line 3 of a long article");
            t.type("q");
            t.awaitPrompt(mark);
            t.typeKeyByKey("exit 4\r");
            assertEquals(4, t.exitStatus(), t.text());
        }
    }

    @Test
    void aNewHistoryFileIsPrivate() throws Exception {
        try (PseudoTerminal t = kbsh(120, 30)) {
            t.enter("version");
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
        }
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home().resolve("history"))));
    }

    @Test
    void anExistingHistoryFileIsMadePrivateAndStillRecalled() throws Exception {
        Files.createDirectories(home());
        Path history = home().resolve("history");
        Files.writeString(history, "1700000000000:version\n");
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));
        try (PseudoTerminal t = kbsh(120, 30)) {
            int mark = t.mark();
            t.up();
            t.await("kbsh> version");
            t.type("\r");
            assertTrue(t.awaitPrompt(mark).contains("(API"), t.text());
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
    }

    @Test
    void aHistoryFileThatIsADirectoryIsAWarningAndTheShellRuns() throws Exception {
        Files.createDirectories(home().resolve("history"));
        try (PseudoTerminal t = kbsh(120, 30)) {
            assertTrue(
                    t.text().contains("history file " + home().resolve("history") + " is not a regular file"),
                    t.text());
            assertTrue(t.enter("version").contains("(API"), t.text());
            assertTrue(t.enter("version").contains("(API"), t.text());
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
            assertFalse(t.text().contains("Exception"), t.text());
        }
    }

    @Test
    void aHistoryLineThatIsNotUtf8IsSkippedAndTheRestKept() throws Exception {
        Files.createDirectories(home());
        Path history = home().resolve("history");
        byte[] latin1 = "1700000000000:search caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "1700000000001:version\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[latin1.length + good.length];
        System.arraycopy(latin1, 0, both, 0, latin1.length);
        System.arraycopy(good, 0, both, latin1.length, good.length);
        Files.write(history, both);
        try (PseudoTerminal t = kbsh(200, 30)) {
            assertTrue(t.text().contains(history + ":1: not a UTF-8 history line"), t.text());
            int mark = t.mark();
            t.up();
            t.await("kbsh> version");
            t.type("\r");
            assertTrue(t.awaitPrompt(mark).contains("(API"), t.text());
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
        }
        assertTrue(Files.readString(history).contains(":version"), "the readable line is kept");
        assertEquals(both.length, Files.size(home().resolve("history.bak")), "the original is kept beside it");
    }

    @Test
    void onADumbTerminalCtrlCAbandonsTheLineAndTheShellGoesOn() throws Exception {
        try (PseudoTerminal t = PseudoTerminal.kbsh(80, 24, "dumb", dir, Map.of(), "--home", home().toString())) {
            t.await(Repl.PROMPT);
            int mark = t.mark();
            t.typeKeyByKey("exit 9");
            t.await("exit 9");
            t.ctrlC();
            t.awaitPrompt(mark);
            assertTrue(t.enter("version").contains("(API"), t.text());
            t.typeKeyByKey("exit 5\r");
            assertEquals(5, t.exitStatus(), t.text());
        }
    }

    @Test
    void aSearchWithASlashTypedAtThePromptFindsItsArticle() throws Exception {
        Articles archive = Articles.in(dir.resolve("archive"))
                .writeExchangeFixLists()
                .write(
                        900003,
                        "XCON: Socket errors on the X.400 connector",
                        "Microsoft Exchange",
                        "5.5",
                        "The MTA reports socket errors on an X.400 connector over TCP/IP.\n");
        batch("import " + archive.root());
        try (PseudoTerminal t = kbsh(120, 30)) {
            String found = t.enter("search X.400 connector TCP/IP");
            assertTrue(found.contains("Q900003 ") && found.contains("1 article"), found);
            String quoted = t.enter("search \"TCP/IP\"");
            assertTrue(quoted.contains("Q900003 "), quoted);
            String typo = t.enter("search prodcut:exchange");
            assertTrue(typo.contains("did you mean product:?"), typo);
            String past = t.enter("bugs exchange 5.5 SP9");
            assertTrue(past.contains("the last known service pack of Exchange Server 5.5 is SP4"), past);
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
            assertFalse(t.text().contains("Lexical error"), t.text());
        }
    }

    @Test
    void aSlowProbeSaysItIsWaitingAndCtrlCDrawsNoVerdict() throws Exception {
        try (java.net.DatagramSocket mute =
                        new java.net.DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"));
                PseudoTerminal t = kbsh(120, 30)) {
            int mark = t.mark();
            t.typeKeyByKey("probe mx slow.kbsh.test --dns 127.0.0.1:" + mute.getLocalPort() + "\r");
            t.await("waiting for the MX hosts of slow.kbsh.test");
            t.ctrlC();
            String shown = t.awaitPrompt(mark);
            assertTrue(shown.contains("cancelled"), shown);
            assertFalse(shown.contains("a sender that falls back"), "no verdict from a cancelled probe: " + shown);
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
        }
    }
}
