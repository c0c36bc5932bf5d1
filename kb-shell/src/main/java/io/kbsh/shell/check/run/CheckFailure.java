package io.kbsh.shell.check.run;

import io.kbsh.model.article.ArticleId;

/** A check that threw instead of answering; reported, never allowed to stop the other checks. */
public record CheckFailure(ArticleId article, String message) {
}
