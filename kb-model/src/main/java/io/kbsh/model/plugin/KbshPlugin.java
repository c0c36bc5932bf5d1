package io.kbsh.model.plugin;

/**
 * The one service every plugin JAR provides (in {@code META-INF/services/io.kbsh.model.plugin.KbshPlugin}):
 * it says who the plugin is. What the plugin contributes (checks, INI writers, probes, shell commands) is
 * found through {@link java.util.ServiceLoader} from the plugin's own class loader, each under its own SPI.
 *
 * <p>Implementations need a public no-argument constructor and must not do work in it.
 *
 * @since 2.0
 */
public interface KbshPlugin {

    PluginDescriptor descriptor();
}
