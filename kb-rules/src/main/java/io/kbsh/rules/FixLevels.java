package io.kbsh.rules;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import io.kbsh.model.version.ReleaseLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an article is fixed, per release line of one product. Service packs are cumulative within a line
 * only, so each line (4.0, 5.0, 5.5) is answered on its own: a fix in 4.0 SP5 says nothing about 5.0.
 *
 * <p>For each line the article store's {@code fixedIn} wins when it names a level of that line; otherwise
 * the plugin's own fact is used; the answer says which source it used. Of the store's levels the most
 * trusted source's is taken ({@link FixLevel.Source}: a fix list, then the article's STATUS section, then
 * its keywords), and of that source's the earliest pack; the note names it ({@code listed in Q242221},
 * {@code the STATUS section of Q232448}).
 *
 * <p>Thread safety: immutable once built; safe to share between checks running at once.
 *
 * @since 2.0
 */
public final class FixLevels {

    private final String product;
    private final Map<String, FixReference> byLine;

    private FixLevels(String product, Map<String, FixReference> byLine) {
        this.product = product;
        this.byLine = byLine;
    }

    /**
     * The fix level of every release line of {@code product} for {@code article}: the article store's, or the
     * plugin's own fact for a line the store knows nothing of.
     *
     * @param productId the canonical product id (e.g. {@code exchange}); the store's fix levels count only
     *                  when their product is the same product, by id or by any of its names
     * @param pluginFacts the fixing level of each line as the plugin's authors recorded it
     * @param pluginNote where the plugin's facts come from, e.g. {@code fix list Q242221}
     */
    public static FixLevels resolve(
            ArticleId article,
            String product,
            String productId,
            List<ReleaseLevel> pluginFacts,
            String pluginNote,
            ArticleStore store) {
        Map<String, FixReference> lines = new HashMap<>();
        for (ReleaseLevel level : pluginFacts) {
            lines.put(level.release(), new FixReference(product, level, FixReference.Origin.PLUGIN, pluginNote));
        }
        String wanted = canonical(productId);
        Map<String, FixLevel> fromStore = new HashMap<>();
        for (FixLevel fix : store.fixedIn(article)) {
            // Whole products, not substrings: "exchange" must not take the Exchange Client's fix lists.
            if (!canonical(fix.product()).equals(wanted)) {
                continue;
            }
            // The most trusted source wins (fix list, then STATUS, then keywords); within one, the earliest pack.
            fromStore.merge(
                    fix.level().release(),
                    fix,
                    (a, b) -> a.source() != b.source()
                            ? (a.source().compareTo(b.source()) < 0 ? a : b)
                            : (a.fixingPack().servicePack() <= b.fixingPack().servicePack() ? a : b));
        }
        fromStore.forEach((release, fix) -> lines.put(
                release,
                new FixReference(
                        product,
                        fix.fixingPack(),
                        FixReference.Origin.ARTICLE_STORE,
                        fix.origin()
                                + (fix.kind() == FixLevel.Kind.HOTFIX ? " as a hotfix after " + fix.level() : ""))));
        return new FixLevels(product, Map.copyOf(lines));
    }

    private static String canonical(String product) {
        return Products.resolve(product).map(Product::id).orElse(product.trim().toLowerCase(Locale.ROOT));
    }

    /** The fix known for {@code installed}'s release line, with its source. */
    public FixReference referenceFor(ReleaseLevel installed) {
        FixReference ref = byLine.get(installed.release());
        return ref != null ? ref : FixReference.none(product, "");
    }

    /** True when the installed level is below the fix of its line, or no fix is known for its line. */
    public boolean affected(ReleaseLevel installed) {
        FixReference ref = byLine.get(installed.release());
        return ref == null
                || ref.level().map(fixed -> !installed.atLeast(fixed)).orElse(true);
    }

    /** The level to install to be fixed, when one is known for the line. */
    public Optional<ReleaseLevel> target(ReleaseLevel installed) {
        return Optional.ofNullable(byLine.get(installed.release())).flatMap(FixReference::level);
    }
}
