package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.ini.ShellRun;
import io.kbsh.shell.testing.PseudoTerminal;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interactive shell compiles the rules it took validated from its cache while the person types the first
 * command (RulePack.compileInBackground, started by Kbsh before the first prompt); a batch run does not, as it
 * may not need them. Seen from outside, on a real pseudo-terminal, through the line --debug writes when done.
 */
class BackgroundCompileTest {

    private static final String DONE = "rules compiled in the background: 1 of 1";

    @TempDir
    Path dir;

    private Path plugins() throws Exception {
        Path pack = Files.createDirectories(dir.resolve("plugins").resolve("example-pack"));
        for (String name : List.of("kbsh-pack.yaml", "Q189345.yaml")) {
            try (InputStream in = BackgroundCompileTest.class.getResourceAsStream("example-pack/" + name)) {
                Files.copy(in, pack.resolve(name));
            }
        }
        return pack.getParent();
    }

    /** A batch run with --debug; its standard error. */
    private String batch(Path plugins, String commands) {
        ShellRun run = ShellRun.launch(
                dir,
                Optional.empty(),
                "--debug",
                "--home",
                dir.resolve("home").toString(),
                "--plugins",
                plugins.toString(),
                "-c",
                commands);
        assertEquals(0, run.status(), run.err());
        return run.err();
    }

    @Test
    void anInteractiveShellCompilesTheCachedRulesBeforeTheFirstCommandAndABatchRunDoesNot() throws Exception {
        Path plugins = plugins();
        // The first start validates the pack and keeps that in the cache; the rule is compiled then.
        batch(plugins, "version");
        assertTrue(Files.isRegularFile(dir.resolve("home").resolve("cache").resolve("rules-validated.bin")));
        // Later starts take the rule from the cache without compiling it; a batch run leaves it so.
        String batchErr = batch(plugins, "version");
        assertFalse(batchErr.contains("compiled in the background"), batchErr);

        try (PseudoTerminal t = PseudoTerminal.kbsh(
                120, 30, dir, "--debug", "--home", dir.resolve("home").toString(), "--plugins", plugins.toString())) {
            // Without a command typed: the shell did it on its own, waiting at the prompt.
            t.await(DONE);
            t.await(PseudoTerminal.PROMPT);
            t.ctrlD();
            assertEquals(0, t.exitStatus(), t.text());
        }
    }
}
