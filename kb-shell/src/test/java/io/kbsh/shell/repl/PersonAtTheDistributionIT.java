package io.kbsh.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.testing.PseudoTerminal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged kbsh with its bundled plugins on a real pseudo-terminal, typed at as a person types. */
class PersonAtTheDistributionIT {

    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    private PseudoTerminal kbsh(int columns, int rows) throws Exception {
        assertTrue(PseudoTerminal.packaged(), "Failsafe names the distribution (kbsh.distribution)");
        return PseudoTerminal.kbsh(columns, rows, dir, "--home", home().toString()).await(Repl.PROMPT);
    }

    @Test
    void answersToQuestionsStayOutOfHistory() throws Exception {
        Path ini = dir.resolve("Mspclnt.ini");
        Files.writeString(ini, "[Common]\r\nConfiguration Refresh Time (Hours)=6\r\n", StandardCharsets.ISO_8859_1);
        try (PseudoTerminal t = kbsh(120, 30)) {
            int mark = t.mark();
            t.typeKeyByKey("ini apply mspclnt-bypass --file Mspclnt.ini\r");
            t.await("[y/N]");
            t.typeKeyByKey("yes\r");
            t.awaitPrompt(mark);
            t.up();
            t.await("kbsh> ini apply mspclnt-bypass", 2);
            t.type("\u0015exit\r");
            assertEquals(0, t.exitStatus(), t.text());
        }
        assertTrue(Files.readString(ini, StandardCharsets.ISO_8859_1).contains("[EMSMTA]"), "the answer was taken");
        List<String> history = Files.readAllLines(home().resolve("history")).stream()
                .map(l -> l.substring(l.indexOf(':') + 1)).toList();
        assertEquals(List.of("ini apply mspclnt-bypass --file Mspclnt.ini", "exit"), history);
    }

    @Test
    void ctrlCInThePagerOfABundledArticleOnATenRowTerminal() throws Exception {
        try (PseudoTerminal t = kbsh(80, 10)) {
            int mark = t.mark();
            t.typeKeyByKey("show Q254909\r");
            t.await("Q254909:");
            t.ctrlC();
            t.awaitPrompt(mark);
            assertTrue(t.enter("version").contains("(API"), t.text());
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
            assertFalse(t.text().contains("Exception"), t.text());
            assertFalse(t.text().contains("IOError"), t.text());
        }
    }
}
