package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.shell.rules.eval.CompiledRule;
import io.kbsh.shell.rules.eval.Lint;
import io.kbsh.shell.rules.pack.PackTests;
import io.kbsh.shell.rules.pack.RulePack;
import io.kbsh.shell.rules.pack.RulePackReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled rule pack ({@code plugins/rules-exchange}) through the engine {@code rules lint} and
 * {@code rules test} use, read the way it ships: its rule files packed into a JAR under
 * {@code META-INF/kbsh/rules/}. Every rule must lint clean, every test of every rule must pass, and each
 * rule file must be named after its article. A failure names the rule, the test and what went wrong.
 * (RulePackDistributionIT runs the same through the packaged kbsh.)
 */
class BundledRulePackTest {

    /** The pack's sources, beside kb-shell in the reactor. */
    static final Path SOURCES = Path.of(System.getProperty("basedir", "."))
            .resolve("../plugins/rules-exchange/src/main/resources/" + RuleFormat.JAR_FOLDER)
            .normalize();

    @TempDir
    Path dir;

    /** The pack as the build ships it: a JAR holding the rule folder. */
    private RulePack shippedPack() throws IOException, RuleException {
        assertTrue(
                Files.isRegularFile(SOURCES.resolve(RuleFormat.MANIFEST)), "the bundled pack's manifest in " + SOURCES);
        Path jar = dir.resolve("rules-exchange.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(file);
                Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(
                        RuleFormat.JAR_FOLDER + SOURCES.relativize(f).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return RulePackReader.jar(jar, zip);
        }
    }

    @Test
    void everyTestOfEveryBundledRulePasses() throws Exception {
        RulePack pack = shippedPack();
        assertEquals("rules-exchange", pack.id());
        List<PackTests.Result> results = PackTests.run(pack, ArticleStore.empty());
        List<String> failures = new ArrayList<>();
        for (PackTests.Result r : results) {
            if (!r.passed()) {
                failures.add(
                        r.rule() + " \"" + r.test() + "\" (" + r.source() + "): " + String.join("; ", r.problems()));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(results.size() >= 2 * pack.rules().size(), "at least two tests a rule: " + results.size());
    }

    @Test
    void everyBundledRuleLintsCleanAndIsNamedAfterItsArticle() throws Exception {
        RulePack pack = shippedPack();
        List<String> problems = new ArrayList<>();
        for (CompiledRule rule : pack.rules()) {
            Lint.check(rule, ArticleStore.empty()).forEach(p -> problems.add(p.getMessage()));
            String file = rule.source().substring(rule.source().lastIndexOf('/') + 1);
            if (!file.equals(rule.article() + ".yaml")) {
                problems.add(
                        rule.source() + ": the rule for " + rule.article() + " belongs in " + rule.article() + ".yaml");
            }
            if (rule.spec().tests().stream()
                    .anyMatch(t -> t.environment() != null && t.environment().isTextual())) {
                problems.add(rule.source() + ": a rule in a JAR writes its test environments inline");
            }
        }
        assertEquals(List.of(), problems);
        try (Stream<Path> files = Files.list(SOURCES)) {
            long ruleFiles = files.filter(f -> f.getFileName().toString().matches("Q\\d{6}\\.yaml"))
                    .count();
            assertEquals(ruleFiles, pack.rules().size(), "every QNNNNNN.yaml is a rule of the pack");
        }
    }

    /** The pack's tests would be worthless if a broken expectation passed: one broken copy must fail. */
    @Test
    void aBrokenExpectationInTheBundledPackFails() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path rule = copy.resolve("Q193928.yaml");
        String text = Files.readString(rule);
        String expectation = "{object: \"server:EX1\", severity: warning, outcome: likely}";
        assertTrue(text.contains(expectation), expectation);
        Files.writeString(
                rule, text.replace(expectation, "{object: \"server:EX1\", severity: error, outcome: likely}"));
        List<PackTests.Result> failed =
                PackTests.run(RulePackReader.directory(copy, p -> Optional.empty()), ArticleStore.empty()).stream()
                        .filter(r -> !r.passed())
                        .toList();
        assertEquals(1, failed.size(), failed.toString());
        assertEquals(
                List.of("server:EX1: expected severity error, got warning"),
                failed.get(0).problems());
    }

    /** docs/packs.md, beside the modules in the reactor. */
    static final Path PACKS_DOC = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/packs.md")
            .normalize();

    /** A table row: {@code | QNNNNNN | kind | what it looks at | outcomes (severity) | form |}. */
    private static final Pattern ROW = Pattern.compile("^\\| (Q\\d{6}) \\| ([a-z-]+) \\| (.+) \\| (.+) \\| (.+) \\|$");

    /**
     * docs/packs.md cannot drift from the pack: it has one row for every rule and none for a rule the pack
     * does not have; each row names the kind of object the rule is evaluated for and every severity its
     * outcomes can have; its form is one of the candidates file's, and the candidates file's own where the
     * archive beside the checkout has it.
     */
    @Test
    void docsPacksListsEveryRuleWithItsObjectKindSeveritiesAndForm() throws Exception {
        RulePack pack = shippedPack();
        Map<String, Matcher> rows = new TreeMap<>();
        for (String line : Files.readAllLines(PACKS_DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertTrue(rows.put(m.group(1), m) == null, "one row for " + m.group(1));
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> rules = new TreeSet<>();
        for (CompiledRule rule : pack.rules()) {
            String id = rule.article().toString();
            rules.add(id);
            Matcher row = rows.get(id);
            if (row == null) {
                problems.add(id + ": no row in " + PACKS_DOC);
                continue;
            }
            if (!row.group(2).equals(rule.kind().kind())) {
                problems.add(id + ": the row says it is for " + row.group(2) + ", the rule for "
                        + rule.kind().kind());
            }
            for (RuleSpec.OutcomeSpec o : rule.spec().outcomes()) {
                if (!Pattern.compile("\\(" + o.severity() + "\\b")
                        .matcher(row.group(4))
                        .find()) {
                    problems.add(id + ": the row's outcomes do not name severity " + o.severity() + " (outcome "
                            + o.name() + ")");
                }
            }
            if (!row.group(5).matches("(D|D\\+|J)( .*)?")) {
                problems.add(id + ": form '" + row.group(5) + "' is none of D, D+, J");
            }
        }
        Set<String> documentedOnly = new TreeSet<>(rows.keySet());
        documentedOnly.removeAll(rules);
        documentedOnly.forEach(id -> problems.add(id + ": a row for a rule the pack does not have"));
        assertEquals(List.of(), problems);
        assertEquals(rules, rows.keySet());

        String shared = System.getProperty("kbsh.shared");
        Path candidates = shared == null ? null : Path.of(shared, "knowledge", "candidates.md");
        if (candidates == null || !Files.isRegularFile(candidates)) {
            System.out.println("skipped the forms against candidates.md: no kbsh.shared archive beside the checkout");
            return;
        }
        Pattern candidate = Pattern.compile("^\\| (Q\\d{6})[^|]*\\|.*\\| (D\\+?|J) \\|$");
        int compared = 0;
        for (String line : Files.readAllLines(candidates)) {
            Matcher m = candidate.matcher(line);
            if (m.matches() && rows.containsKey(m.group(1))) {
                compared++;
                String form = rows.get(m.group(1)).group(5).split(" ")[0];
                assertEquals(m.group(2), form, m.group(1) + ": the form candidates.md gives");
            }
        }
        assertEquals(rules.size(), compared, "every rule of the pack is a candidate");
    }
}
