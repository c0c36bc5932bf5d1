package io.kbsh.shell.rules.pack;

import io.kbsh.model.internal.DataFiles;
import io.kbsh.shell.rules.PackManifest;
import io.kbsh.shell.rules.RuleException;
import io.kbsh.shell.rules.RuleFormat;
import io.kbsh.shell.rules.RuleReader;
import io.kbsh.shell.rules.eval.CompiledRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a rule pack: a directory with a {@value RuleFormat#MANIFEST} and rule files (in it or in
 * sub-directories), or a JAR with both under {@value RuleFormat#JAR_FOLDER}. A pack loads whole or not at
 * all: the first problem is a {@link RuleException} naming file, line, column and rule. Every file must pass
 * {@code trust} (the plugin loader's ownership and permission checks) before it is read.
 */
public final class RulePackReader {

    /** A path's trust problem, if any (the plugin loader's ssh-style checks). */
    @FunctionalInterface
    public interface Trust {
        Optional<String> distrust(Path path) throws IOException;
    }

    private static final int MAX_DEPTH = 4;

    private RulePackReader() {}

    /** True when {@code directory} is a rule pack (it holds a manifest). */
    public static boolean isPackDirectory(Path directory) {
        return Files.isRegularFile(directory.resolve(RuleFormat.MANIFEST));
    }

    /** True when {@code jar} carries a rule pack. */
    public static boolean hasRules(ZipFile jar) {
        return jar.getEntry(RuleFormat.JAR_FOLDER + RuleFormat.MANIFEST) != null;
    }

    /** Reads and compiles every rule of the pack directory {@code directory}. */
    public static RulePack directory(Path directory, Trust trust) throws RuleException, IOException {
        return directory(directory, trust, RuleCache.none());
    }

    /** As {@link #directory(Path, Trust)}, taking rules validated before from {@code cache} (compiled when first used). */
    public static RulePack directory(Path directory, Trust trust, RuleCache cache) throws RuleException, IOException {
        Path manifestFile = directory.resolve(RuleFormat.MANIFEST);
        check(trust, manifestFile);
        byte[] manifestBytes = DataFiles.read(manifestFile, RuleFormat.FILE_BYTES, "a rule pack manifest");
        PackManifest manifest = cache.manifest(
                Optional.of(RuleCache.key(manifestBytes)), () -> manifest(manifestBytes, manifestFile.toString()));
        List<Path> files = ruleFiles(directory);
        if (files.size() > RuleFormat.MAX_RULES) {
            throw new RuleException(
                    directory.toString(), 0, 0, "", "", "more than " + RuleFormat.MAX_RULES + " rule files");
        }
        List<LazyRule> rules = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            check(trust, file);
            byte[] content = DataFiles.read(file, RuleFormat.FILE_BYTES, "a rule file");
            String source = file.toString();
            add(
                    rules,
                    seen,
                    cache.rule(
                            Optional.of(RuleCache.key(content)),
                            source,
                            manifest.id(),
                            content::clone,
                            () -> CompiledRule.compile(RuleReader.rule(content, source), manifest.id())),
                    source);
        }
        return new RulePack(manifest, directory, rules, Optional.of(directory));
    }

    /**
     * The rule files under {@code directory}, sorted, test data left out: at most {@value #MAX_DEPTH} levels
     * deep, following symbolic links — {@code directory} itself may be one, as may a folder in it — but never
     * round a loop (a link back to a folder being walked is not entered again, so nothing is read twice
     * through it). The paths are spelt under {@code directory} as given, so errors name what the person typed.
     */
    public static List<Path> ruleFiles(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()
                        && RuleFormat.isRuleFile(file.getFileName().toString())
                        && !isTestData(directory, file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE; // walked already, on the way here
                }
                throw e;
            }
        });
        files.sort(null);
        return List.copyOf(files);
    }

    /** Test data lives in a {@code tests/} folder of the pack and is not rules. */
    private static boolean isTestData(Path pack, Path file) {
        Path relative = pack.relativize(file);
        return relative.getNameCount() > 1 && relative.getName(0).toString().equals("tests");
    }

    /** Reads and compiles every rule under {@value RuleFormat#JAR_FOLDER} of {@code jar}. */
    public static RulePack jar(Path jarPath, ZipFile jar) throws RuleException, IOException {
        return jar(jarPath, jar, RuleCache.none());
    }

    /** As {@link #jar(Path, ZipFile)}, taking rules validated before from {@code cache}. */
    public static RulePack jar(Path jarPath, ZipFile jar, RuleCache cache) throws RuleException, IOException {
        String prefix = jarPath.getFileName() + "!/";
        ZipEntry manifestEntry = jar.getEntry(RuleFormat.JAR_FOLDER + RuleFormat.MANIFEST);
        PackManifest manifest = cache.manifest(
                RuleCache.key(manifestEntry),
                () -> manifest(readEntry(jar, manifestEntry), prefix + manifestEntry.getName()));
        List<ZipEntry> entries = new ArrayList<>();
        var all = jar.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            String name = e.getName();
            if (!e.isDirectory()
                    && name.startsWith(RuleFormat.JAR_FOLDER)
                    && !name.startsWith(RuleFormat.JAR_FOLDER + "tests/")
                    && RuleFormat.isRuleFile(name.substring(name.lastIndexOf('/') + 1))) {
                entries.add(e);
            }
        }
        entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
        if (entries.size() > RuleFormat.MAX_RULES) {
            throw new RuleException(
                    jarPath.toString(), 0, 0, "", "", "more than " + RuleFormat.MAX_RULES + " rule files");
        }
        List<LazyRule> rules = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (ZipEntry e : entries) {
            String source = prefix + e.getName();
            add(
                    rules,
                    seen,
                    cache.rule(
                            RuleCache.key(e),
                            source,
                            manifest.id(),
                            () -> laterEntry(jarPath, e),
                            () -> CompiledRule.compile(RuleReader.rule(readEntry(jar, e), source), manifest.id())),
                    source);
        }
        return new RulePack(manifest, jarPath, rules, Optional.empty());
    }

    /** A rule entry's bytes read while its JAR is open, as a rule error naming the entry when it cannot be. */
    private static byte[] readEntry(ZipFile jar, ZipEntry e) throws RuleException {
        try {
            return entry(jar, e);
        } catch (IOException x) {
            throw new RuleException(jar.getName() + "!/" + e.getName(), 0, 0, "", "", x.getMessage());
        }
    }

    /**
     * A validated rule's bytes, read when it is first compiled: from the JAR as it is now, and only while the entry
     * is the one validated (same length and CRC-32, which reading it checks against the bytes).
     */
    private static byte[] laterEntry(Path jarPath, ZipEntry validated) throws IOException {
        try (ZipFile jar = new ZipFile(jarPath.toFile())) {
            ZipEntry now = jar.getEntry(validated.getName());
            if (now == null || now.getCrc() != validated.getCrc() || now.getSize() != validated.getSize()) {
                throw new IOException("the JAR changed since kbsh started; start kbsh again");
            }
            return entry(jar, now);
        }
    }

    private static void add(List<LazyRule> rules, Map<String, String> seen, LazyRule rule, String source)
            throws RuleException {
        String earlier = seen.putIfAbsent(rule.article().toString(), source);
        if (earlier != null) {
            throw new RuleException(
                    source,
                    0,
                    0,
                    rule.article().toString(),
                    "article",
                    "a second rule for " + rule.article() + " in one pack (the first is " + earlier + ")");
        }
        rules.add(rule);
    }

    private static PackManifest manifest(byte[] content, String source) throws RuleException {
        RuleReader.Document<PackManifest> doc = RuleReader.manifest(content, source);
        PackManifest m = doc.value();
        if (!m.id().matches("[a-z][a-z0-9._-]{0,63}")) {
            throw doc.problem(
                    "",
                    "id",
                    "a pack id is lower case letters, digits, '.', '_' and '-', starting with a letter: '" + m.id()
                            + "'");
        }
        if (m.format() != RuleFormat.VERSION) {
            throw doc.problem(
                    "",
                    "format",
                    "the pack is written in rule format " + m.format() + ", but this kbsh reads format "
                            + RuleFormat.VERSION);
        }
        return m;
    }

    private static byte[] entry(ZipFile jar, ZipEntry e) throws IOException {
        try (InputStream in = jar.getInputStream(e)) {
            return DataFiles.readAtMost(
                    in,
                    RuleFormat.FILE_BYTES,
                    () -> new IOException(e.getName() + ": larger than the " + RuleFormat.FILE_BYTES
                            + " bytes a rule file may have"));
        }
    }

    private static void check(Trust trust, Path file) throws RuleException, IOException {
        Optional<String> why = trust.distrust(file);
        if (why.isPresent()) {
            throw new RuleException(file.toString(), 0, 0, "", "", why.get());
        }
        if (!Files.isRegularFile(file)) {
            throw new RuleException(file.toString(), 0, 0, "", "", "not a regular file");
        }
    }
}
