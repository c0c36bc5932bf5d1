package io.kbsh.plugin.q165057;

import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.model.plugin.PluginDescriptor;

/** Who this plugin is; its checks, writers and commands are listed under META-INF/services. */
public final class Q165057Plugin implements KbshPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(
                Q165057Plugin.class,
                "q165057",
                "Q165057: Exchange sites cannot connect through Proxy Server 1.0",
                ApiVersion.BUILT_AGAINST);
    }
}
