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
        return PseudoTerminal.atThePrompt(columns, rows, dir, home());
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
            // Typed key by key, the line was drawn in pieces around its argument hints; recalled, it is whole.
            t.awaitAnother("kbsh> ini apply mspclnt-bypass --file Mspclnt.ini", t::up);
            t.type("\u0015exit\r");
            assertEquals(0, t.exitStatus(), t.text());
        }
        assertTrue(Files.readString(ini, StandardCharsets.ISO_8859_1).contains("[EMSMTA]"), "the answer was taken");
        List<String> history = Files.readAllLines(home().resolve("history")).stream()
                .map(l -> l.substring(l.indexOf(':') + 1))
                .toList();
        assertEquals(List.of("ini apply mspclnt-bypass --file Mspclnt.ini", "exit"), history);
    }

    @Test
    void ctrlCInThePagerOfABundledArticleOnATenRowTerminal() throws Exception {
        try (PseudoTerminal t = kbsh(60, 10)) {
            int mark = t.mark();
            t.typeKeyByKey("show Q254909\r");
            t.awaitRaw(PseudoTerminal.ALTERNATE_SCREEN);
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

    private static final Path DIST = Path.of(System.getProperty("kbsh.distribution", "target/kbsh"));

    @Test
    void theShellOpensOnAScratchCopyOfTheExampleAndFixesChangeOnlyThatCopy() throws Exception {
        Path bundledIni = DIST.resolve("examples/collected/NWMAIL1/Mspclnt.ini");
        byte[] before = Files.readAllBytes(bundledIni);
        Path scratch = home().resolve("example");
        try (PseudoTerminal t = kbsh(200, 50)) {
            assertTrue(t.text().contains("opening on the example site, a scratch copy in " + scratch), t.text());
            assertTrue(t.text().contains("Loaded " + scratch.resolve("site-q254909-q187225.json")), t.text());
            String applied = t.enter("fix apply Q254909 --yes");
            assertFalse(applied.contains("Exception"), applied);
            t.typeKeyByKey("exit\r");
            assertEquals(0, t.exitStatus(), t.text());
        }
        assertTrue(
                Files.readString(scratch.resolve("collected/NWMAIL1/Mspclnt.ini"), StandardCharsets.ISO_8859_1)
                        .contains("[EMSMTA]"),
                "the fix went to the scratch copy");
        assertEquals(
                new String(before, StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(bundledIni), StandardCharsets.ISO_8859_1),
                "the distribution's copy is untouched");
    }

    @Test
    void anExplicitEnvironmentIsNotReplacedByTheExample() throws Exception {
        Path site = dir.resolve("mine.json");
        Files.copy(DIST.resolve("examples/site-healthy.json"), site);
        try (PseudoTerminal t = PseudoTerminal.kbsh(
                        200, 50, dir, "--home", home().toString(), "--init", "env load mine.json")
                .await(Repl.PROMPT)) {
            assertTrue(t.text().contains("Loaded " + site), t.text());
            assertFalse(t.text().contains("example site"), t.text());
            t.typeKeyByKey("exit\r");
            assertEquals(0, t.exitStatus(), t.text());
        }
    }

    @Test
    void batchModeNeverLoadsTheExampleAndLoadingItExplicitlyUsesTheScratchCopy() throws Exception {
        Process p = new ProcessBuilder(
                        DIST.resolve("bin/kbsh").toString(), "--home", home().toString(), "-c", "env show")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), out);
        assertTrue(out.contains("no environment loaded"), out);
        assertFalse(Files.exists(home().resolve("example")), "nothing copied in batch mode");

        Path checkout = DIST.resolve("examples/site-q254909-q187225.json");
        Process load = new ProcessBuilder(
                        DIST.resolve("bin/kbsh").toString(),
                        "--home",
                        home().toString(),
                        "-c",
                        "env load '" + checkout + "'")
                .redirectErrorStream(true)
                .start();
        String loaded = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, load.waitFor(), loaded);
        assertTrue(
                loaded.contains(checkout + " is the bundled example: loading its scratch copy "
                        + home().resolve("example/site-q254909-q187225.json")),
                loaded);
    }

    @Test
    void aCopyAPersonMadeIsTheirsAndTheCheckoutsExamplesAreTheExample() throws Exception {
        Path mine = Files.createDirectories(home().resolveSibling(home().getFileName() + "-mine"));
        Path site = mine.resolve("site-q254909-q187225.json");
        Files.copy(DIST.resolve("examples/site-q254909-q187225.json"), site);
        String own = loadInBatch(site, null);
        assertTrue(own.contains("Loaded " + site), "a byte-identical copy elsewhere loads as itself: " + own);
        assertFalse(own.contains("bundled example"), own);

        String checkout = loadInBatch(site, mine);
        assertTrue(
                checkout.contains(site + " is the bundled example: loading its scratch copy "
                        + home().resolve("example/site-q254909-q187225.json")),
                checkout);
    }

    /** {@code env load FILE} in batch mode; {@code sourceExamples} is what the checkout's ./kbsh exports. */
    private String loadInBatch(Path file, Path sourceExamples) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        DIST.resolve("bin/kbsh").toString(),
                        "--home",
                        home().toString(),
                        "-c",
                        "env load '" + file + "'")
                .redirectErrorStream(true);
        pb.environment().remove("KBSH_SOURCE_EXAMPLES");
        if (sourceExamples != null) {
            pb.environment().put("KBSH_SOURCE_EXAMPLES", sourceExamples.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
