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

    /** A cache that has validated {@code pack}, saved in kbsh's home under {@link #dir}. */
    private Path validated(Path pack) throws Exception {
        Path file = dir.resolve("home/cache/rules-validated.bin");
        RuleCache cache = RuleCache.at(file);
        RulePackReader.directory(pack, p -> Optional.empty(), cache);
        cache.save();
        return file;
    }

    @Test
    void aValidatedRuleIsCompiledOnlyWhenFirstUsed() throws Exception {
        Path pack = pack();
        Path file = dir.resolve("home/cache/rules-validated.bin");
        RuleCache first = RuleCache.at(file);
        RulePack compiledNow = RulePackReader.directory(pack, p -> Optional.empty(), first);
        first.save();
        assertTrue(compiledNow.handles().get(0).isCompiled(), "a rule never seen is compiled while its pack loads");
        assertTrue(Files.isRegularFile(file));

        RulePack later = RulePackReader.directory(pack, p -> Optional.empty(), RuleCache.at(file));
        LazyRule rule = later.handles().get(0);
        assertFalse(rule.isCompiled(), "validated before: not compiled at load");
        // What the first load's compile made of its CEL expressions, kept for this one's compile.
        assertEquals(compiledNow.handles().get(0).compiled().checkedExpressions(), rule.checked());
        assertTrue(rule.checked().size() > 0);
        assertEquals("Q189345", rule.article().toString());
        assertEquals(
                "XCON: MTA Logs Event 9301 Though X.400 Connector Is Identified",
                rule.brief().title());
        assertEquals(4, rule.compiled().spec().tests().size());
        assertTrue(rule.isCompiled());
    }

    @Test
    void theRulesValidatedBeforeCompileInTheBackgroundWhenAsked() throws Exception {
        Path pack = pack();
        Path file = validated(pack);
        RulePack later = RulePackReader.directory(pack, p -> Optional.empty(), RuleCache.at(file));
        assertFalse(later.handles().get(0).isCompiled());
        Thread compiling = RulePack.compileInBackground(List.of(later));
        assertTrue(compiling.isDaemon(), "never keeps kbsh from exiting");
        compiling.join();
        assertTrue(later.handles().stream().allMatch(LazyRule::isCompiled));
    }

    @Test
    void aRuleChangedSinceItWasValidatedIsCompiledAgainAndItsErrorReported() throws Exception {
        Path pack = pack();
        Path file = validated(pack);
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
        Path file = dir.resolve("rules-validated.bin");
        Files.writeString(file, "{ not json");
        RulePack loaded = RulePackReader.directory(pack, p -> Optional.empty(), RuleCache.at(file));
        assertTrue(loaded.handles().get(0).isCompiled());
    }

    @Test
    void aTruncatedCacheIsIgnoredAndRewritten() throws Exception {
        Path pack = pack();
        Path file = validated(pack);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));

        RuleCache damaged = RuleCache.at(file);
        RulePack loaded = RulePackReader.directory(pack, p -> Optional.empty(), damaged);
        assertTrue(loaded.handles().get(0).isCompiled(), "nothing is taken from a cut-off cache");
        damaged.save();
        assertEquals(whole.length, Files.size(file), "and it is written whole again");
        RulePack next = RulePackReader.directory(pack, p -> Optional.empty(), RuleCache.at(file));
        assertFalse(next.handles().get(0).isCompiled());
        assertEquals(loaded.manifest(), next.manifest(), "the manifest comes back from the cache as it was read");
    }

    @Test
    void aCacheWithAFlippedBitIsIgnored() throws Exception {
        Path pack = pack();
        Path file = validated(pack);
        byte[] bytes = Files.readAllBytes(file);
        // A bit inside the checked expressions (the rule's entry is at the end, before the checksum): without the
        // checksum a damaged expression would load and change what the rule does.
        bytes[bytes.length - 40] ^= 0x04;
        Files.write(file, bytes);
        RulePack loaded = RulePackReader.directory(pack, p -> Optional.empty(), RuleCache.at(file));
        assertTrue(loaded.handles().get(0).isCompiled(), "compiled from its text, nothing taken from the cache");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RuleCacheTest.class.getResourceAsStream("/io/kbsh/shell/rules/example-pack/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The example pack as a JAR, with {@code rule}'s text as its one rule. */
    private Path jar(String name, String rule) throws IOException {
        Path jar = dir.resolve(name);
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of("kbsh-pack.yaml", "Q189345.yaml")) {
                out.putNextEntry(new java.util.zip.ZipEntry("META-INF/kbsh/rules/" + entry));
                byte[] bytes = entry.equals("Q189345.yaml") ? rule.getBytes(StandardCharsets.UTF_8) : resource(entry);
                out.write(bytes);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static RulePack readJar(Path jar, RuleCache cache) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return RulePackReader.jar(jar, zip, cache);
        }
    }

    @Test
    void aValidatedRuleInAJarIsReadFromItOnlyWhenFirstCompiled() throws Exception {
        String rule = new String(resource("Q189345.yaml"), StandardCharsets.UTF_8);
        Path jar = jar("pack.jar", rule);
        Path file = dir.resolve("home/cache/rules-validated.bin");
        RuleCache cache = RuleCache.at(file);
        assertTrue(readJar(jar, cache).handles().get(0).isCompiled());
        cache.save();

        LazyRule deferred = readJar(jar, RuleCache.at(file)).handles().get(0);
        assertFalse(deferred.isCompiled(), "validated before: neither read nor compiled at load");
        assertEquals("Q189345", deferred.compiled().article().toString(), "read from the JAR when first used");

        // The JAR replaced after start-up by one whose rule is broken: the deferred rule refuses the new bytes.
        LazyRule stale = readJar(jar, RuleCache.at(file)).handles().get(0);
        Files.move(
                jar("next.jar", rule.replace("e.event == 9301", "e.event == = 9301")),
                jar,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IllegalStateException e = assertThrows(IllegalStateException.class, stale::compiled);
        assertTrue(e.getMessage().contains("the JAR changed since kbsh started"), e.getMessage());

        // And the next start sees a new entry (another CRC-32), compiles it and reports where it is broken.
        RuleException broken = assertThrows(RuleException.class, () -> readJar(jar, RuleCache.at(file)));
        assertEquals("outcomes[0].when[0].cel", broken.fieldPath());
    }
}
