package io.kbsh.shell.plugin;

import java.nio.file.Path;

/** A plugin JAR (or directory) that did not load, and why, in one line. */
public record PluginFailure(Path source, String reason) {

    /** The line shown at start-up and by {@code plugins}. */
    public String describe() {
        return source + ": " + reason;
    }
}
