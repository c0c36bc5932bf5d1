package io.kbsh.model.plugin;

/**
 * Generated at build time from the POM property {@code kbsh.api.version} (templating-maven-plugin, source
 * template under {@code src/main/java-templates}), so the version is written in exactly one place.
 */
final class PomApiVersion {

    /** A constant expression, so {@link ApiVersion#BUILT_AGAINST} stays one and is inlined into plugins. */
    static final String VALUE = "${kbsh.api.version}";

    private PomApiVersion() {}
}
