package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.shell.article.parse.SharedData;
import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.shell.testing.PackagedKbsh.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule pack made outside kbsh's build — a directory of YAML files, as an author writes it — dropped into
 * the plugins folder of the packaged kbsh: it loads, its rule reports beside the Java checks, its own tests
 * run, and a broken pack is one failure line that {@code --strict} turns into exit status 3.
 */
class RulePackDistributionIT {

    @TempDir
    Path dir;

    private Run kbsh(String commands) throws IOException, InterruptedException {
        return new PackagedKbsh(dir).run(commands, 90);
    }

    /** The example pack's files, written into {@code target} as a pack author's directory. */
    private static Path writePack(Path target) throws IOException {
        Files.createDirectories(target);
        for (String name : List.of("kbsh-pack.yaml", "Q189345.yaml")) {
            try (InputStream in = RulePackDistributionIT.class.getResourceAsStream("example-pack/" + name)) {
                Files.copy(in, target.resolve(name));
            }
        }
        return target;
    }

    private Path site() throws IOException {
        Path env = dir.resolve("x400.json");
        Files.writeString(env, """
                {"schemaVersion": 2,
                 "servers": [{"id": "EXCH1", "exchange": "5.5 SP1"}],
                 "connectors": [{"id": "x400-hq", "type": "x400", "server": "EXCH1", "transport": "tcpip", "remoteMta": "plantmail.example"}]}
                """);
        return env;
    }

    @Test
    void aPackDirectoryLoadsAndReportsThroughThePackagedKbsh() throws Exception {
        writePack(dir.resolve("home/plugins/example-rules"));
        Path env = site();
        Run plugins = kbsh("plugins; rules list; show Q189345");
        assertEquals(0, plugins.status(), plugins.err());
        assertFalse(
                plugins.err().contains("two checks for"), "the example overlaps nothing kbsh ships: " + plugins.err());
        assertTrue(plugins.out().contains("example-rules"), plugins.out());
        assertTrue(plugins.out().contains("1 ArticleCheck (rule Q189345)"), plugins.out());
        assertTrue(plugins.out().contains("Q189345  for connector"), plugins.out());
        assertTrue(plugins.out().contains("executable: rule in pack example-rules"), plugins.out());

        Run check = kbsh("check --env " + env + " --json");
        assertEquals(0, check.status(), check.err());
        JsonNode report = new ObjectMapper().readTree(check.out());
        assertTrue(report.get("articlesChecked").toString().contains("Q189345"), report.toString());
        List<String> found = new ArrayList<>();
        report.get("findings")
                .forEach(f -> found.add(f.get("article").asText() + " "
                        + f.get("severity").asText() + " " + f.path("plugin").asText()));
        assertTrue(found.contains("Q189345 info example-rules"), found.toString());

        Run text = kbsh("check Q189345 --env " + env + " --fail-on info");
        assertEquals(4, text.status(), text.err() + text.out());
        assertTrue(
                text.out()
                        .contains(
                                "X.400 connector x400-hq on EXCH1 names its remote MTA plantmail.example: expect event 9301"),
                text.out());

        Run tests = kbsh("rules test example-rules");
        assertEquals(0, tests.status(), tests.err() + tests.out());
        assertTrue(tests.out().contains("4 passed, 0 failed"), tests.out());

        Run explain = kbsh("env load " + env + "; rules explain Q189345 connector:x400-hq");
        assertEquals(0, explain.status(), explain.err());
        assertTrue(
                explain.out().contains("yes connector.remoteMta is not an IP literal — saw plantmail.example"),
                explain.out());
        assertTrue(explain.out().contains("verdict: outcome likely: info"), explain.out());
    }

    @Test
    void rulesTestFailsOnABrokenFixtureAndLintSaysWhere() throws Exception {
        Path pack = writePack(dir.resolve("broken-fixture"));
        Path rule = pack.resolve("Q189345.yaml");
        Files.writeString(
                rule,
                Files.readString(rule, StandardCharsets.UTF_8)
                        .replace(
                                "{object: \"connector:x400-hq\", severity: info, outcome: likely",
                                "{object: \"connector:x400-hq\", severity: error, outcome: likely"));
        Run r = kbsh("rules test " + pack);
        assertEquals(1, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("3 passed, 1 failed"), r.out());
        assertTrue(r.out().contains("connector:x400-hq: expected severity error, got info"), r.out());

        Path template = dir.resolve("new-pack");
        Run init = kbsh("rules init " + template + " --id my-rules --article Q123456; rules lint " + template
                + "; rules test " + template);
        assertEquals(0, init.status(), init.err() + init.out());
        assertTrue(init.out().contains("1 rule file, no problems"), init.out());
        assertTrue(init.out().contains("2 passed, 0 failed"), init.out());
        // The command the template suggests loads it: --plugins naming the pack's own directory.
        assertTrue(init.out().contains("; kbsh --plugins " + template + "\n"), init.out());
        Run loaded = new PackagedKbsh(dir).run(List.of("--plugins", template.toString()), "rules show Q123456", 90);
        assertEquals(0, loaded.status(), loaded.err() + loaded.out());
        assertTrue(loaded.out().contains("my-rules"), loaded.out());
    }

    @Test
    void aBrokenExpressionIsAFailureLineAndStrictExitsWithThree() throws Exception {
        Path pack = writePack(dir.resolve("home/plugins/example-rules"));
        Path rule = pack.resolve("Q189345.yaml");
        Files.writeString(
                rule, Files.readString(rule, StandardCharsets.UTF_8).replace("e.event == 9301", "e.event == = 9301"));
        Run lenient = kbsh("plugins");
        assertEquals(0, lenient.status(), lenient.err());
        assertTrue(lenient.err().contains(rule + ":26:"), lenient.err());
        assertTrue(lenient.err().contains("rule Q189345: outcomes[0].when[0].cel: CEL: "), lenient.err());
        assertTrue(!lenient.err().contains("\tat "), "no stack trace without --debug: " + lenient.err());
        Process strict = new ProcessBuilder(
                        PackagedKbsh.DIST.resolve("bin/kbsh").toString(),
                        "--home",
                        dir.resolve("home").toString(),
                        "--strict",
                        "-c",
                        "version")
                .redirectErrorStream(true)
                .start();
        strict.getInputStream().readAllBytes();
        assertTrue(strict.waitFor(90, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(3, strict.exitValue());
    }

    // ---- the bundled pack (plugins/rules-exchange) --------------------------------------------------

    @Test
    void showSaysWhichPackExecutesABundledArticle() throws Exception {
        Path archive = dir.resolve("archive");
        try (ZipFile zip =
                new ZipFile(SharedData.require("kbarchive/kbarchive-txt.zip").toFile())) {
            Path target = Files.createDirectories(archive.resolve("txt/193")).resolve("Q193928.TXT");
            try (InputStream in = zip.getInputStream(zip.getEntry("txt/193/Q193928.TXT"))) {
                Files.copy(in, target);
            }
        }
        Run r = kbsh("import " + archive + "; show --no-pager Q193928");
        assertEquals(0, r.status(), r.err());
        assertTrue(
                r.out()
                        .contains(
                                "executable: rule in pack rules-exchange (rules-exchange.jar!/META-INF/kbsh/rules/Q193928.yaml)"),
                r.out());
    }

    /** Files as a person copies them off a server in Q193928's situation, collected, then checked and planned. */
    @Test
    void checkOnCollectedFilesReportsQ193928AndPlansTheIniEdit() throws Exception {
        Path collected = dir.resolve("collected");
        Path ex1 = Files.createDirectories(collected.resolve("EX1"));
        Files.writeString(collected.resolve("description.json"), """
                {"schemaVersion": 2,
                 "servers": [{"id": "EX1", "exchange": "5.5 SP1", "addresses": ["10.1.0.20"]}],
                 "proxies": [{"id": "wsp", "version": "2.0", "name": "PROXY1", "internalAddress": "10.1.0.1"}]}
                """);
        Files.write(
                ex1.resolve("Mspclnt.ini"),
                "[Common]\r\nPort=1745\r\n[Servers Ip Addresses]\r\nName=PROXY1\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(
                ex1.resolve("AppEvent.txt"),
                ("5/3/1999\t8:00:01 AM\tMSExchangeIMC\tError\tNone\t4007\tN/A\tEX1"
                                + "\tThe TCP/IP listener socket could not be bound (10050).\r\n"
                                + "5/3/1999\t8:00:01 AM\tMSExchangeIMC\tError\tNone\t4020\tN/A\tEX1\tWinsock did not initialise.\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        Path env = collected.resolve("environment.json");

        Run collect = kbsh("env collect " + collected);
        assertEquals(0, collect.status(), collect.err() + collect.out());
        assertTrue(
                collect.out().contains("EX1: its WinSock Proxy client's PROXY1 is proxy wsp of the description"),
                collect.out());
        Run r = kbsh("check Q193928 --env " + env + " --json");
        assertEquals(0, r.status(), r.err() + r.out());
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> found = new ArrayList<>();
        report.get("findings")
                .forEach(f -> found.add(f.get("article").asText() + " "
                        + f.get("severity").asText() + " " + f.path("plugin").asText() + " "
                        + f.get("summary").asText()));
        assertEquals(
                List.of(
                        "Q193928 error rules-exchange the Internet Mail Service on EX1 cannot start: its WinSock Proxy client"
                                + " names the proxy PROXY1 by name, not by its address 10.1.0.1"),
                found);

        Run plan = kbsh("fix plan Q193928 --env " + env);
        assertEquals(0, plan.status(), plan.err() + plan.out());
        assertTrue(plan.out().contains("-Name=PROXY1") && plan.out().contains("+Name=10.1.0.1"), plan.out());
    }

    @Test
    void theBundledPacksTestsPassAndABrokenCopyFails() throws Exception {
        Run ok = kbsh("rules test rules-exchange");
        assertEquals(0, ok.status(), ok.err() + ok.out());
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+) passed, 0 failed").matcher(ok.out());
        assertTrue(m.find(), ok.out());
        int total = Integer.parseInt(m.group(1));

        // The pack as it ships, unpacked into a directory, with one expectation made wrong.
        Path copy = Files.createDirectories(dir.resolve("rules-exchange"));
        try (ZipFile jar = new ZipFile(
                PackagedKbsh.DIST.resolve("plugins/rules-exchange.jar").toFile())) {
            for (ZipEntry e : jar.stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith("META-INF/kbsh/rules/"))
                    .toList()) {
                try (InputStream in = jar.getInputStream(e)) {
                    Files.copy(in, copy.resolve(e.getName().substring("META-INF/kbsh/rules/".length())));
                }
            }
        }
        Path rule = copy.resolve("Q191594.yaml");
        String text = Files.readString(rule, StandardCharsets.UTF_8);
        String expectation = "{object: \"connector:site-paris\", severity: warning, outcome: likely";
        assertTrue(text.contains(expectation), text);
        Files.writeString(
                rule,
                text.replace(expectation, "{object: \"connector:site-paris\", severity: critical, outcome: likely"));
        Run broken = kbsh("rules test " + copy);
        assertEquals(1, broken.status(), broken.err() + broken.out());
        assertTrue(broken.out().contains((total - 1) + " passed, 1 failed"), broken.out());
        assertTrue(broken.out().contains("FAIL Q191594 \"without the event it is a warning\""), broken.out());
        assertTrue(
                broken.out().contains("connector:site-paris: expected severity critical, got warning"), broken.out());
    }
}
