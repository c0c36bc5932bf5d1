package io.kbsh.model.plugin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a plugin is: its id (lower case, e.g. {@code q254909}), a human name, its own version and the kbsh
 * API version it was built against (pass {@link ApiVersion#BUILT_AGAINST}).
 *
 * @since 2.0
 */
public record PluginDescriptor(String id, String name, String version, ApiVersion apiVersion) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(apiVersion, "apiVersion");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin id must match " + ID.pattern() + ": '" + id + "'");
        }
    }

    public PluginDescriptor(String id, String name, String version, String apiVersion) {
        this(id, name, version, ApiVersion.parse(apiVersion));
    }

    /**
     * A descriptor whose version is the {@code Implementation-Version} of the JAR that holds
     * {@code pluginClass} ({@code dev} when it is not run from a JAR with one).
     */
    public static PluginDescriptor of(Class<?> pluginClass, String id, String name, String builtAgainst) {
        String version = pluginClass.getPackage() == null
                ? null
                : pluginClass.getPackage().getImplementationVersion();
        return new PluginDescriptor(id, name, version == null ? "dev" : version, builtAgainst);
    }
}
