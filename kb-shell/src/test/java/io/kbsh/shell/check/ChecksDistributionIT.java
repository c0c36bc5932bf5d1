package io.kbsh.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.shell.testing.PackagedKbsh.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check commands in the packaged distribution, with the real plugins and the bundled examples: the
 * examples do what docs/checks.md says. No probes run here (they would leave the loopback interface).
 */
class ChecksDistributionIT {

    @TempDir
    Path dir;

    private Run kbsh(String commands) throws IOException, InterruptedException {
        return new PackagedKbsh(dir).run(commands, 60);
    }

    private Path examples() throws IOException {
        return new PackagedKbsh(dir).examples();
    }

    @Test
    void theClusterExampleHitsQ254909AndQ187225AndGatesTheBuild() throws Exception {
        Path ex = examples();
        Run r = kbsh("check --env " + ex.resolve("site-q254909-q187225.json") + " --fail-on error --json");
        assertEquals(4, r.status(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(
                everyCheck(),
                articlesChecked(report),
                "all five plugins' checks, the built-in Q257618 and every bundled rule ran");
        Set<String> open = new TreeSet<>();
        report.get("findings")
                .forEach(f -> open.add(
                        f.get("article").asText() + " " + f.get("severity").asText()));
        // Q237327 (rules-exchange): a 5.5 IMS below SP3 offers STARTTLS without a certificate; unprobed, it is info.
        assertEquals(Set.of("Q187225 error", "Q237327 info", "Q254909 critical"), open);
    }

    /** The five Java plugins' articles, the built-in Q257618 and every rule file of the bundled pack's JAR. */
    private static Set<String> everyCheck() throws IOException {
        Set<String> all = new TreeSet<>(Set.of("Q165057", "Q254909", "Q178532", "Q187225", "Q166604", "Q257618"));
        try (ZipFile jar = new ZipFile(
                PackagedKbsh.DIST.resolve("plugins/rules-exchange.jar").toFile())) {
            jar.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.matches("META-INF/kbsh/rules/Q\\d{6}\\.yaml"))
                    .forEach(n -> all.add(n.substring(n.lastIndexOf('/') + 1, n.length() - ".yaml".length())));
        }
        assertTrue(all.size() > 6, "the bundled rule pack has rules: " + all);
        return all;
    }

    private static Set<String> articlesChecked(JsonNode report) {
        Set<String> checked = new TreeSet<>();
        report.get("articlesChecked").forEach(a -> checked.add(a.asText()));
        return checked;
    }

    @Test
    void fixPlanOfAFindingFixedByAServicePackSaysSo() throws Exception {
        Path cluster = examples().resolve("site-q254909-q187225.json");
        Run pack = kbsh("fix plan Q187225 --env " + cluster);
        assertEquals(0, pack.status(), pack.err());
        assertTrue(
                pack.out()
                        .matches("(?s)Q187225 on server:\\S+: the fix is a service pack, not an INI change: install "
                                + "\\S.* 5\\.5 SP\\d.*"),
                pack.out());
        assertTrue(
                pack.out().contains("No INI change to plan: kbsh edits INI files and hands over registry changes only"),
                pack.out());
        assertFalse(pack.out().contains("Nothing to fix"), "not an all-clear: " + pack.out());

        // Beside an INI fix, the service pack is still named, and the INI change is still planned.
        Run both = kbsh("fix plan --env " + cluster);
        assertEquals(0, both.status(), both.err());
        assertTrue(
                both.out().contains("Q187225 on server:") && both.out().contains("the fix is a service pack"),
                both.out());
        assertTrue(both.out().contains("+[EMSMTA]") || both.out().contains("+Disable=1"), both.out());
    }

    /** What each bundled check says about the other two examples (the plugins' own tests build environments in code). */
    @Test
    void theHealthyAndSslExamplesHitOnlyTheirArticle() throws Exception {
        Path ex = examples();
        assertEquals(
                Set.of("Q254909 info"),
                findings(kbsh("check --env " + ex.resolve("site-healthy.json") + " --json")),
                "the healthy example has the Q254909 fix in place and its proxy runs on the Exchange server");
        // The bundled rules see the SSL example too: IMAP4 over SSL below 5.5 SP3 (Q237544), STARTTLS (Q237327).
        assertEquals(
                Set.of("Q178532 error", "Q237327 info", "Q237544 warning"),
                findings(kbsh("check --env " + ex.resolve("site-q178532-ssl.json") + " --json")));
    }

    private static Set<String> findings(Run r) throws IOException {
        assertEquals(0, r.status(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(
                everyCheck(),
                articlesChecked(report),
                "all five plugins' checks, the built-in Q257618 and every bundled rule ran");
        Set<String> open = new TreeSet<>();
        report.get("findings")
                .forEach(f -> open.add(
                        f.get("article").asText() + " " + f.get("severity").asText()));
        return open;
    }

    @Test
    void theSslExampleMissesWspcfgAndTheHealthyOnePassesTheGate() throws Exception {
        Path ex = examples();
        Run ssl = kbsh("check Q178532 --env " + ex.resolve("site-q178532-ssl.json"));
        assertEquals(0, ssl.status(), ssl.err());
        assertTrue(ssl.out().contains("missing: no Wspcfg.ini in Exchsrvr\\Bin"), ssl.out());
        Path junit = dir.resolve("healthy.xml");
        Run healthy = kbsh("check --env " + ex.resolve("site-healthy.json") + " --fail-on warning --junit " + junit);
        assertEquals(0, healthy.status(), healthy.err() + healthy.out());
        assertFalse(Files.readString(junit).contains("<failure"));
        Path byDefault = dir.resolve("default.xml");
        Run plain = kbsh("check --env " + ex.resolve("site-healthy.json") + " --junit " + byDefault);
        assertEquals(0, plain.status(), plain.err());
        String xml = Files.readString(byDefault);
        assertTrue(xml.contains("<system-out>info: "), xml);
        assertFalse(xml.contains("<failure"), "the info finding (fix in place) does not fail CI without --fail-on");
    }

    @Test
    void fixApplyEditsTheCollectedCopyAndTheNextCheckSeesIt() throws Exception {
        Path ex = examples();
        Path mspclnt = ex.resolve("collected/NWMAIL1/Mspclnt.ini");
        String before = Files.readString(mspclnt);
        List<String> commands = new ArrayList<>(List.of(
                "env load " + ex.resolve("site-q254909-q187225.json"),
                "fix apply Q254909 --yes",
                "check Q254909 --fail-on warning"));
        Run r = kbsh(String.join("; ", commands));
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(Files.readString(mspclnt).contains("[EMSMTA]\r\nDisable=1\r\n"));
        assertEquals(
                before,
                Files.readString(ex.resolve("collected/NWMAIL1/Mspclnt.ini.bak")),
                "the backup holds the old file");
        assertTrue(r.out().contains("the fix is present"), r.out());
    }
}
