package io.kbsh.model.finding;

import io.kbsh.model.version.ReleaseLevel;
import java.util.Objects;
import java.util.Optional;

/**
 * Which service pack fixes the article in the affected release line, and where that knowledge came from:
 * the article store (the archive's fix lists) or the plugin's own facts. {@code level} is empty when no
 * fix is known for the line (origin {@link Origin#NONE}).
 *
 * @since 2.0 ({@code level} is {@code Optional} since 2.1)
 */
public record FixReference(String product, Optional<ReleaseLevel> level, Origin origin, String note) {

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
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(origin, "origin");
        note = note == null ? "" : note;
    }

    /**
     * The fix {@code level} of {@code product}, known from {@code origin}.
     *
     * @since 2.1
     */
    public FixReference(String product, ReleaseLevel level, Origin origin, String note) {
        this(product, Optional.of(level), origin, note);
    }

    /**
     * No fix recorded for the line: origin {@link Origin#NONE}, {@code why} in the note.
     *
     * @since 2.1
     */
    public static FixReference none(String product, String why) {
        return new FixReference(product, Optional.empty(), Origin.NONE, why);
    }

    /** One line: the level and its source, or that no fix is recorded. */
    public String describe() {
        if (level.isEmpty()) {
            return "no fix recorded for this release line";
        }
        String where = switch (origin) {
            case ARTICLE_STORE -> "article store";
            case PLUGIN -> "plugin";
            case NONE -> "unknown";
        };
        return "fixed in " + product + " " + level.get() + " (source: " + where + (note.isEmpty() ? "" : ", " + note)
                + ")";
    }
}
