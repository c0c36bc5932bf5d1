package io.kbsh.model.article;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One ranked search result. {@code date} is empty when the article carries none.
 *
 * @since 2.0 ({@code date} is {@code Optional} since 2.1)
 */
public record SearchHit(ArticleId id, String title, Optional<LocalDate> date, float score) {
    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
    }
}
