package io.kbsh.model.article;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One ranked search result. {@code date} is null when the article carries none.
 *
 * @since 2.0
 */
public record SearchHit(ArticleId id, String title, LocalDate date, float score) {
    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
