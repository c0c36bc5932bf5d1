package io.kbsh.rules.waiver;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A decision to accept an article's finding for one object until a date: the finding is reported as
 * waived (not failing a gate) until {@code expires} has passed; it is active through that day.
 *
 * @since 2.0
 */
public record Waiver(@JsonProperty(required = true) String article,
                     @JsonProperty(required = true) String object,
                     @JsonProperty(required = true) String justification,
                     @JsonProperty(required = true) LocalDate expires) {

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
