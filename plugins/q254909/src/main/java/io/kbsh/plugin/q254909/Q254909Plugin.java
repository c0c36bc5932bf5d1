package io.kbsh.plugin.q254909;

import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.model.plugin.PluginDescriptor;

/** Who this plugin is; its checks, writers and commands are listed under META-INF/services. */
public final class Q254909Plugin implements KbshPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(
                Q254909Plugin.class,
                "q254909",
                "Q254909: Connectors stop with event 9301 after the WinSock Proxy client is installed",
                ApiVersion.BUILT_AGAINST);
    }
}
