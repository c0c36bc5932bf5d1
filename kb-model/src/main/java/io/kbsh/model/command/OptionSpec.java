package io.kbsh.model.command;

import java.util.Objects;

/**
 * One option of a command, written {@code --name} (with a value after it unless {@code kind} is
 * {@link ValueKind#NONE}). {@code repeatable} options may be given several times ({@code --param k=v}).
 *
 * @since 2.0
 */
public record OptionSpec(String name, ValueKind kind, boolean repeatable, String description) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option name must be lower case without dashes in front: " + name);
        }
    }

    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, ValueKind.NONE, false, description);
    }

    public static OptionSpec value(String name, ValueKind kind, String description) {
        return new OptionSpec(name, kind, false, description);
    }

    public static OptionSpec repeatable(String name, ValueKind kind, String description) {
        return new OptionSpec(name, kind, true, description);
    }

    public boolean takesValue() {
        return kind != ValueKind.NONE;
    }

    /** How the option is written on the command line, e.g. {@code --file}. */
    public String spelling() {
        return "--" + name;
    }
}
