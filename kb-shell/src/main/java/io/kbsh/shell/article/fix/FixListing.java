package io.kbsh.shell.article.fix;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import java.util.Objects;

/** One line of a fix list: {@code bug} is recorded as fixed at {@code level}. */
public record FixListing(ArticleId bug, FixLevel level) {
    public FixListing {
        Objects.requireNonNull(bug, "bug");
        Objects.requireNonNull(level, "level");
    }
}
