package io.kbsh.shell.plugin;

import io.kbsh.model.plugin.PluginDescriptor;
import java.nio.file.Path;

/** A plugin that loaded: its descriptor, where it came from and its own class loader. */
public record LoadedPlugin(PluginDescriptor descriptor, Path source, ClassLoader classLoader) {}
