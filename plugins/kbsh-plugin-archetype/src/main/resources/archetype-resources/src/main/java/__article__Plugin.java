#set( $command = $article.toLowerCase() )
package ${package};

import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.model.plugin.PluginDescriptor;

/**
 * The plugin's descriptor: its id, its name and the kbsh API version it was compiled against. kbsh refuses
 * a plugin built against another major version, or a newer minor one, than it runs.
 */
public final class ${article}Plugin implements KbshPlugin {

    @Override
    public PluginDescriptor descriptor() {
        // BUILT_AGAINST is a compile-time constant: the API version this JAR was compiled against is baked in.
        // The plugin's version comes from the JAR manifest (Implementation-Version, set by the parent POM).
        return PluginDescriptor.of(${article}Plugin.class, "${command}", "${article}: ${title}", ApiVersion.BUILT_AGAINST);
    }
}
