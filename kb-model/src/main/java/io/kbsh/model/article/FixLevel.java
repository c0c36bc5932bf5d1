package io.kbsh.model.article;

import io.kbsh.model.version.ReleaseLevel;
import java.util.Objects;

/**
 * Where a bug article is recorded as fixed: a product's service pack within a release line (or a hotfix
 * list after a pack), according to a fix-list article of the archive.
 *
 * @param product  the canonical product id of {@link io.kbsh.model.product.Products} ({@code exchange},
 *                 {@code winnt}, …); compare it whole, since ids may share a prefix ({@code exchange-client})
 * @param level    the release line and pack; for a {@link Kind#HOTFIX} list, the pack the hotfixes follow
 * @param listedIn the fix-list article that says so
 *
 * @since 2.0
 */
public record FixLevel(String product, ReleaseLevel level, Kind kind, ArticleId listedIn) {

    /**
     * Whether a fix list names a service pack or hotfixes that follow one.
     *
     * @since 2.0
     */
    public enum Kind { SERVICE_PACK, HOTFIX }

    public FixLevel {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(listedIn, "listedIn");
    }
}
