package io.kbsh.model.article;

import java.time.LocalDate;
import java.util.Objects;

/** A KnowledgeBase article. (Placeholder shape; the article model grows here.) */
public record Article(ArticleId id, String title, LocalDate date) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
