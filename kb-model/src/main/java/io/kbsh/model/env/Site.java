package io.kbsh.model.env;

import java.util.Objects;

/**
 * An Exchange site of the organisation.
 *
 * @param id the id servers use
 * @param name a name for people (the id when not given)
 * @param extensions plugin-declared fields
 * @since 2.0 ({@code extensions}: 2.1)
 */
public record Site(String id, String name, Extensions extensions) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** A site named by its id. */
    public Site(String id) {
        this(id, id, Extensions.none());
    }
}
