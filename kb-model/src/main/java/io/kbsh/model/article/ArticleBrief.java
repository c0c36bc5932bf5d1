package io.kbsh.model.article;

import java.util.List;
import java.util.Objects;

/**
 * What a plugin knows of the article it encodes, written by the plugin's authors: id, title, the products
 * and versions it applies to (e.g. {@code Microsoft Exchange Server 5.5}) and a summary in kbsh's own words.
 * The shell answers {@code show} and {@code search} from these before the archive is imported.
 *
 * @since 2.0
 */
public record ArticleBrief(ArticleId id, String title, List<String> appliesTo, String summary) {
    public ArticleBrief {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        appliesTo = List.copyOf(appliesTo);
    }
}
