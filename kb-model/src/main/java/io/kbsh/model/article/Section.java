package io.kbsh.model.article;

import java.util.Objects;
import java.util.Optional;

/**
 * One section of an article's body: its underlined heading (absent for untitled text) and its text.
 *
 * @since 2.0
 */
public record Section(Optional<String> heading, String text) {
    public Section {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(text, "text");
    }

    public static Section untitled(String text) {
        return new Section(Optional.empty(), text);
    }

    public static Section titled(String heading, String text) {
        return new Section(Optional.of(heading), text);
    }
}
