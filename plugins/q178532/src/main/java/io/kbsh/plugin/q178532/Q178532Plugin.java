package io.kbsh.plugin.q178532;

import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.model.plugin.PluginDescriptor;

/** Who this plugin is; its checks, writers and commands are listed under META-INF/services. */
public final class Q178532Plugin implements KbshPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(
                Q178532Plugin.class,
                "q178532",
                "Q178532: Exchange Internet protocols published through Proxy Server 2.0",
                ApiVersion.BUILT_AGAINST);
    }
}
