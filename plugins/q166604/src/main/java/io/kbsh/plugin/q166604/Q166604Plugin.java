package io.kbsh.plugin.q166604;

import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.model.plugin.PluginDescriptor;

/** Who this plugin is; its checks, writers and commands are listed under META-INF/services. */
public final class Q166604Plugin implements KbshPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(
                Q166604Plugin.class,
                "q166604",
                "Q166604: IMS behind a firewall does not use the second MX host",
                ApiVersion.BUILT_AGAINST);
    }
}
