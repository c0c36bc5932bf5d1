package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.shell.store.Archive;
import io.kbsh.shell.store.ImportProgress;
import io.kbsh.shell.store.LuceneArticleStore;
import io.kbsh.testkit.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules lint} on real files: every problem of a file at once (each unknown field, and the checks that
 * need the rule read — unreachable outcomes, templates naming absent values), as text and as
 * {@code kbsh.rule-lint} JSON; and, with the archive imported, a fix level that the archive's fix lists
 * contradict.
 */
class RuleLintTest {

    @TempDir
    Path dir;

    private Path rule(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = RuleLintTest.class.getResourceAsStream("example-pack/Q189345.yaml")) {
            Files.copy(in, file);
        }
        return file;
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

    private int lint(RecordingContext ctx, String... arguments) throws Exception {
        List<String> args = new ArrayList<>(List.of("lint"));
        args.addAll(List.of(arguments));
        return new RulesCommand(PluginSet.empty()).run(ctx, args);
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceAsTextAndAsJson() throws Exception {
        Path rule = rule("Q189345.yaml");
        replace(rule, "for: connector\n", "for: connector\nimpact: 0.7\n");
        replace(rule, "    severity: info\n", "    severity: info\n    scop: stated\n");
        replace(
                rule,
                "  - name: seen\n    when:\n      - cel: 'events.exists(e, e.event == 9301 && e.source == \"MSExchangeMTA\")'\n",
                "  - name: seen\n");
        RecordingContext text = new RecordingContext(dir);
        assertEquals(ExitStatus.FAILED, lint(text, rule.toString()));
        List<String> lines = text.output().lines().toList();
        assertEquals(
                List.of(
                        rule + ":" + lineOf(rule, "impact:")
                                + ":1: rule Q189345: impact: unknown field 'impact' (expected one of: actions, applies,"
                                + " article, fix, for, format, let, outcomes, products, summary, tests, title, verify, when)",
                        rule + ":" + lineOf(rule, "scop:")
                                + ":5: rule Q189345: outcomes[1].scop: unknown field 'scop' (expected one of: evidence, fix,"
                                + " name, scope, severity, summary, when)",
                        rule + ":" + lineOf(rule, "- name: likely")
                                + ":5: rule Q189345: outcomes[1]: outcome likely is unreachable: outcome seen has"
                                + " no conditions and comes first",
                        "1 rule file, 3 problems"),
                lines,
                text.output());

        RecordingContext json = new RecordingContext(dir);
        assertEquals(ExitStatus.FAILED, lint(json, rule.toString(), "--json"));
        JsonNode doc = new ObjectMapper().readTree(json.output());
        assertEquals("kbsh.rule-lint", doc.get("schema").asText());
        assertEquals(1, doc.get("schemaVersion").asInt());
        assertEquals(1, doc.get("files").asInt());
        assertEquals(3, doc.get("problems").size());
        JsonNode unknown = doc.get("problems").get(1);
        assertEquals(rule.toString(), unknown.get("file").asText());
        assertEquals(lineOf(rule, "scop:"), unknown.get("line").asInt());
        assertEquals(5, unknown.get("column").asInt());
        assertEquals("Q189345", unknown.get("rule").asText());
        assertEquals("outcomes[1].scop", unknown.get("field").asText());
        assertTrue(unknown.get("problem").asText().startsWith("unknown field 'scop'"), unknown.toString());
        assertEquals(lines.get(1), unknown.get("message").asText());

        RecordingContext clean = new RecordingContext(dir);
        assertEquals(ExitStatus.OK, lint(clean, rule("clean.yaml").toString(), "--json"));
        JsonNode none = new ObjectMapper().readTree(clean.output());
        assertEquals(0, none.get("problems").size(), clean.output());
    }

    @Test
    void aBrokenFileIsOneProblemAtItsPlaceAndTheOthersAreStillLinted() throws Exception {
        Files.createDirectories(dir.resolve("pack"));
        Files.writeString(dir.resolve("pack/kbsh-pack.yaml"), "id: lint-pack\nname: Lint\nversion: 1.0.0\nformat: 1\n");
        Path good = Files.move(rule("Q189345.yaml"), dir.resolve("pack/Q189345.yaml"));
        Path bad = dir.resolve("pack/Q000002.yaml");
        Files.writeString(
                bad,
                "article: Q000002\ntitle: t\nsummary: s\noutcomes:\n  - severity: warning\n    summary: [not, text]\n");
        replace(good, "{{server.exchange}}, whose MTA", "{{server.exchang}}, whose MTA");
        RecordingContext ctx = new RecordingContext(dir);
        assertEquals(ExitStatus.FAILED, lint(ctx, dir.resolve("pack").toString()));
        String out = ctx.output();
        assertTrue(out.contains(bad + ":6:14: rule Q000002: outcomes[0].summary: wrong type: expected text"), out);
        assertTrue(
                out.contains(
                        good + ":" + lineOf(good, "server.exchang}}") + ":9: rule Q189345: outcomes[0].evidence[0]:"
                                + " {{server.exchang}}: server has no field 'exchang'"),
                out);
        assertTrue(out.endsWith("2 rule files, 2 problems\n"), out);
    }

    /**
     * A rule with a problem in four parts (applies, a condition's CEL, an outcome's severity, an action): lint names
     * all four in one run, in the file's order, though the compiler meets the action before the outcome's CEL.
     */
    /** The example rule with each {@code from} replaced by the {@code to} after it, and what lint says of it. */
    private record Linted(Path rule, List<String> lines) {}

    private Linted lintExampleWith(String... fromTo) throws Exception {
        Path rule = rule("Q189345.yaml");
        for (int i = 0; i < fromTo.length; i += 2) {
            replace(rule, fromTo[i], fromTo[i + 1]);
        }
        RecordingContext ctx = new RecordingContext(dir);
        assertEquals(ExitStatus.FAILED, lint(ctx, rule.toString()), ctx.output());
        return new Linted(rule, ctx.output().lines().toList());
    }

    @Test
    void everyPartOfARuleThatDoesNotCompileIsReportedInOneRun() throws Exception {
        Linted linted = lintExampleWith(
                "releases: [\"5.5\"]", "releases: [\"5.5\", \"five\"]",
                "events.exists(e, e.event == 9301", "events.exists(e, e.evnt == 9301 &&& true",
                "    severity: info\n", "    severity: dire\n",
                "  - servicePack: fix\n", "  - servicePack: SP9\n");
        Path rule = linted.rule();
        List<String> lines = linted.lines();
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertEquals(
                rule + ":" + lineOf(rule, "\"five\"") + ":21: rule Q189345: applies.releases[1]: a release line looks"
                        + " like 5.5: 'five'",
                lines.get(0));
        assertTrue(lines.get(1).startsWith(rule + ":" + lineOf(rule, "&&& true") + ":"), lines.get(1));
        assertTrue(lines.get(1).contains(": rule Q189345: outcomes[0].when[0].cel: CEL: "), lines.get(1));
        assertEquals(
                rule + ":" + lineOf(rule, "severity: dire") + ":15: rule Q189345: outcomes[1].severity: not a severity"
                        + " (info, warning, error, critical): 'dire'",
                lines.get(2));
        assertTrue(
                lines.get(3)
                        .startsWith(
                                rule + ":" + lineOf(rule, "servicePack: SP9") + ":18: rule Q189345:"
                                        + " actions[1].servicePack: 'fix' (the level that fixes the object's line) or a level: "),
                lines.get(3));
        assertEquals("1 rule file, 4 problems", lines.get(4));
    }

    /**
     * Values of the wrong shape, as a slip of indentation makes them (a list or an object where text belongs): lint
     * names each at its place in one run, and does not compile what it read. A word where a list belongs stops
     * the reading, so it is named last.
     */
    @Test
    void everyValueOfTheWrongShapeIsReportedInOneRun() throws Exception {
        Linted linted = lintExampleWith(
                "    severity: warning\n", "    severity: {level: warning}\n",
                "      - \"{{fix.source}}\"\n", "      - [\"{{fix.source}}\"]\n",
                "    severity: info\n", "    severity: info\n    scope: [stated]\n",
                // A word where a list belongs is a coercion Jackson refuses outright: the reading stops there, last.
                "tests:\n", "verify: none\ntests:\n");
        Path rule = linted.rule();
        String head = rule + ":";
        assertEquals(
                List.of(
                        head + lineOf(rule, "{level: warning}") + ":15: rule Q189345: outcomes[0].severity: wrong type:"
                                + " expected text",
                        head + lineOf(rule, "[\"{{fix.source}}\"]") + ":9: rule Q189345: outcomes[0].evidence[3]:"
                                + " wrong type: expected text",
                        head + lineOf(rule, "scope: [stated]") + ":12: rule Q189345: outcomes[1].scope: wrong type:"
                                + " expected text",
                        head + lineOf(rule, "verify: none") + ":9: rule Q189345: verify: wrong type: expected a list",
                        "1 rule file, 4 problems"),
                linted.lines());
    }

    /** A condition is one kind (cel, all, any, not), or a value (or probe) with exactly one test; lint names which. */
    @Test
    void aConditionIsOneKindOrAValueWithOneTest() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(
                "  - cel: 'true'\n    all: []\n",
                ":7:5: rule Q000003: when[0]: a condition is exactly one of: value (or probe) with a test, cel, all,"
                        + " any, not");
        cases.put(
                "  - value: server.exchange\n    equals: '5.5'\n    in: ['5.5']\n",
                ":7:5: rule Q000003: when[0]: a value condition has one test, not equals and in");
        cases.put(
                "  - value: server.exchange\n",
                ":7:5: rule Q000003: when[0]: a value condition needs one test: equals, in, matches, ip, present,"
                        + " absent, below, atLeast or belowFix");
        lintSays("Q000003", "when", cases);
    }

    /** 'applies' takes the environment file's words for a server's components and roles; lint names the one it is not. */
    @Test
    void appliesNamesAComponentOrRoleItDoesNotKnow() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(
                "  components: [mta, smtp]\n",
                ":7:21: rule Q000004: applies.components[1]: 'smtp' is not a component (mta, information-store, directory,"
                        + " internet-mail)");
        cases.put(
                "  roles: [bridgehead]\n",
                ":7:11: rule Q000004: applies.roles[0]: 'bridgehead' is not a role (primary-domain-controller,"
                        + " backup-domain-controller, domain-controller, global-catalog)");
        lintSays("Q000004", "applies", cases);
    }

    /**
     * Each case is the {@code section} of a server rule {@code article} that lint fails, saying the case's words
     * after the file's name.
     */
    private void lintSays(String article, String section, Map<String, String> cases) throws Exception {
        String head = "article: " + article + "\ntitle: t\nproducts: [x]\nsummary: s\nfor: server\n" + section + ":\n";
        String tail = "outcomes:\n  - severity: info\n    summary: s\n";
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = dir.resolve("case" + n++ + ".yaml");
            Files.writeString(file, head + c.getKey() + tail, StandardCharsets.UTF_8);
            RecordingContext ctx = new RecordingContext(dir);
            assertEquals(ExitStatus.FAILED, lint(ctx, file.toString()), ctx.output());
            assertTrue(ctx.output().contains(file + c.getValue()), ctx.output());
        }
    }

    /**
     * The archive's fix list Q242221 (Exchange 5.5 SP1) lists Q187225; a rule that says the article was fixed in
     * SP2 contradicts it, and lint says so, naming the fix list. Pinned, the rule's own level stands.
     */
    @Test
    void aFixLevelTheImportedArchiveContradictsIsReported() throws Exception {
        Path archive = dir.resolve("archive");
        Archive.extract(archive, "Q242221", "Q187225");
        try (LuceneArticleStore store = new LuceneArticleStore(dir.resolve("index"), List::of)) {
            store.importArchive(archive, ImportProgress.NONE);
            Path rule = rule("Q187225.yaml");
            // The example's own level, 5.5 SP2, is the contradiction: Q187225 was fixed in SP1.
            replace(rule, "article: Q189345", "article: Q187225");
            RecordingContext ctx = new RecordingContext(dir).withService(ArticleStore.class, store);
            assertEquals(ExitStatus.FAILED, lint(ctx, rule.toString()));
            assertTrue(
                    ctx.output().contains(rule + ":" + lineOf(rule, "levels: [\"5.5 SP2\"]") + ":")
                            && ctx.output()
                                    .contains(
                                            "rule Q187225: fix.levels[0]: the rule says 5.5 SP2, but Q242221 lists it under 5.5 SP1"
                                                    + " (the archive wins unless the rule pins its level)"),
                    ctx.output());

            RecordingContext withoutArchive = new RecordingContext(dir);
            assertEquals(
                    ExitStatus.OK,
                    lint(withoutArchive, rule.toString()),
                    "without the index there is nothing to contradict: " + withoutArchive.output());

            replace(rule, "  levels: [\"5.5 SP2\"]\n", "  levels: [\"5.5 SP2\"]\n  pinned: true\n");
            RecordingContext pinned = new RecordingContext(dir).withService(ArticleStore.class, store);
            assertEquals(ExitStatus.OK, lint(pinned, rule.toString()), pinned.output());
        }
    }
}
