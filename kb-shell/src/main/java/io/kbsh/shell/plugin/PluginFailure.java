package io.kbsh.shell.plugin;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin JAR (or directory) that did not load, and why, in one line; {@code cause} is what the plugin
 * threw, if anything, whose stack trace {@code --debug} prints.
 */
public record PluginFailure(Path source, String reason, Optional<Throwable> cause) {

    public PluginFailure {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
    }

    public PluginFailure(Path source, String reason) {
        this(source, reason, Optional.empty());
    }

    /** The line shown at start-up and by {@code plugins}. */
    public String describe() {
        return source + ": " + reason;
    }
}
