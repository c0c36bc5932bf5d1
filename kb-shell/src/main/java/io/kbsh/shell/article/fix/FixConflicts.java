package io.kbsh.shell.article.fix;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.version.ReleaseLevel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the archive's sources disagree about one bug: for one product's release line, the fix list, the
 * STATUS section and the keywords name different packs as the first to carry the fix (hotfixes count as the
 * pack that follows them). A source that names no level for the line is silent, not a disagreement.
 *
 * @param bySource each source's earliest level for the line, in the order of trust
 */
public record FixConflicts(ArticleId bug, String product, String release, Map<FixLevel.Source, FixLevel> bySource) {

    public FixConflicts {
        Objects.requireNonNull(bug, "bug");
        bySource = java.util.Collections.unmodifiableMap(new EnumMap<>(bySource));
    }

    /** The level kbsh goes by (the most trusted source's, see {@link FixTable#trusted}). */
    public FixLevel trusted() {
        return bySource.values().iterator().next();
    }

    /** The disagreements among {@code levels}, all about {@code bug}: one per product and line that has any. */
    public static List<FixConflicts> of(ArticleId bug, List<FixLevel> levels) {
        Map<String, Map<FixLevel.Source, FixLevel>> lines = new TreeMap<>();
        for (FixLevel f : levels) {
            Map<FixLevel.Source, FixLevel> line = lines.computeIfAbsent(
                    f.product() + "\t" + f.level().release(), k -> new EnumMap<>(FixLevel.Source.class));
            line.merge(
                    f.source(),
                    f,
                    (a, b) -> a.fixingPack().servicePack() <= b.fixingPack().servicePack() ? a : b);
        }
        List<FixConflicts> out = new ArrayList<>();
        lines.forEach((key, bySource) -> {
            long packs = bySource.values().stream()
                    .map(FixLevel::fixingPack)
                    .map(ReleaseLevel::servicePack)
                    .distinct()
                    .count();
            if (packs > 1) {
                String[] k = key.split("\t");
                out.add(new FixConflicts(bug, k[0], k[1], bySource));
            }
        });
        return out;
    }

    /** {@code fix list: 5.5 SP1 (Q242221); STATUS section: 5.5 SP2} — each source's level, trusted first. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        bySource.forEach((source, f) -> parts.add(source.label() + ": " + f.fixingPack()
                + (f.kind() == FixLevel.Kind.HOTFIX
                        ? " (hotfixes after SP" + f.level().servicePack() + ")"
                        : "")
                + (source == FixLevel.Source.FIX_LIST ? " (" + f.listedIn() + ")" : "")));
        return String.join("; ", parts);
    }
}
