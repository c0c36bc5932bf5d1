package io.kbsh.shell.article;

import io.kbsh.model.article.ArticleId;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Provider;
import java.util.List;

/** Article-id candidates for Tab completion: all the store knows, capped. */
final class ArticleIdCompletion {
    private static final int LIMIT = 70_000;

    private ArticleIdCompletion() {
    }

    static List<String> candidates(Provider<LuceneArticleStore> store) {
        return store.get().idsStartingWith("Q", LIMIT).stream().map(ArticleId::toString).toList();
    }
}
