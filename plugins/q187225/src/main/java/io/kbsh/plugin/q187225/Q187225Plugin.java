package io.kbsh.plugin.q187225;

import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.model.plugin.PluginDescriptor;

/** Who this plugin is; its checks, writers and commands are listed under META-INF/services. */
public final class Q187225Plugin implements KbshPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(
                Q187225Plugin.class,
                "q187225",
                "Q187225: Clustered MTA socket errors on X.400 over TCP/IP",
                ApiVersion.BUILT_AGAINST);
    }
}
