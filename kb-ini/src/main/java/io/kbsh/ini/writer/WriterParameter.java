package io.kbsh.ini.writer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter an {@link IniWriter} takes, described for listings ({@code ini writers}) and checked by
 * {@link WriterArguments#parse}.
 *
 * @param name         how it is passed: {@code --param name=value}; lower case, digits and dashes
 * @param type         how the value is checked
 * @param description  one line for the admin
 * @param defaultValue the value when the parameter is not given; empty for an optional parameter
 *                     without default (or a required one)
 * @param required     true when it must be given
 * @param choices      the allowed values of a {@link ParameterType#CHOICE} or {@link ParameterType#CHOICE_LIST}
 *
 * @since 2.0
 */
public record WriterParameter(
        String name,
        ParameterType type,
        String description,
        Optional<String> defaultValue,
        boolean required,
        List<String> choices) {

    public WriterParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("parameter name must be lower case letters, digits and dashes: " + name);
        }
        if ((type == ParameterType.CHOICE || type == ParameterType.CHOICE_LIST) == choices.isEmpty()) {
            throw new IllegalArgumentException("choices are given exactly for CHOICE and CHOICE_LIST: " + name);
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("a required parameter has no default: " + name);
        }
    }

    /** Free text with a default. */
    public static WriterParameter text(String name, String description, String defaultValue) {
        return new WriterParameter(name, ParameterType.TEXT, description, Optional.of(defaultValue), false, List.of());
    }

    /** One of {@code choices}, {@code defaultValue} when not given. */
    public static WriterParameter choice(String name, String description, String defaultValue, String... choices) {
        return new WriterParameter(
                name, ParameterType.CHOICE, description, Optional.of(defaultValue), false, List.of(choices));
    }

    /** A comma-separated list of {@code choices}, {@code defaultValue} (comma-separated) when not given. */
    public static WriterParameter choiceList(String name, String description, String defaultValue, String... choices) {
        return new WriterParameter(
                name, ParameterType.CHOICE_LIST, description, Optional.of(defaultValue), false, List.of(choices));
    }

    /** An optional IPv4 address without default. */
    public static WriterParameter optionalAddress(String name, String description) {
        return new WriterParameter(name, ParameterType.IPV4_ADDRESS, description, Optional.empty(), false, List.of());
    }

    /** The parameter as one listing line, e.g. {@code process (TEXT, default EMSMTA): ...}. */
    public String synopsis() {
        StringBuilder s = new StringBuilder(name)
                .append(" (")
                .append(type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (!choices.isEmpty()) {
            s.append(": ").append(String.join("|", choices));
        }
        defaultValue.ifPresent(d -> s.append(", default ").append(d.isEmpty() ? "\"\"" : d));
        if (required) {
            s.append(", required");
        } else if (defaultValue.isEmpty()) {
            s.append(", optional");
        }
        return s.append(") ").append(description).toString();
    }
}
