package io.kbsh.shell.rules.pack;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.shell.rules.RuleException;
import io.kbsh.shell.rules.RuleReader;
import io.kbsh.shell.rules.eval.CheckedExpressions;
import io.kbsh.shell.rules.eval.CompiledRule;
import java.io.IOException;
import java.util.Optional;

/**
 * A rule of a loaded pack, compiled when first needed. A rule file whose exact bytes this kbsh validated
 * before ({@link RuleCache}) is not compiled at start-up: what the loader and the listings need (its article,
 * brief and INI writer) comes from the cache, and CEL is only loaded when a check or command first uses it. A
 * rule in a JAR is then not even read at start-up: its bytes are fetched from the JAR when first compiled.
 * Any other rule is compiled while its pack loads, so a broken rule is always a load failure.
 *
 * <p>Thread safety: safe to share; the first caller compiles, every caller sees that one compiled rule.
 */
public final class LazyRule {

    /** Where a deferred rule's bytes come from when it is first compiled. */
    @FunctionalInterface
    interface Content {
        byte[] read() throws IOException;
    }

    private final String source;
    private final Content content;
    private final String packId;
    private final ArticleBrief brief;
    private final Optional<String> iniFile;
    /** The checked form of its CEL expressions the cache kept: spares CEL's parser and checker at the compile. */
    private final CheckedExpressions checked;

    private volatile CompiledRule compiled;

    private LazyRule(
            String source,
            Content content,
            String packId,
            ArticleBrief brief,
            Optional<String> iniFile,
            CheckedExpressions checked,
            CompiledRule compiled) {
        this.source = source;
        this.content = content;
        this.packId = packId;
        this.brief = brief;
        this.iniFile = iniFile;
        this.checked = checked;
        this.compiled = compiled;
    }

    /** A rule compiled now. */
    public static LazyRule of(CompiledRule rule) {
        Optional<String> ini = rule.spec().actions().stream()
                .filter(a -> a.ini() != null)
                .map(a -> a.ini().file())
                .findFirst();
        return new LazyRule(
                rule.source(), () -> new byte[0], rule.packId(), rule.brief(), ini, CheckedExpressions.none(), rule);
    }

    /**
     * A rule validated before, to be compiled from {@code content} when first used, with the checked form of its
     * expressions that validation gave ({@code checked}; none is fine).
     */
    static LazyRule deferred(
            String source,
            Content content,
            String packId,
            ArticleBrief brief,
            Optional<String> iniFile,
            CheckedExpressions checked) {
        return new LazyRule(source, content, packId, brief, iniFile, checked, null);
    }

    public ArticleId article() {
        return brief.id();
    }

    public ArticleBrief brief() {
        return brief;
    }

    public String source() {
        return source;
    }

    /** The file its INI edits change, when it has any: its INI writer's target. */
    public Optional<String> iniFile() {
        return iniFile;
    }

    public String writerId() {
        return brief.id().toString().toLowerCase(java.util.Locale.ROOT) + "-rule";
    }

    /** The checked form of its expressions it was given (none unless deferred by the rule cache). */
    CheckedExpressions checked() {
        return checked;
    }

    /** True once the rule has been compiled (at load, or by its first use). */
    boolean isCompiled() {
        return compiled != null;
    }

    /**
     * The compiled rule; a rule file changed since it was validated fails here, with its file:line:column, as does
     * one that now holds another article than the one the cache named.
     */
    public CompiledRule compiled() {
        CompiledRule c = compiled;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (compiled == null) {
                CompiledRule rule;
                try {
                    rule = CompiledRule.compile(RuleReader.rule(content.read(), source), packId, checked);
                } catch (RuleException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                } catch (IOException e) {
                    throw new IllegalStateException(source + ": cannot read the rule: " + e.getMessage(), e);
                }
                if (!rule.article().equals(brief.id())) {
                    throw new IllegalStateException(source + ": the file now holds a rule for " + rule.article()
                            + ", not " + brief.id() + "; start kbsh again to load it");
                }
                compiled = rule;
            }
            return compiled;
        }
    }
}
