package io.kbsh.shell.plugin;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One service instance contributed to the shell, with the plugin that contributed it (empty for built-ins
 * found on the application class path). Call plugin code through {@link #call} so that it runs with its
 * plugin's class loader as the thread context class loader.
 */
public record Contribution<T>(Optional<LoadedPlugin> plugin, T instance) {

    public Contribution {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(instance, "instance");
    }

    /** Runs {@code action} on the instance with the contributing plugin's class loader as context loader. */
    public <R> R call(Function<? super T, ? extends R> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(
                plugin.map(LoadedPlugin::classLoader).orElse(instance.getClass().getClassLoader()));
        try {
            return action.apply(instance);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Where the contribution comes from, for listings: the plugin id, or {@code builtin}. */
    public String origin() {
        return plugin.map(p -> p.descriptor().id()).orElse("builtin");
    }
}
