package io.kbsh.shell.rules.pack;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.internal.DataFiles;
import io.kbsh.shell.rules.PackManifest;
import io.kbsh.shell.rules.RuleException;
import io.kbsh.shell.rules.RuleFormat;
import io.kbsh.shell.rules.eval.CheckedExpressions;
import io.kbsh.shell.rules.eval.CompiledRule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.ZipEntry;

/**
 * The rule files this kbsh has compiled without a problem, by checksums of their bytes ({@link #key}), with what
 * the loader needs of each (article, brief, INI file) and the checked form of its CEL expressions. Start-up skips
 * compiling those (CEL is the costly part, and its classes are then not loaded at all until a rule runs), and the
 * first use of such a rule compiles it without CEL's parser and type checker. A changed byte, another kbsh build or
 * another rule format means a new key, so a broken rule is never taken from the cache.
 *
 * <p>The cache is a file in kbsh's home ({@code cache/rules-validated.bin}); it is only an optimisation: an
 * unreadable or damaged one (it ends with the CRC-32C of the rest) is ignored and rewritten. It is a small binary
 * file read with {@link DataInputStream} rather than JSON: start-up then loads no parser (Jackson's would cost more
 * than the rest of a pack's loading). Not thread-safe: the plugin loader uses it alone.
 */
public final class RuleCache {

    /** "kbrc", then the layout's version: another layout is simply not read. */
    private static final int MAGIC = 0x6b627263;

    private static final int LAYOUT = 3;
    private static final long MAX_BYTES = 8L << 20;

    private final Optional<Path> file;
    private final String build;
    private final Map<String, KnownRule> rules = new LinkedHashMap<>();
    private final Map<String, PackManifest> manifests = new LinkedHashMap<>();
    private final Map<String, KnownRule> usedRules = new LinkedHashMap<>();
    private final Map<String, PackManifest> usedManifests = new LinkedHashMap<>();
    private boolean changed;

    /**
     * What the loader needs of a rule it does not compile, and the checked form of its CEL expressions for when it
     * is compiled.
     */
    private record KnownRule(ArticleBrief brief, Optional<String> iniFile, CheckedExpressions checked) {}

    private RuleCache(Optional<Path> file) {
        this.file = file;
        this.build = build();
        file.ifPresent(this::read);
    }

    /** No cache: every rule is compiled when its pack loads (tests, library use). */
    public static RuleCache none() {
        return new RuleCache(Optional.empty());
    }

    /** The cache in {@code file}. */
    public static RuleCache at(Path file) {
        return new RuleCache(Optional.of(file));
    }

    /** What identifies this kbsh's rule compiler: the format and the JAR (path, size and time) it runs from. */
    private static String build() {
        String where = "dev";
        try {
            var source = RuleCache.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                // The size too: a reproducible build gives every JAR the same date, and a rebuilt kbsh must not
                // trust what an older one validated.
                where = p + "@" + Files.size(p) + "@"
                        + Files.getLastModifiedTime(p).toMillis();
            }
        } catch (Exception e) {
            // Unknown: the key still holds the format; a stale entry only costs a recompile elsewhere.
        }
        return "format " + RuleFormat.VERSION + " " + where;
    }

    private void read(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return;
            }
            byte[] bytes = DataFiles.read(path, MAX_BYTES, "the rule cache");
            // The last 8 bytes are the CRC-32C of the rest: a damaged file (a flipped bit in a checked expression
            // would change what a rule does without a word) is not read at all.
            if (bytes.length < Long.BYTES || crc(bytes, bytes.length - Long.BYTES) != tail(bytes)) {
                return;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES));
            if (in.readInt() != MAGIC || in.readInt() != LAYOUT || !build.equals(string(in))) {
                return;
            }
            for (int n = count(in); n > 0; n--) {
                manifests.put(
                        string(in), new PackManifest(string(in), string(in), string(in), in.readInt(), string(in)));
            }
            for (int n = count(in); n > 0; n--) {
                String key = string(in);
                ArticleId id = new ArticleId(in.readInt());
                String title = string(in);
                List<String> products = new ArrayList<>();
                for (int p = count(in); p > 0; p--) {
                    products.add(string(in));
                }
                String summary = string(in);
                Optional<String> iniFile = in.readBoolean() ? Optional.of(string(in)) : Optional.empty();
                List<CheckedExpressions.Entry> entries = new ArrayList<>();
                for (int c = count(in); c > 0; c--) {
                    entries.add(new CheckedExpressions.Entry(string(in), string(in), bytes(in)));
                }
                CheckedExpressions checked = CheckedExpressions.of(entries);
                rules.put(key, new KnownRule(new ArticleBrief(id, title, products, summary), iniFile, checked));
            }
        } catch (IOException | RuntimeException e) {
            // Damaged, truncated or from elsewhere: nothing of it is used.
            rules.clear();
            manifests.clear();
        }
    }

    private static long crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /** The last 8 bytes, as {@link DataOutputStream#writeLong} wrote them. */
    private static long tail(byte[] bytes) {
        return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    /** A string as its UTF-8 length and bytes ({@link DataOutputStream#writeUTF} stops at 64 KB). */
    private static String string(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes as their length and themselves. */
    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return bytes;
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * The key of a file's bytes: their length and two independent checksums (CRC-32C and a 32-bit polynomial
     * hash): enough to tell an edited file from the one validated (the cache is the user's own file, not a defence
     * against forgery), and cheap at start-up, where a message digest would load the security providers.
     */
    static String key(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return content.length + "-" + Long.toHexString(crc.getValue()) + "-"
                + Integer.toHexString(Arrays.hashCode(content));
    }

    /**
     * The key of a JAR entry, from the JAR's central directory alone (its name, length and CRC-32): start-up
     * need not read, inflate or hash a rule it validated before. Reading the entry later checks the same CRC, so
     * bytes that no longer match it fail then instead of passing for the rule validated. Empty when the JAR
     * does not record them.
     */
    static Optional<String> key(ZipEntry entry) {
        if (entry.getCrc() < 0 || entry.getSize() < 0) {
            return Optional.empty();
        }
        return Optional.of("zip " + entry.getName() + " " + entry.getSize() + "-" + Long.toHexString(entry.getCrc()));
    }

    /**
     * The rule whose bytes have {@code key}: deferred when it was validated before (its bytes then come from
     * {@code content} when first compiled), compiled now otherwise (may throw). An empty key is never cached.
     */
    LazyRule rule(Optional<String> key, String source, String packId, LazyRule.Content content, Compiler compile)
            throws RuleException {
        Optional<String> packKey = key.map(k -> k + " " + packId);
        KnownRule known = packKey.map(rules::get).orElse(null);
        if (known != null) {
            usedRules.put(packKey.get(), known);
            return LazyRule.deferred(source, content, packId, known.brief(), known.iniFile(), known.checked());
        }
        CompiledRule compiled = compile.compile();
        LazyRule rule = LazyRule.of(compiled);
        if (file.isPresent() && packKey.isPresent()) {
            usedRules.put(packKey.get(), new KnownRule(rule.brief(), rule.iniFile(), compiled.checkedExpressions()));
            changed = true;
        }
        return rule;
    }

    /** The pack manifest whose bytes have {@code key}: from the cache when read before, so start-up needs no YAML parser. */
    PackManifest manifest(Optional<String> key, ManifestReader read) throws RuleException {
        Optional<String> manifestKey = key.map(k -> k + " manifest");
        PackManifest known = manifestKey.map(manifests::get).orElse(null);
        if (known != null) {
            usedManifests.put(manifestKey.get(), known);
            return known;
        }
        PackManifest m = read.read();
        if (file.isPresent() && manifestKey.isPresent()) {
            usedManifests.put(manifestKey.get(), m);
            changed = true;
        }
        return m;
    }

    /** Reads and checks a manifest now. */
    @FunctionalInterface
    interface ManifestReader {
        PackManifest read() throws RuleException;
    }

    /** Compiles a rule now. */
    @FunctionalInterface
    interface Compiler {
        CompiledRule compile() throws RuleException;
    }

    /** Writes the cache when it learnt something (atomically; a failure only means compiling again next time). */
    public void save() {
        if (file.isEmpty()
                || (!changed && usedRules.size() == rules.size() && usedManifests.size() == manifests.size())) {
            return;
        }
        Path path = file.get();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(LAYOUT);
            string(out, build);
            out.writeInt(usedManifests.size());
            for (Map.Entry<String, PackManifest> e : usedManifests.entrySet()) {
                PackManifest m = e.getValue();
                string(out, e.getKey());
                string(out, m.id());
                string(out, m.name());
                string(out, m.version());
                out.writeInt(m.format());
                string(out, m.description());
            }
            out.writeInt(usedRules.size());
            for (Map.Entry<String, KnownRule> e : usedRules.entrySet()) {
                ArticleBrief brief = e.getValue().brief();
                string(out, e.getKey());
                out.writeInt(brief.id().number());
                string(out, brief.title());
                out.writeInt(brief.appliesTo().size());
                for (String product : brief.appliesTo()) {
                    string(out, product);
                }
                string(out, brief.summary());
                Optional<String> iniFile = e.getValue().iniFile();
                out.writeBoolean(iniFile.isPresent());
                if (iniFile.isPresent()) {
                    string(out, iniFile.get());
                }
                List<CheckedExpressions.Entry> entries = e.getValue().checked().entries();
                out.writeInt(entries.size());
                for (CheckedExpressions.Entry c : entries) {
                    string(out, c.path());
                    string(out, c.text());
                    bytes(out, c.checked());
                }
            }
            out.flush();
            out.writeLong(crc(bytes.toByteArray(), bytes.size()));
            out.flush();
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), ".rules-validated", ".tmp");
            try {
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // Only an optimisation: the next start compiles the rules again.
        }
    }
}
