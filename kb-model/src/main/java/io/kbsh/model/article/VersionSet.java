package io.kbsh.model.article;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One group of the {@code PROD/VER} field: an optional platform and its versions, e.g. {@code winnt:4.0,5.0}
 * is platform {@code winnt} with versions {@code 4.0} and {@code 5.0}.
 *
 * @since 2.0
 */
public record VersionSet(Optional<String> platform, List<String> versions) {
    public VersionSet {
        Objects.requireNonNull(platform, "platform");
        versions = List.copyOf(versions);
    }

    @Override
    public String toString() {
        return platform.map(p -> p + ":").orElse("") + String.join(",", versions);
    }
}
