package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.PluginLoader;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.shell.rules.eval.CompiledRule;
import io.kbsh.shell.rules.eval.Lint;
import io.kbsh.shell.rules.pack.PackTests;
import io.kbsh.shell.rules.pack.RulePack;
import io.kbsh.shell.rules.pack.RulePackReader;
import io.kbsh.testkit.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule format end to end on real files: reading, errors with their place, evaluation, the pack's tests, loading. */
class RulePackTest {

    private static final String RULE = "Q189345.yaml";

    @TempDir
    Path dir;

    /** A copy of the example pack in a directory of its own, so a test may break it. */
    private Path pack() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("example-pack"));
        for (String name : List.of("kbsh-pack.yaml", RULE)) {
            try (InputStream in = RulePackTest.class.getResourceAsStream("example-pack/" + name)) {
                Files.copy(in, pack.resolve(name));
            }
        }
        return pack;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static int lineOf(Path file, String fragment) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment + " not in " + file);
    }

    @Test
    void theExamplePacksOwnTestsPass() throws Exception {
        RulePack pack = RulePackReader.directory(pack(), p -> Optional.empty());
        assertEquals("example-rules", pack.id());
        List<PackTests.Result> results = PackTests.run(pack, ArticleStore.empty());
        assertEquals(4, results.size());
        for (PackTests.Result r : results) {
            assertEquals(List.of(), r.problems(), r.test());
        }
    }

    @Test
    void aTestWhoseExpectationTheRuleDoesNotMeetFailsAndSaysWhy() throws Exception {
        Path pack = pack();
        replace(
                pack.resolve(RULE),
                "{object: \"connector:x400-hq\", severity: warning, outcome: seen}",
                "{object: \"connector:x400-hq\", severity: critical, outcome: seen}");
        replace(pack.resolve(RULE), "remoteMta: 10.2.0.10}", "remoteMta: mta.plant.example}");
        List<PackTests.Result> results =
                PackTests.run(RulePackReader.directory(pack, p -> Optional.empty()), ArticleStore.empty());
        assertEquals(
                List.of(
                        List.of("connector:x400-hq: expected severity critical, got warning"),
                        List.of(
                                "unexpected finding for connector:x400-hq (likely, info): X.400 connector x400-hq on EXCH1 names its"
                                        + " remote MTA mta.plant.example: expect event 9301 for the connections it accepts")),
                results.stream()
                        .filter(r -> !r.passed())
                        .map(PackTests.Result::problems)
                        .toList());
        assertEquals(2, results.stream().filter(PackTests.Result::passed).count());
    }

    @Test
    void aBrokenExpressionNamesFileLineColumnAndRule() throws Exception {
        Path pack = pack();
        Path rule = pack.resolve(RULE);
        replace(rule, "events.exists(e, e.event == 9301", "events.exists(e, e.evnt == 9301 &&& true");
        RuleException e =
                assertThrows(RuleException.class, () -> RulePackReader.directory(pack, p -> Optional.empty()));
        assertEquals(rule.toString(), e.source());
        assertEquals("Q189345", e.rule());
        assertEquals("outcomes[0].when[0].cel", e.fieldPath());
        assertEquals(lineOf(rule, "&&& true"), e.line());
        String line = Files.readAllLines(rule).get(e.line() - 1);
        // CEL reports the first error, inside the expression: past its start, at most at the stray '&'.
        assertTrue(
                e.column() > line.indexOf("events.exists") && e.column() <= line.indexOf("&&& true") + 3,
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .startsWith(rule + ":" + e.line() + ":" + e.column()
                                + ": rule Q189345: outcomes[0].when[0].cel: CEL: "),
                e.getMessage());
    }

    @Test
    void anUnknownFieldIsAnErrorAtItsPlace() throws Exception {
        Path pack = pack();
        Path rule = pack.resolve(RULE);
        replace(
                rule,
                "    evidence:\n      - \"{{server.id}} runs Exchange Server {{server.exchange}}\"\n",
                "    evidense:\n      - \"{{server.id}} runs Exchange Server {{server.exchange}}\"\n");
        RuleException e =
                assertThrows(RuleException.class, () -> RulePackReader.directory(pack, p -> Optional.empty()));
        assertEquals(lineOf(rule, "evidense:"), e.line(), e.getMessage());
        assertEquals("Q189345", e.rule());
        assertEquals(
                "unknown field 'evidense' (expected one of: evidence, fix, name, scope, severity, summary, when)",
                e.problem());
    }

    @Test
    void aManifestForAnotherFormatIsRefused() throws Exception {
        Path pack = pack();
        replace(pack.resolve("kbsh-pack.yaml"), "format: 1", "format: 7");
        RuleException e =
                assertThrows(RuleException.class, () -> RulePackReader.directory(pack, p -> Optional.empty()));
        assertEquals(
                pack.resolve("kbsh-pack.yaml") + ":4:9: format: the pack is written in rule format 7,"
                        + " but this kbsh reads format 1",
                e.getMessage());
    }

    @Test
    void aFindingCarriesTheRenderedTemplatesTheFixAndTheActions() throws Exception {
        RulePack pack = RulePackReader.directory(pack(), p -> Optional.empty());
        Path env = dir.resolve("site.json");
        Files.writeString(env, """
                {"schemaVersion": 2,
                 "servers": [{"id": "EXCH1", "exchange": "5.5 SP1"},
                             {"id": "BYADDR", "exchange": "5.5"}],
                 "connectors": [{"id": "x400-hq", "type": "x400", "server": "EXCH1", "transport": "tcpip", "remoteMta": "plantmail.example"},
                                {"id": "x400-plain", "type": "x400", "server": "BYADDR", "transport": "tcpip", "remoteMta": "10.2.0.11"}]}
                """);
        List<Finding> findings =
                pack.rules().get(0).evaluate(EnvironmentReader.read(env), Facts.none(), ArticleStore.empty());
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.INFO, f.severity());
        assertEquals(List.of(ObjectRef.connector("x400-hq"), ObjectRef.server("EXCH1")), f.affected());
        assertEquals(
                List.of("EXCH1 runs Exchange Server 5.5 SP1", "no event 9301 is among the events collected from EXCH1"),
                f.evidence());
        assertEquals("5.5 SP2", f.fix().orElseThrow().level().orElseThrow().toString());
        assertEquals(
                List.of(
                        "while mail flows nothing needs changing; if a second event 9301 follows, make the reverse look-up of"
                                + " the remote MTA's address give plantmail.example (a PTR record or the HOSTS file), or give"
                                + " connector x400-hq the remote MTA's address on its Stack tab",
                        "install Exchange Server 5.5 SP2 (or later in that line) on EXCH1"),
                f.resolution().stream().map(Action::describe).toList());
    }

    @Test
    void rulePacksLoadAsPluginsAndABrokenOneIsAFailureLine() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path good = pack();
        Files.move(good, plugins.resolve("example-pack"));
        Path broken = Files.createDirectories(plugins.resolve("broken-pack"));
        Files.writeString(broken.resolve("kbsh-pack.yaml"), "id: broken\nname: Broken\nversion: 1\nformat: 1\n");
        Files.writeString(
                broken.resolve("Q1.yaml"),
                "article: Q000001\ntitle: t\nsummary: s\noutcomes:\n  - severity: awful\n    summary: x\n"
                        + "  - severity: info\n    scope: maybe\n    summary: y\n");
        PluginSet set = new PluginLoader(ApiVersion.current()).load(List.of(plugins));
        assertEquals(1, set.failures().size(), set.failures().toString());
        List<Contribution<ArticleCheck>> checks = set.of(ArticleCheck.class).stream()
                .filter(c -> c.plugin().isPresent())
                .toList();
        assertEquals(
                List.of("example-rules"),
                checks.stream().map(Contribution::origin).toList());
        assertEquals("Q189345", checks.get(0).call(c -> c.article().id().toString()));
        assertEquals(1, set.failures().size());
        assertEquals(
                broken + ": " + broken.resolve("Q1.yaml")
                        + ":5:15: rule Q000001: outcomes[0].severity: not a severity (info, warning, error, critical): 'awful'"
                        // The second outcome's problem is counted, not shown: one failure line per plugin.
                        + " (and 1 more in this file: rules lint lists them all)",
                set.failures().get(0).describe());
    }

    @Test
    void aPackDirectoryNamedAsThePluginsDirectoryLoadsAsThatPack() throws Exception {
        // What 'rules init DIR' suggests: kbsh --plugins DIR. Its YAML files are no plugins of their own.
        PluginSet set = new PluginLoader(ApiVersion.current()).load(List.of(pack()));
        assertEquals(List.of(), set.failures());
        assertEquals(
                List.of("example-rules"),
                set.of(ArticleCheck.class).stream()
                        .filter(c -> c.plugin().isPresent())
                        .map(Contribution::origin)
                        .toList());
    }

    @Test
    void lintFindsUnreachableOutcomesAndTemplatesNamingAbsentValues() throws Exception {
        Path pack = pack();
        Path rule = pack.resolve(RULE);
        replace(
                rule,
                "  - name: seen\n    when:\n      - cel: 'events.exists(e, e.event == 9301 && e.source == \"MSExchangeMTA\")'\n",
                "  - name: seen\n");
        replace(rule, "{{server.exchange}}, whose MTA", "{{server.exchang}}, {{adress}}, whose MTA");
        CompiledRule compiled =
                RulePackReader.directory(pack, p -> Optional.empty()).rules().get(0);
        List<String> problems = Lint.check(compiled, ArticleStore.empty()).stream()
                .map(RuleException::getMessage)
                .toList();
        int likely = lineOf(rule, "- name: likely");
        int evidence = lineOf(rule, "server.exchang}}");
        // The server's fields are listed in full; the list grows with the schema, so only its start is pinned.
        assertTrue(
                problems.get(0)
                        .startsWith(rule + ":" + evidence
                                + ":9: rule Q189345: outcomes[0].evidence[0]: {{server.exchang}}: server has no field"
                                + " 'exchang' in the environment file (fields: id, site, addresses, os, exchange, "),
                problems.get(0));
        assertEquals(
                List.of(
                        rule + ":" + evidence
                                + ":9: rule Q189345: outcomes[0].evidence[0]: {{adress}} names 'adress', which this outcome never has"
                                + " (names: connector, env, server, proxies, firewalls, domains, registry, events, probes, lookups, remoteName, object, fix)",
                        rule + ":" + likely
                                + ":5: rule Q189345: outcomes[1]: outcome likely is unreachable: outcome seen has no conditions and comes first"),
                problems.subList(1, problems.size()));
    }

    /** An action limited to outcomes may name what those outcomes' conditions bind; lint holds it to exactly that. */
    @Test
    void lintLetsAnActionLimitedToOutcomesUseTheirNames() throws Exception {
        Path rule = dir.resolve("Q000002.yaml");
        String text = """
                article: Q000002
                title: t
                summary: s
                when:
                  - {value: server.wspClient.configuredName, ip: false, as: proxyName}
                outcomes:
                  - name: known
                    when:
                      - {value: proxy.internalAddress, ip: true, as: proxyAddress}
                    severity: warning
                    summary: "{{proxyName}} instead of {{proxyAddress}}"
                  - name: unknown
                    severity: warning
                    summary: "{{proxyName}}"
                actions:
                  - ini: {file: Mspclnt.ini, section: Servers Ip Addresses, key: Name, set: "{{proxyAddress}}"}
                    outcomes: [known]
                  - manual: "name {{proxyName}} by address"
                tests:
                  - name: fires
                    environment: {schemaVersion: 2, servers: [{id: EX1, exchange: "5.5", wspClient: {configuredName: P1}}]}
                    expect: [{object: "server:EX1", outcome: unknown}]
                  - name: does not
                    environment: {schemaVersion: 2, servers: [{id: EX1, exchange: "5.5"}]}
                    expect: []
                """;
        Files.writeString(rule, text);
        assertEquals(List.of(), Lint.check(CompiledRule.compile(RuleReader.rule(rule), "lint"), ArticleStore.empty()));

        Files.writeString(rule, text.replace("    outcomes: [known]\n", "    outcomes: [known, unknown]\n"));
        List<String> problems =
                Lint.check(CompiledRule.compile(RuleReader.rule(rule), "lint"), ArticleStore.empty()).stream()
                        .map(RuleException::getMessage)
                        .toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith(rule + ":" + lineOf(rule, "set: \"{{proxyAddress}}\"") + ":"),
                problems.get(0));
        assertTrue(
                problems.get(0)
                        .contains(
                                "actions[0].ini.set: {{proxyAddress}} names 'proxyAddress', which this rule never has"),
                problems.get(0));
    }

    /**
     * A pack reached through a symbolic link is read through it: {@code rules test LINK} runs its tests and
     * {@code rules lint LINK} reads its rule, and a link inside the pack back to the pack itself is no loop.
     */
    @Test
    void aSymlinkedPackDirectoryIsFollowedWithoutGoingRoundALoop() throws Exception {
        Path pack = pack();
        Files.createDirectories(pack.resolve("more"));
        Files.createSymbolicLink(pack.resolve("more/again"), pack); // walking it would find the rule twice
        Path link = Files.createSymbolicLink(dir.resolve("linked-pack"), pack);

        assertEquals(List.of(link.resolve(RULE)), RulePackReader.ruleFiles(link));
        RecordingContext ctx = new RecordingContext(dir);
        assertEquals(ExitStatus.OK, new RulesCommand(PluginSet.empty()).run(ctx, List.of("test", "linked-pack")));
        assertEquals("4 passed, 0 failed", ctx.output().strip());

        ctx.reset();
        assertEquals(ExitStatus.OK, new RulesCommand(PluginSet.empty()).run(ctx, List.of("lint", link.toString())));
        assertEquals("1 rule file, no problems", ctx.output().strip());
    }
}
