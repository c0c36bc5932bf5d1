package io.kbsh.model.finding;

import io.kbsh.model.version.ReleaseLevel;
import java.util.Objects;

/**
 * Which service pack fixes the article in the affected release line, and where that knowledge came from:
 * the article store (the archive's fix lists) or the plugin's own facts. {@code level} is null when no
 * fix is known for the line.
 *
 * @since 2.0
 */
public record FixReference(String product, ReleaseLevel level, Origin origin, String note) {

    /**
     * Where a fix level came from.
     *
     * @since 2.0
     */
    public enum Origin {
        /** The article store's {@code fixedIn}, from the archive's fix-list articles. */
        ARTICLE_STORE,
        /** The plugin's own fact, used when the store knows nothing for this line. */
        PLUGIN,
        /** Nobody records a fix for this line. */
        NONE
    }

    public FixReference {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(origin, "origin");
        note = note == null ? "" : note;
    }

    public String describe() {
        if (level == null) {
            return "no fix recorded for this release line";
        }
        String where = switch (origin) {
            case ARTICLE_STORE -> "article store";
            case PLUGIN -> "plugin";
            case NONE -> "unknown";
        };
        return "fixed in " + product + " " + level + " (source: " + where + (note.isEmpty() ? "" : ", " + note) + ")";
    }
}
