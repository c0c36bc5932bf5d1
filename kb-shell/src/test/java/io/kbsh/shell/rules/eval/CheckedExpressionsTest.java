package io.kbsh.shell.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.shell.rules.RuleFormat;
import io.kbsh.shell.rules.RuleReader;
import io.kbsh.shell.rules.pack.PackTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule compiled again from the checked form of its expressions (what the rule cache keeps) is the rule compiled
 * from its text: the bundled pack's own tests pass for every rule so restored, expressions the direct evaluator
 * does not cover go to CEL's interpreter as before, and a form that does not belong to the text is never used.
 */
class CheckedExpressionsTest {

    /** The bundled pack's rule files, beside kb-shell in the reactor. */
    private static final Path BUNDLED = Path.of(System.getProperty("basedir", "."))
            .resolve("../plugins/rules-exchange/src/main/resources/" + RuleFormat.JAR_FOLDER)
            .normalize();

    /** The forms as the rule cache stores them and gives them back: entries, with bytes of their own. */
    private static CheckedExpressions roundTrip(CheckedExpressions c) {
        return CheckedExpressions.of(c.entries().stream()
                .map(e -> new CheckedExpressions.Entry(
                        e.path(), e.text(), e.checked().clone()))
                .toList());
    }

    private static List<Path> bundledRules() throws IOException {
        assertTrue(Files.isRegularFile(BUNDLED.resolve(RuleFormat.MANIFEST)), "the bundled pack in " + BUNDLED);
        try (Stream<Path> files = Files.list(BUNDLED)) {
            return files.filter(f -> f.getFileName().toString().matches("Q\\d+\\.yaml"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyBundledRuleRestoredFromItsCheckedFormPassesItsTests() throws Exception {
        int expressions = 0;
        List<String> failures = new ArrayList<>();
        List<Path> rules = bundledRules();
        assertTrue(rules.size() >= 25, "the bundled rules: " + rules.size());
        for (Path file : rules) {
            CompiledRule fresh = CompiledRule.compile(RuleReader.rule(file), "rules-exchange");
            CheckedExpressions checked = roundTrip(fresh.checkedExpressions());
            assertEquals(fresh.checkedExpressions(), checked, file + ": written and read back unchanged");
            CompiledRule restored = CompiledRule.compile(RuleReader.rule(file), "rules-exchange", checked);
            assertEquals(checked.size(), restored.restoredExpressions(), file + ": every expression restored");
            assertEquals(0, fresh.restoredExpressions(), file + ": compiled from the text");
            expressions += checked.size();
            for (PackTests.Result r :
                    PackTests.run("rules-exchange", restored, Optional.empty(), ArticleStore.empty())) {
                if (!r.passed()) {
                    failures.add(r.rule() + " \"" + r.test() + "\": " + String.join("; ", r.problems()));
                }
            }
        }
        assertTrue(expressions > 50, "CEL expressions in the bundled rules: " + expressions);
        assertEquals(List.of(), failures);
    }

    @Test
    void aRestoredExpressionTheDirectEvaluatorDoesNotCoverIsInterpreted() throws Exception {
        List<String> names = List.of("a", "b", "xs", "ys");
        for (String text : List.of(
                "type(a) == bool", "string(b) == \"1\"", "{\"k\": 1}.size() > 0", "xs.exists(x, int(x) == 1)")) {
            Cel.Program compiled = Cel.compile(text, names, true);
            Cel.Program restored = Cel.restore(text, compiled.checked(), true);
            assertFalse(restored.isDirect(), text);
            for (Map<String, Object> assignment : CelDirectTest.assignments()) {
                assertEquals(
                        CelDirectTest.outcome(() -> compiled.eval(assignment)),
                        CelDirectTest.outcome(() -> restored.eval(assignment)),
                        text + " with " + assignment);
            }
        }
    }

    @Test
    void anExpressionWhoseTextChangedIsCompiledFromTheNewText() throws Exception {
        Path file = bundledRules().get(0);
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        CompiledRule before = CompiledRule.compile(RuleReader.rule(file), "rules-exchange");
        CheckedExpressions checked = before.checkedExpressions();
        // The first let of Q148732 (a filter over the registry): the same place, another text.
        assertTrue(yaml.contains("r.type == \"dword\")"), file + " as this test knows it");
        String edited = yaml.replaceFirst("r\\.type == \"dword\"\\)", "r.type == \"string\")");
        CompiledRule after = CompiledRule.compile(
                RuleReader.rule(edited.getBytes(StandardCharsets.UTF_8), file.toString()), "rules-exchange", checked);
        assertEquals(checked.size() - 1, after.restoredExpressions(), "all but the edited one restored");
        assertTrue(after.lets().get("fixed").text().contains("r.type == \"string\""));
    }

    @Test
    void aCheckedFormThatIsNotOneIsCompiledFromTheText() throws Exception {
        Path file = bundledRules().get(0);
        CompiledRule fresh = CompiledRule.compile(RuleReader.rule(file), "rules-exchange");
        Map.Entry<String, Cel.Program> first =
                fresh.lets().entrySet().iterator().next();
        // An entry for the right place and text whose bytes are no CEL message.
        CheckedExpressions damaged = CheckedExpressions.of(List.of(new CheckedExpressions.Entry(
                "let." + first.getKey(), first.getValue().text(), new byte[] {(byte) 0xff, 0x01, 0x7f})));
        CompiledRule rule = CompiledRule.compile(RuleReader.rule(file), "rules-exchange", damaged);
        assertEquals(0, rule.restoredExpressions());
        assertEquals(fresh.checkedExpressions(), rule.checkedExpressions(), "compiled as from the text");
    }
}
