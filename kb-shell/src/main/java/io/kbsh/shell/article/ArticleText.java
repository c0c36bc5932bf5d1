package io.kbsh.shell.article;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.store.LuceneArticleStore;
import java.util.List;

/** What the article commands print alike: ids, fix levels, the hint to import, notices. */
final class ArticleText {

    static final String IMPORT_HINT = "the KB archive is not imported; only the plugins' own articles are known."
            + " Import it with: import PATH/kbarchive-txt.zip (or the archive's GitHub zip or a directory)";

    /** {@code --json}, as every article command spells it. */
    static final OptionSpec JSON = OptionSpec.flag("json", "print JSON (schemas in docs/json.md)");

    private ArticleText() {}

    /** {@code {"id": ..., "title": ...}} of {@code id}, with the title the store knows (JSON null when none). */
    static ObjectNode brief(ArrayNode into, LuceneArticleStore store, ArticleId id) {
        ObjectNode n = into.addObject();
        n.put("id", id.toString());
        JsonOutput.put(n, "title", store.titleOf(id));
        return n;
    }

    static ArticleId id(String word) throws UsageException {
        return ArticleId.tryParse(word)
                .orElseThrow(() -> new UsageException("not an article id: '" + word + "' (write it like Q187225)"));
    }

    /** {@code Exchange Server 5.5 SP1}, or {@code … hotfixes after SP3} for a hotfix list. */
    static String level(FixLevel f) {
        String product = Products.byId(f.product())
                .map(Product::name)
                .orElse(f.product())
                .replaceFirst("^Microsoft ", "");
        return f.kind() == FixLevel.Kind.HOTFIX
                ? product + " " + f.level().release() + " hotfixes after SP"
                        + f.level().servicePack()
                : product + " " + f.level();
    }

    /** The JSON name of a fix level's source: {@code fix-list}, {@code status}, {@code keywords}. */
    static String sourceKey(FixLevel.Source source) {
        return source.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A product's release line in words: {@code Exchange Server 5.5}. */
    static String line(String productId, String release) {
        return Products.byId(productId).map(Product::name).orElse(productId).replaceFirst("^Microsoft ", "") + " "
                + release;
    }

    /** Prints the store's notices and, before an import, how to import; to the warning stream. */
    static void notices(CommandContext context, LuceneArticleStore store) {
        store.notice().ifPresent(n -> context.err().println("note: " + n));
        if (!store.imported()) {
            context.err().println("note: " + IMPORT_HINT);
        }
    }

    static String join(List<ArticleId> ids) {
        StringBuilder b = new StringBuilder();
        for (ArticleId id : ids) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(id);
        }
        return b.toString();
    }
}
