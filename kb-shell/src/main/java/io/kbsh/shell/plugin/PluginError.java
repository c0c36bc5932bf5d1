package io.kbsh.shell.plugin;

/**
 * An {@link Error} that plugin code threw ({@code StackOverflowError}, {@code AssertionError}, an
 * {@code OutOfMemoryError} from allocating…), carried across the plugin boundary as an unchecked exception
 * so that every place that reports a plugin's exception as one line reports this too. The original is the
 * cause, for {@code --debug}.
 */
public final class PluginError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String plugin;

    PluginError(String plugin, String what, Error cause) {
        super("plugin " + plugin + " failed in " + what + ": " + PluginFaults.describe(cause), cause);
        this.plugin = plugin;
    }

    public String plugin() {
        return plugin;
    }

    /** The message alone: callers that print {@code "…: " + e} get one readable line. */
    @Override
    public String toString() {
        return getMessage();
    }
}
