package io.kbsh.shell.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.internal.DataFiles;
import io.kbsh.shell.rules.PackManifest;
import io.kbsh.shell.rules.RuleFormat;
import io.kbsh.shell.rules.eval.CompiledRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule files this kbsh has compiled without a problem, by checksums of their bytes ({@link #key}), with what the
 * loader needs of each (article, brief, INI file). Start-up skips compiling those (CEL is the costly part,
 * and its classes are then not loaded at all until a rule runs); a changed byte, another kbsh build or
 * another rule format means a new key, so a broken rule is never taken from the cache.
 *
 * <p>The cache is a file in kbsh's home ({@code cache/rules-validated.json}); it is only an optimisation: an
 * unreadable or damaged one is ignored and rewritten. Not thread-safe: the plugin loader uses it alone.
 */
public final class RuleCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 8L << 20;

    private final Optional<Path> file;
    private final String build;
    private final Map<String, JsonNode> entries = new LinkedHashMap<>();
    private final Map<String, JsonNode> used = new LinkedHashMap<>();
    private boolean changed;

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

    /** What identifies this kbsh's rule compiler: the format and the JAR (path and time) it runs from. */
    private static String build() {
        String where = "dev";
        try {
            var source = RuleCache.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                where = p + "@" + Files.getLastModifiedTime(p).toMillis();
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
            JsonNode root = JSON.readTree(DataFiles.read(path, MAX_BYTES, "the rule cache"));
            if (!build.equals(root.path("build").asText())) {
                return;
            }
            root.path("rules").fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        } catch (IOException | RuntimeException e) {
            entries.clear();
        }
    }

    /**
     * The bytes' length and two independent checksums (CRC-32C and a 32-bit polynomial hash): enough to tell an
     * edited file from the one validated (the cache is the user's own file, not a defence against forgery),
     * and cheap at start-up, where a message digest would load the security providers.
     */
    static String key(byte[] content) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(content);
        return content.length + "-" + Long.toHexString(crc.getValue()) + "-"
                + Integer.toHexString(java.util.Arrays.hashCode(content));
    }

    /** The rule in {@code content}, deferred when it was validated before; compiled now otherwise (may throw). */
    LazyRule rule(byte[] content, String source, String packId, Compiler compile)
            throws io.kbsh.shell.rules.RuleException {
        String key = key(content) + " " + packId;
        JsonNode known = file.isPresent() ? entries.get(key) : null;
        if (known != null) {
            Optional<ArticleId> id = ArticleId.tryParse(known.path("article").asText());
            if (id.isPresent()) {
                List<String> products = new ArrayList<>();
                known.path("products").forEach(p -> products.add(p.asText()));
                used.put(key, known);
                return LazyRule.deferred(
                        source,
                        content,
                        packId,
                        new ArticleBrief(
                                id.get(),
                                known.path("title").asText(),
                                products,
                                known.path("summary").asText()),
                        known.hasNonNull("iniFile")
                                ? Optional.of(known.get("iniFile").asText())
                                : Optional.empty());
            }
        }
        LazyRule rule = LazyRule.of(compile.compile());
        if (file.isPresent()) {
            CompiledRule c = rule.compiled();
            ObjectNode n = JSON.createObjectNode();
            n.put("article", c.article().toString())
                    .put("title", c.brief().title())
                    .put("summary", c.brief().summary());
            ArrayNode products = n.putArray("products");
            c.brief().appliesTo().forEach(products::add);
            rule.iniFile().ifPresentOrElse(f -> n.put("iniFile", f), () -> n.putNull("iniFile"));
            used.put(key, n);
            changed = true;
        }
        return rule;
    }

    /** The pack manifest in {@code content}: from the cache when these bytes were read before, so start-up needs no YAML parser. */
    PackManifest manifest(byte[] content, ManifestReader read) throws io.kbsh.shell.rules.RuleException {
        String key = key(content) + " manifest";
        JsonNode known = file.isPresent() ? entries.get(key) : null;
        if (known != null && known.path("format").isInt()) {
            used.put(key, known);
            return new PackManifest(
                    known.path("id").asText(),
                    known.path("name").asText(),
                    known.path("version").asText(),
                    known.path("format").asInt(),
                    known.path("description").asText());
        }
        PackManifest m = read.read();
        if (file.isPresent()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", m.id())
                    .put("name", m.name())
                    .put("version", m.version())
                    .put("format", m.format())
                    .put("description", m.description());
            used.put(key, n);
            changed = true;
        }
        return m;
    }

    /** Reads and checks a manifest now. */
    @FunctionalInterface
    interface ManifestReader {
        PackManifest read() throws io.kbsh.shell.rules.RuleException;
    }

    /** Compiles a rule now. */
    @FunctionalInterface
    interface Compiler {
        CompiledRule compile() throws io.kbsh.shell.rules.RuleException;
    }

    /** Writes the cache when it learnt something (atomically; a failure only means compiling again next time). */
    public void save() {
        if (file.isEmpty() || (!changed && used.size() == entries.size())) {
            return;
        }
        Path path = file.get();
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("build", build);
            ObjectNode rules = root.putObject("rules");
            used.forEach(rules::set);
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), ".rules-validated", ".tmp");
            try {
                Files.write(tmp, JSON.writeValueAsBytes(root));
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // Only an optimisation: the next start compiles the rules again.
        }
    }
}
