package io.kbsh.model.product;

import java.util.List;
import java.util.Objects;

/**
 * A product kbsh knows by one canonical id ({@code exchange}, {@code proxy}, {@code winnt}, …), with the
 * names the archive uses for it. The environment model and the shell use the same ids.
 *
 * @since 2.0
 */
public record Product(String id, String name, List<String> aliases) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("product id must be lower case: " + id);
        }
    }
}
