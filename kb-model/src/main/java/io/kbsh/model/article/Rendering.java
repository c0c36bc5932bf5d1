package io.kbsh.model.article;

/**
 * The form an article was read from, richest first: the plain text carries every field (the category
 * only it has), the Markdown and HTML pages carry the same body under a metadata block, and the page text
 * a browser shows for the HTML loses the page structure. {@link #BRIEF} is what a plugin writes about its
 * article when the archive is not imported.
 *
 * @since 2.0
 */
public enum Rendering {
    TEXT(4),
    MARKDOWN(3),
    HTML(2),
    PAGE_TEXT(1),
    BRIEF(0);

    /** How much of an article the rendering carries, stated rather than read from the declaration order. */
    private final int richness;

    Rendering(int richness) {
        this.richness = richness;
    }

    /** True when this rendering carries more than {@code other}; duplicates keep the richer one. */
    public boolean richerThan(Rendering other) {
        return richness > other.richness;
    }
}
