package io.kbsh.shell.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugins that loaded, the ones that failed, and everything they contribute; also what the
 * application class path itself provides under the same SPIs (built-in probes, for instance).
 */
public final class PluginSet implements Contributions {

    private final Map<LoadedPlugin, Map<Class<?>, List<?>>> plugins;
    private final List<PluginFailure> failures;
    private final ClassLoader application;
    private final Map<Class<?>, List<Contribution<?>>> builtins = new ConcurrentHashMap<>();

    PluginSet(
            Map<LoadedPlugin, Map<Class<?>, List<?>>> plugins, List<PluginFailure> failures, ClassLoader application) {
        this.plugins = new LinkedHashMap<>(plugins);
        this.failures = new ArrayList<>(failures);
        this.application = application;
    }

    /** A set with no plugins, for tests and library use. */
    public static PluginSet empty() {
        return new PluginSet(Map.of(), List.of(), PluginSet.class.getClassLoader());
    }

    public synchronized List<LoadedPlugin> plugins() {
        return List.copyOf(plugins.keySet());
    }

    public synchronized List<PluginFailure> failures() {
        return List.copyOf(failures);
    }

    /** What {@code plugin} contributes under {@code spi}. */
    public synchronized <T> List<T> contributed(LoadedPlugin plugin, Class<T> spi) {
        Map<Class<?>, List<?>> bySpi = plugins.get(plugin);
        if (bySpi == null) {
            return List.of();
        }
        List<?> list = bySpi.getOrDefault(spi, List.of());
        return list.stream().map(spi::cast).toList();
    }

    /**
     * Takes a loaded plugin back out, with everything it contributed, and records why: used while the shell
     * starts, when a conflict (such as a command name that is already taken) is only seen after loading.
     */
    public synchronized void refuse(LoadedPlugin plugin, String reason) {
        if (plugins.remove(plugin) != null) {
            failures.add(new PluginFailure(plugin.source(), reason));
        }
    }

    /**
     * Built-in providers first, then each plugin's. A plugin's instances are wrapped so that every call into
     * them, on any thread, runs with the plugin's class loader as context class loader.
     */
    @Override
    public <T> List<Contribution<T>> of(Class<T> spi) {
        List<Contribution<T>> result = new ArrayList<>(builtins(spi));
        synchronized (this) {
            for (Map.Entry<LoadedPlugin, Map<Class<?>, List<?>>> e : plugins.entrySet()) {
                for (Object o : e.getValue().getOrDefault(spi, List.of())) {
                    T wrapped = ContextLoaderProxy.wrap(spi, spi.cast(o), e.getKey());
                    result.add(new Contribution<>(Optional.of(e.getKey()), wrapped));
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    @SuppressWarnings("unchecked")
    private <T> List<Contribution<T>> builtins(Class<T> spi) {
        return (List<Contribution<T>>) (List<?>) builtins.computeIfAbsent(spi, s -> {
            List<Contribution<?>> found = new ArrayList<>();
            for (Object provider : ServiceLoader.load(s, application)) {
                found.add(new Contribution<>(Optional.empty(), provider));
            }
            return List.copyOf(found);
        });
    }
}
