package io.kbsh.model.finding;

import io.kbsh.model.article.ArticleId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A decision to accept an article's finding for one object until a date: the finding is reported as
 * waived (not failing a gate) until {@code expires} has passed; it is active through that day. Waiver
 * files are read and written by the shell; plugin commands see the session's waivers through
 * {@code CommandContext.waivers()}.
 *
 * @param article the article, e.g. {@code Q254909}
 * @param object the object, e.g. {@code server:EXCH1}
 * @param justification why the finding is accepted
 * @param expires the last day the waiver holds
 * @since 2.1 (in {@code io.kbsh.rules.waiver} before)
 */
public record Waiver(String article, String object, String justification, LocalDate expires) {

    public Waiver {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(expires, "expires");
        article = ArticleId.parse(article).toString();
        ObjectRef.parse(object);
        if (justification.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a justification");
        }
    }

    public ArticleId articleId() {
        return ArticleId.parse(article);
    }

    public ObjectRef objectRef() {
        return ObjectRef.parse(object);
    }

    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    /** True when this waiver is about the finding's article and one of its affected objects. */
    public boolean covers(Finding finding) {
        return finding.article().equals(articleId()) && finding.affected().contains(objectRef());
    }
}
