package io.kbsh.shell.plugin;

import java.net.URL;
import java.net.URLClassLoader;

/** The class loader of one plugin: its own JARs, over the {@link ApiClassLoader}. */
final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    PluginClassLoader(String pluginName, URL[] jars, ApiClassLoader parent) {
        super("plugin:" + pluginName, jars, parent);
    }
}
