package io.kbsh.shell.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.shell.Kbsh;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article commands as the shell wires them: the store under kbsh's home, found by the commands. */
class ArticleShellTest {

    @TempDir
    Path dir;

    @Test
    void startingTheShellDoesNotOpenTheIndex() {
        Path home = dir.resolve("home");
        int status = Kbsh.run(new Kbsh.Launch(
                new String[] {"--home", home.toString(), "-c", "version"},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of(),
                false,
                Optional.empty(),
                dir));
        assertEquals(0, status);
        assertFalse(Files.exists(home.resolve("index")), "the index is opened on first use, not at start-up");
    }

    @Test
    void importThenSearchShowAndBugsInOneBatch() {
        String shared = System.getProperty("kbsh.shared");
        assumeTrue(shared != null, "skipped: kbsh.shared is not set");
        Path zip = Path.of(shared, "kbarchive", "kbarchive-sample-github.zip");
        assumeTrue(Files.exists(zip), "skipped: " + zip + " is absent");
        Path home = dir.resolve("home");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Kbsh.run(new Kbsh.Launch(
                new String[] {
                    "--home",
                    home.toString(),
                    "-c",
                    "import " + zip + "; search \"second MX record\"; show --no-pager Q166604"
                },
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                false,
                Optional.empty(),
                dir));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.startsWith("imported 150 articles from "), printed);
        assertTrue(printed.contains("\nQ166604   1999-04-24  XFOR: IMS Behind Firewall"), printed);
        assertTrue(printed.contains("\nQ166604: XFOR: IMS Behind Firewall Does Not Use Second MX Record\n"), printed);
        assertTrue(
                Files.isRegularFile(home.resolve("index").resolve("CURRENT")), "the index lives under <home>/index/");
        assertFalse(printed.contains("\r"), "no progress bar in batch mode");
    }

    @Test
    void theShellReleasesTheIndexWhenItEndsSoTheNextRunCanWrite() {
        String shared = System.getProperty("kbsh.shared");
        assumeTrue(shared != null, "skipped: kbsh.shared is not set");
        Path zip = Path.of(shared, "kbarchive", "kbarchive-sample-github.zip");
        assumeTrue(Files.exists(zip), "skipped: " + zip + " is absent");
        Path home = dir.resolve("home");
        for (int run = 1; run <= 2; run++) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Kbsh.run(new Kbsh.Launch(
                    new String[] {"--home", home.toString(), "-c", "import " + zip},
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of(),
                    false,
                    Optional.empty(),
                    dir));
            String errors = err.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, "run " + run + ": " + errors);
            assertFalse(errors.contains("read-only"), "run " + run + " found the index still locked: " + errors);
        }
    }
}
