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
 * The table the archive gives: bug article → (product, release line, pack that fixed it), from each of its
 * three sources (fix lists, the bugs' STATUS sections, their keywords) kept apart so that they can be
 * compared. Packs are cumulative within a line, so when one source names a bug for a line several times the
 * earliest pack wins; hotfix lists are kept apart from packs.
 */
public final class FixTable {

    private record Key(ArticleId bug, String product, String release, FixLevel.Kind kind, FixLevel.Source source) {}

    private final Map<Key, FixLevel> levels = new HashMap<>();
    private final Map<String, Set<ArticleId>> listsByProduct = new TreeMap<>();

    /** Adds what one article names: a fix list's bugs, or a bug article's own statements. */
    public void add(List<FixListing> listings) {
        for (FixListing l : listings) {
            FixLevel level = l.level();
            if (level.source() == FixLevel.Source.FIX_LIST) {
                listsByProduct
                        .computeIfAbsent(level.product(), p -> new TreeSet<>())
                        .add(level.listedIn());
            }
            levels.merge(
                    new Key(l.bug(), level.product(), level.level().release(), level.kind(), level.source()),
                    level,
                    (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
        }
    }

    private static final Comparator<FixLevel> EARLIEST =
            Comparator.comparingInt((FixLevel f) -> f.level().servicePack()).thenComparing(FixLevel::listedIn);

    /** Every bug → level pair, by bug. */
    public Map<ArticleId, List<FixLevel>> byBug() {
        Map<ArticleId, List<FixLevel>> result = new TreeMap<>();
        levels.forEach((k, v) ->
                result.computeIfAbsent(k.bug(), b -> new ArrayList<>()).add(v));
        result.values()
                .forEach(l -> l.sort(Comparator.comparing(FixLevel::product)
                        .thenComparing(f -> f.level().release())
                        .thenComparing(FixLevel::source)
                        .thenComparing(FixLevel::kind)
                        .thenComparing(EARLIEST)));
        return result;
    }

    /** Per product: how many fix-list articles and how many bug → level pairs the fix lists give. */
    public Map<String, int[]> countsByProduct() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        listsByProduct.forEach((p, lists) -> counts.put(p, new int[] {lists.size(), 0}));
        levels.keySet().stream()
                .filter(k -> k.source() == FixLevel.Source.FIX_LIST)
                .forEach(k -> counts.get(k.product())[1]++);
        return counts;
    }

    /** Per source: how many bug articles it gives a level for. */
    public Map<FixLevel.Source, Integer> bugsBySource() {
        Map<FixLevel.Source, Set<ArticleId>> bugs = new TreeMap<>();
        levels.keySet()
                .forEach(k ->
                        bugs.computeIfAbsent(k.source(), s -> new TreeSet<>()).add(k.bug()));
        Map<FixLevel.Source, Integer> counts = new LinkedHashMap<>();
        bugs.forEach((s, b) -> counts.put(s, b.size()));
        return counts;
    }

    /**
     * The bugs fixed by a pack of {@code level}'s line later than {@code level}: still open there. Each bug is
     * judged by its most trusted source for the line ({@link #trusted}), so a fix list saying SP1 is not
     * overruled by a STATUS sentence saying SP2.
     */
    public static List<ArticleId> openAt(Map<ArticleId, List<FixLevel>> table, String product, ReleaseLevel level) {
        List<ArticleId> open = new ArrayList<>();
        table.forEach((bug, fixes) -> trusted(fixes, product, level.release())
                .filter(f -> f.kind() == FixLevel.Kind.SERVICE_PACK && f.level().servicePack() > level.servicePack())
                .ifPresent(f -> open.add(bug)));
        return open;
    }

    /**
     * The level to go by for one product's release line: from the most trusted source that names the line
     * (fix list, then STATUS section, then keywords — the order of {@link FixLevel.Source}), the earliest
     * pack that carries the fix.
     */
    public static java.util.Optional<FixLevel> trusted(List<FixLevel> levels, String product, String release) {
        return levels.stream()
                .filter(f -> f.product().equals(product) && f.level().release().equals(release))
                .min(Comparator.comparing(FixLevel::source)
                        .thenComparingInt((FixLevel f) -> f.fixingPack().servicePack())
                        .thenComparing(FixLevel::kind)
                        .thenComparing(FixLevel::listedIn));
    }
}
