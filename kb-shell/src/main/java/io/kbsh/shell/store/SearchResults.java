package io.kbsh.shell.store;

import io.kbsh.model.article.SearchHit;
import java.util.List;

/**
 * One page of search hits and how many articles match in all, so that {@code search} can say how many
 * there are beyond the page.
 */
public record SearchResults(List<SearchHit> hits, int total) {
    public SearchResults {
        hits = List.copyOf(hits);
    }
}
