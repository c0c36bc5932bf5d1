package io.kbsh.shell.article.fix;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.version.ReleaseLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The table the fix lists give: bug article → (product, release line, pack that fixed it). Packs are
 * cumulative within a line, so when several lists name one bug for a line the earliest pack wins; hotfix
 * lists are kept apart from packs.
 */
public final class FixTable {

    private record Key(ArticleId bug, String product, String release, FixLevel.Kind kind) {
    }

    private final Map<Key, FixLevel> levels = new HashMap<>();
    private final Map<String, Set<ArticleId>> listsByProduct = new TreeMap<>();

    /** Adds what one fix list names. */
    public void add(List<FixListing> listings) {
        for (FixListing l : listings) {
            FixLevel level = l.level();
            listsByProduct.computeIfAbsent(level.product(), p -> new TreeSet<>()).add(level.listedIn());
            levels.merge(new Key(l.bug(), level.product(), level.level().release(), level.kind()), level,
                    (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
        }
    }

    private static final Comparator<FixLevel> EARLIEST = Comparator
            .comparingInt((FixLevel f) -> f.level().servicePack())
            .thenComparing(FixLevel::listedIn);

    /** Every bug → level pair, by bug. */
    public Map<ArticleId, List<FixLevel>> byBug() {
        Map<ArticleId, List<FixLevel>> result = new TreeMap<>();
        levels.forEach((k, v) -> result.computeIfAbsent(k.bug(), b -> new ArrayList<>()).add(v));
        result.values().forEach(l -> l.sort(Comparator.comparing(FixLevel::product)
                .thenComparing(f -> f.level().release()).thenComparing(FixLevel::kind).thenComparing(EARLIEST)));
        return result;
    }

    /** Per product: how many fix-list articles and how many bug → level pairs. */
    public Map<String, int[]> countsByProduct() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        listsByProduct.forEach((p, lists) -> counts.put(p, new int[] {lists.size(), 0}));
        levels.keySet().forEach(k -> counts.get(k.product())[1]++);
        return counts;
    }

    /** The bugs fixed by a pack of {@code level}'s line later than {@code level}: still open there. */
    public static List<ArticleId> openAt(Map<ArticleId, List<FixLevel>> table, String product, ReleaseLevel level) {
        List<ArticleId> open = new ArrayList<>();
        table.forEach((bug, fixes) -> {
            for (FixLevel f : fixes) {
                if (f.kind() == FixLevel.Kind.SERVICE_PACK && f.product().equals(product)
                        && f.level().sameLine(level) && f.level().servicePack() > level.servicePack()) {
                    open.add(bug);
                    break;
                }
            }
        });
        return open;
    }
}
