package io.kbsh.testkit;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.SearchHit;
import io.kbsh.model.version.ReleaseLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ArticleStore} held in memory, for tests of checks and commands that read articles: add articles
 * (or the brief a plugin writes of its own), say where each is fixed, and which bugs a release still has.
 * Search is plain: every word of the query must occur in the title or body (case-insensitive); hits are
 * ordered by how often the words occur, then by id. Citations come from the articles' own {@code cites}.
 *
 * <p>Not thread-safe while being filled; read it from any thread afterwards.
 */
public final class InMemoryArticleStore implements ArticleStore {

    private final Map<ArticleId, Article> articles = new LinkedHashMap<>();
    private final Map<ArticleId, List<FixLevel>> fixes = new LinkedHashMap<>();
    private final Map<String, List<ArticleId>> openBugs = new LinkedHashMap<>();

    /** Adds {@code article}, replacing one of the same id. */
    public InMemoryArticleStore add(Article article) {
        articles.put(article.id(), article);
        return this;
    }

    /** Adds the minimal article a plugin's {@link ArticleBrief} describes. */
    public InMemoryArticleStore add(ArticleBrief brief) {
        return add(Article.fromBrief(brief));
    }

    /** Records that {@code bug} is fixed at {@code level}, as a fix-list article would. */
    public InMemoryArticleStore fixedIn(ArticleId bug, FixLevel level) {
        fixes.computeIfAbsent(bug, b -> new ArrayList<>()).add(level);
        return this;
    }

    /** Records that {@code bug} is still open at {@code product} {@code level} (what {@link #bugsOpenAt} answers). */
    public InMemoryArticleStore openAt(String product, ReleaseLevel level, ArticleId bug) {
        openBugs.computeIfAbsent(key(product, level), k -> new ArrayList<>()).add(bug);
        return this;
    }

    private static String key(String product, ReleaseLevel level) {
        return product.toLowerCase(Locale.ROOT) + " " + level;
    }

    @Override
    public Optional<Article> find(ArticleId id) {
        return Optional.ofNullable(articles.get(id));
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        List<SearchHit> hits = new ArrayList<>();
        for (Article a : articles.values()) {
            String text = (a.title() + "\n" + a.bodyText()).toLowerCase(Locale.ROOT);
            int score = 0;
            boolean all = true;
            for (String w : words) {
                int n = occurrences(text, w);
                all &= n > 0;
                score += n;
            }
            if (all && !words.get(0).isEmpty()) {
                hits.add(new SearchHit(a.id(), a.title(), a.date(), score));
            }
        }
        hits.sort(Comparator.comparingDouble((SearchHit h) -> -h.score()).thenComparing(h -> h.id().toString()));
        return List.copyOf(hits.subList(0, Math.min(Math.max(limit, 0), hits.size())));
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }

    @Override
    public List<ArticleId> citedBy(ArticleId id) {
        return articles.values().stream()
                .filter(a -> a.cites().contains(id))
                .map(Article::id)
                .toList();
    }

    @Override
    public List<FixLevel> fixedIn(ArticleId id) {
        return List.copyOf(fixes.getOrDefault(id, List.of()));
    }

    @Override
    public List<ArticleId> bugsOpenAt(String product, ReleaseLevel level) {
        return List.copyOf(openBugs.getOrDefault(key(product, level), List.of()));
    }

    @Override
    public List<ArticleId> idsStartingWith(String prefix, int limit) {
        String p = prefix.toUpperCase(Locale.ROOT);
        return articles.keySet().stream()
                .filter(id -> id.toString().toUpperCase(Locale.ROOT).startsWith(p))
                .sorted(Comparator.comparing(ArticleId::toString))
                .limit(Math.max(limit, 0))
                .toList();
    }

    @Override
    public int size() {
        return articles.size();
    }
}
