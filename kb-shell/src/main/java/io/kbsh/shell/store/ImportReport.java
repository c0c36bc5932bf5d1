package io.kbsh.shell.store;

import io.kbsh.model.article.FixLevel;
import java.util.List;
import java.util.Map;

/**
 * What an import did: articles imported, duplicate renderings merged into them, files rejected (with the
 * reason, file and line), what the fix lists gave per product (lists, bug → level pairs), and how many bug
 * articles each source of fix levels covers (fix lists, STATUS sections, keywords).
 */
public record ImportReport(
        String source,
        int imported,
        int merged,
        List<String> rejected,
        Map<String, int[]> fixListsByProduct,
        Map<FixLevel.Source, Integer> bugsBySource,
        long millis) {
    public ImportReport {
        rejected = List.copyOf(rejected);
        fixListsByProduct = Map.copyOf(fixListsByProduct);
        bugsBySource = java.util.Collections.unmodifiableMap(new java.util.EnumMap<FixLevel.Source, Integer>(
                bugsBySource.isEmpty() ? new java.util.EnumMap<>(FixLevel.Source.class) : bugsBySource));
    }
}
