package io.kbsh.model.article;

import io.kbsh.model.version.ReleaseLevel;
import java.util.Objects;

/**
 * Where a bug article is recorded as fixed: a product's service pack within a release line (or hotfixes
 * after a pack), according to the archive — a fix-list article, or the bug article's own STATUS section or
 * keywords.
 *
 * @param product  the canonical product id of {@link io.kbsh.model.product.Products} ({@code exchange},
 *                 {@code winnt}, …); compare it whole, since ids may share a prefix ({@code exchange-client})
 * @param level    the release line and pack; for a {@link Kind#HOTFIX} level, the pack the hotfixes follow
 * @param listedIn the article that says so: the fix list, or for {@link Source#STATUS} and
 *                 {@link Source#KEYWORDS} the bug article itself
 * @param source   which of the archive's statements this level comes from (since 2.1)
 *
 * @since 2.0
 */
public record FixLevel(String product, ReleaseLevel level, Kind kind, ArticleId listedIn, Source source) {

    /**
     * Whether a fix list names a service pack or hotfixes that follow one.
     *
     * @since 2.0
     */
    public enum Kind {
        SERVICE_PACK,
        HOTFIX
    }

    /**
     * The archive's three statements of where a bug is fixed, in the order they are trusted when they
     * disagree: a fix list is the pack's own inventory; a STATUS sentence ("first corrected in … Service
     * Pack 3") is the bug article's word; a keyword ({@code exc55sp2fix}) is an index term added to it.
     *
     * @since 2.1
     */
    public enum Source {
        /** A fix-list article (a list of bugs a pack fixed, a pack's README, a post-pack hotfix list). */
        FIX_LIST("fix list"),
        /** The bug article's STATUS section names the pack that first corrected the problem. */
        STATUS("STATUS section"),
        /** The bug article's keywords name the fixing pack ({@code exc55sp2fix}, {@code kbexchange550presp4fix}). */
        KEYWORDS("keywords");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** How the source is named in listings: {@code fix list}, {@code STATUS section}, {@code keywords}. */
        public String label() {
            return label;
        }
    }

    public FixLevel {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(listedIn, "listedIn");
        Objects.requireNonNull(source, "source");
    }

    /** A level from a fix-list article, as 2.0 had it. */
    public FixLevel(String product, ReleaseLevel level, Kind kind, ArticleId listedIn) {
        this(product, level, kind, listedIn, Source.FIX_LIST);
    }

    /**
     * The first service pack of the line that carries the fix: the level itself for a pack, the next pack
     * for hotfixes that follow one (they are folded into it).
     *
     * @since 2.1
     */
    public ReleaseLevel fixingPack() {
        return kind == Kind.HOTFIX ? new ReleaseLevel(level.release(), level.servicePack() + 1) : level;
    }

    /**
     * Where this level is stated, in words: {@code listed in Q242221}, {@code the STATUS section of Q232448},
     * {@code the keywords of Q195666}.
     *
     * @since 2.1
     */
    public String origin() {
        return switch (source) {
            case FIX_LIST -> "listed in " + listedIn;
            case STATUS -> "the STATUS section of " + listedIn;
            case KEYWORDS -> "the keywords of " + listedIn;
        };
    }
}
