package io.kbsh.shell.store;

import java.util.List;
import java.util.Map;

/**
 * What an import did: articles imported, duplicate renderings merged into them, files rejected (with the
 * reason, file and line), and what the fix lists gave per product (lists, bug → level pairs).
 */
public record ImportReport(String source, int imported, int merged, List<String> rejected,
                           Map<String, int[]> fixListsByProduct, long millis) {
    public ImportReport {
        rejected = List.copyOf(rejected);
        fixListsByProduct = Map.copyOf(fixListsByProduct);
    }
}
