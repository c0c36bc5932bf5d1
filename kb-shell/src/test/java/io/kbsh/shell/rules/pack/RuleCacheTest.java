package io.kbsh.shell.rules.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.rules.RuleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up skips compiling rule files it validated before, and only those: a changed byte is compiled again. */
class RuleCacheTest {

    @TempDir
    Path dir;

    private Path pack() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("example-pack"));
        for (String name : List.of("kbsh-pack.yaml", "Q189345.yaml")) {
            try (InputStream in =
                    RuleCacheTest.class.getResourceAsStream("/io/kbsh/shell/rules/example-pack/" + name)) {
                Files.copy(in, pack.resolve(name));
            }
        }
        return pack;
    }

    @Test
    void aValidatedRuleIsCompiledOnlyWhenFirstUsed() throws Exception {
        Path pack = pack();
        Path file = dir.resolve("home/cache/rules-validated.json");
        RuleCache first = RuleCache.at(file);
        RulePack compiledNow = RulePackReader.directory(pack, p -> Optional.empty(), first);
        first.save();
        assertTrue(compiledNow.handles().get(0).isCompiled(), "a rule never seen is compiled while its pack loads");
        assertTrue(Files.isRegularFile(file));

        RulePack later = RulePackReader.directory(pack, p -> Optional.empty(), RuleCache.at(file));
        LazyRule rule = later.handles().get(0);
        assertFalse(rule.isCompiled(), "validated before: not compiled at load");
        assertEquals("Q189345", rule.article().toString());
        assertEquals(
                "XCON: MTA Logs Event 9301 Though X.400 Connector Is Identified",
                rule.brief().title());
        assertEquals(4, rule.compiled().spec().tests().size());
        assertTrue(rule.isCompiled());
    }

    @Test
    void aRuleChangedSinceItWasValidatedIsCompiledAgainAndItsErrorReported() throws Exception {
        Path pack = pack();
        Path file = dir.resolve("home/cache/rules-validated.json");
        RuleCache cache = RuleCache.at(file);
        RulePackReader.directory(pack, p -> Optional.empty(), cache);
        cache.save();
        Path rule = pack.resolve("Q189345.yaml");
        Files.writeString(
                rule, Files.readString(rule, StandardCharsets.UTF_8).replace("e.event == 9301", "e.event == = 9301"));
        RuleException e = assertThrows(
                RuleException.class, () -> RulePackReader.directory(pack, p -> Optional.empty(), RuleCache.at(file)));
        assertEquals("outcomes[0].when[0].cel", e.fieldPath());
    }

    @Test
    void aDamagedCacheIsIgnored() throws Exception {
        Path pack = pack();
        Path file = dir.resolve("rules-validated.json");
        Files.writeString(file, "{ not json");
        RulePack loaded = RulePackReader.directory(pack, p -> Optional.empty(), RuleCache.at(file));
        assertTrue(loaded.handles().get(0).isCompiled());
    }
}
