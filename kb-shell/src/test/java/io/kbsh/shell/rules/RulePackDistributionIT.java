package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.shell.testing.PackagedKbsh.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        for (String name : List.of("kbsh-pack.yaml", "Q169113.yaml")) {
            try (InputStream in = RulePackDistributionIT.class.getResourceAsStream("example-pack/" + name)) {
                Files.copy(in, target.resolve(name));
            }
        }
        return target;
    }

    private Path site() throws IOException {
        Path env = dir.resolve("cluster.json");
        Files.writeString(env, """
                {"schemaVersion": 2,
                 "servers": [{"id": "NODE1", "exchange": "5.5", "cluster": {"virtualServer": "EXVS1"}}],
                 "connectors": [{"id": "x400-hq", "type": "x400", "server": "NODE1", "transport": "tcpip", "remoteMta": "10.2.0.10"}]}
                """);
        return env;
    }

    @Test
    void aPackDirectoryLoadsAndReportsThroughThePackagedKbsh() throws Exception {
        writePack(dir.resolve("home/plugins/example-rules"));
        Path env = site();
        Run plugins = kbsh("plugins; rules list; show Q169113");
        assertEquals(0, plugins.status(), plugins.err());
        assertTrue(plugins.out().contains("example-rules"), plugins.out());
        assertTrue(plugins.out().contains("1 ArticleCheck (rule Q169113)"), plugins.out());
        assertTrue(plugins.out().contains("Q169113  for connector"), plugins.out());
        assertTrue(plugins.out().contains("executable: rule in pack example-rules"), plugins.out());

        Run check = kbsh("check --env " + env + " --json");
        assertEquals(0, check.status(), check.err());
        JsonNode report = new ObjectMapper().readTree(check.out());
        assertTrue(report.get("articlesChecked").toString().contains("Q169113"), report.toString());
        List<String> found = new ArrayList<>();
        report.get("findings").forEach(f -> found.add(f.get("article").asText() + " " + f.get("severity").asText() + " "
                + f.path("plugin").asText()));
        assertTrue(found.contains("Q169113 warning example-rules"), found.toString());

        Run text = kbsh("check Q169113 --env " + env + " --fail-on warning");
        assertEquals(4, text.status(), text.err() + text.out());
        assertTrue(text.out().contains("X.400 connector x400-hq names its remote MTA by the address 10.2.0.10 on clustered NODE1"), text.out());

        Run tests = kbsh("rules test");
        assertEquals(0, tests.status(), tests.err() + tests.out());
        assertTrue(tests.out().contains("4 passed, 0 failed"), tests.out());

        Run explain = kbsh("env load " + env + "; rules explain Q169113 connector:x400-hq");
        assertEquals(0, explain.status(), explain.err());
        assertTrue(explain.out().contains("yes connector.remoteMta is an IP literal — saw 10.2.0.10"), explain.out());
        assertTrue(explain.out().contains("verdict: outcome likely: warning"), explain.out());
    }

    @Test
    void rulesTestFailsOnABrokenFixtureAndLintSaysWhere() throws Exception {
        Path pack = writePack(dir.resolve("broken-fixture"));
        Path rule = pack.resolve("Q169113.yaml");
        Files.writeString(rule, Files.readString(rule, StandardCharsets.UTF_8)
                .replace("{object: \"connector:x400-hq\", severity: warning, outcome: likely", "{object: \"connector:x400-hq\", severity: error, outcome: likely"));
        Run r = kbsh("rules test " + pack);
        assertEquals(1, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("3 passed, 1 failed"), r.out());
        assertTrue(r.out().contains("connector:x400-hq: expected severity error, got warning"), r.out());

        Path template = dir.resolve("new-pack");
        Run init = kbsh("rules init " + template + " --id my-rules --article Q123456; rules lint " + template + "; rules test " + template);
        assertEquals(0, init.status(), init.err() + init.out());
        assertTrue(init.out().contains("1 rule file, no problems"), init.out());
        assertTrue(init.out().contains("2 passed, 0 failed"), init.out());
    }

    @Test
    void aBrokenExpressionIsAFailureLineAndStrictExitsWithThree() throws Exception {
        Path pack = writePack(dir.resolve("home/plugins/example-rules"));
        Path rule = pack.resolve("Q169113.yaml");
        Files.writeString(rule, Files.readString(rule, StandardCharsets.UTF_8).replace("e.event == 9301", "e.event == = 9301"));
        Run lenient = kbsh("plugins");
        assertEquals(0, lenient.status(), lenient.err());
        assertTrue(lenient.err().contains(rule + ":27:"), lenient.err());
        assertTrue(lenient.err().contains("rule Q169113: outcomes[0].when[0].cel: CEL: "), lenient.err());
        assertTrue(!lenient.err().contains("\tat "), "no stack trace without --debug: " + lenient.err());
        Process strict = new ProcessBuilder(PackagedKbsh.DIST.resolve("bin/kbsh").toString(), "--home", dir.resolve("home").toString(),
                "--strict", "-c", "version").redirectErrorStream(true).start();
        strict.getInputStream().readAllBytes();
        assertTrue(strict.waitFor(90, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(3, strict.exitValue());
    }
}
