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
    TEXT, MARKDOWN, HTML, PAGE_TEXT, BRIEF;

    /** True when this rendering carries more than {@code other}; duplicates keep the richer one. */
    public boolean richerThan(Rendering other) {
        return ordinal() < other.ordinal();
    }
}
