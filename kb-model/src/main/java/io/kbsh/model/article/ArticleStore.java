package io.kbsh.model.article;

import io.kbsh.model.version.ReleaseLevel;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge kbsh has about articles: look-up, full-text search, citations and the fix levels derived
 * from the archive's fix-list articles. Checks and commands use this interface; the shell provides the
 * implementation.
 *
 * <p>Thread safety: implementations must be safe to query from several threads at once (checks run
 * side by side); the shell's Lucene store and {@link #empty()} are.
 *
 * @since 2.0
 */
public interface ArticleStore {

    Optional<Article> find(ArticleId id);

    /** Ranked results for a query (words, phrases in quotes, field filters such as {@code product:exchange}). */
    List<SearchHit> search(String query, int limit);

    /** Articles that cite {@code id}. */
    List<ArticleId> citedBy(ArticleId id);

    /** The service packs (or hotfix lists) the archive records as fixing {@code id}; empty when none is known. */
    List<FixLevel> fixedIn(ArticleId id);

    /**
     * The known bug articles still open at {@code level} of {@code product} (a canonical product id such as
     * {@code exchange}): those a later service pack of the same release line fixed.
     */
    default List<ArticleId> bugsOpenAt(String product, ReleaseLevel level) {
        return List.of();
    }

    /** Article ids starting with {@code prefix} ({@code Q1870}), for completion; at most {@code limit}. */
    default List<ArticleId> idsStartingWith(String prefix, int limit) {
        return List.of();
    }

    /** How many articles the store holds. */
    default int size() {
        return 0;
    }

    /** A store that knows nothing, for tests and for library use without an archive. */
    static ArticleStore empty() {
        return new ArticleStore() {
            @Override
            public Optional<Article> find(ArticleId id) {
                return Optional.empty();
            }

            @Override
            public List<SearchHit> search(String query, int limit) {
                return List.of();
            }

            @Override
            public List<ArticleId> citedBy(ArticleId id) {
                return List.of();
            }

            @Override
            public List<FixLevel> fixedIn(ArticleId id) {
                return List.of();
            }
        };
    }
}
