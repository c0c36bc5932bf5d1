package io.kbsh.shell.store;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The articles the loaded plugins encode, from their own metadata: what {@code show} and {@code search}
 * know before the archive is imported. Search here is plain word matching over title, applies-to and
 * summary; every word must occur.
 */
final class BriefArticles {

    private final Map<ArticleId, ArticleBrief> briefs = new LinkedHashMap<>();

    BriefArticles(List<ArticleBrief> list) {
        for (ArticleBrief b : list) {
            briefs.putIfAbsent(b.id(), b);
        }
    }

    Optional<Article> find(ArticleId id) {
        return Optional.ofNullable(briefs.get(id)).map(Article::fromBrief);
    }

    List<ArticleId> ids() {
        return List.copyOf(briefs.keySet());
    }

    List<SearchHit> search(String query, int limit) {
        List<String> words = new ArrayList<>();
        for (String w : query.toLowerCase(Locale.ROOT).replace("\"", " ").split("\\s+")) {
            if (!w.isBlank() && !w.contains(":")) {
                words.add(w);
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        for (ArticleBrief b : briefs.values()) {
            String title = b.title().toLowerCase(Locale.ROOT);
            String all = (b.id() + " " + b.title() + " " + String.join(" ", b.appliesTo()) + " " + b.summary())
                    .toLowerCase(Locale.ROOT);
            if (!words.isEmpty() && words.stream().allMatch(all::contains)) {
                float score = words.stream().filter(title::contains).count() + 1f;
                hits.add(new SearchHit(b.id(), b.title(), java.util.Optional.empty(), score));
            }
        }
        hits.sort(Comparator.comparingDouble((SearchHit h) -> -h.score()).thenComparing(SearchHit::id));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }
}
