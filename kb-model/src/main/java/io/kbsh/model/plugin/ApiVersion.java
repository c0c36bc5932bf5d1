package io.kbsh.model.plugin;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the kbsh API (the packages of kb-model, kb-rules, kb-ini and kb-net), versioned as one.
 *
 * <p>A plugin is compatible when it was built against the same major version and a minor version no newer
 * than the running kbsh: minor versions only add.
 *
 * @since 2.0
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /**
     * The API version as a compile-time constant. Because javac inlines constants, a plugin that passes
     * {@code ApiVersion.BUILT_AGAINST} to its {@link PluginDescriptor} records the version it was compiled
     * against, not the version it later runs with. Its value comes from the POM property
     * {@code kbsh.api.version} through a generated source, and is still a constant expression.
     */
    public static final String BUILT_AGAINST = PomApiVersion.VALUE;

    private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");
    private static final ApiVersion CURRENT = parse(runtimeValue());

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("API version parts must not be negative: " + major + "." + minor);
        }
    }

    /** The API version of the kbsh that is running. */
    public static ApiVersion current() {
        return CURRENT;
    }

    /** Parses {@code major.minor}, e.g. {@code 1.0}. */
    public static ApiVersion parse(String text) {
        Matcher m = FORM.matcher(Objects.requireNonNull(text, "text").trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an API version (major.minor): '" + text + "'");
        }
        return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether a plugin built against {@code builtAgainst} may run on this version. */
    public boolean accepts(ApiVersion builtAgainst) {
        return builtAgainst.major == major && builtAgainst.minor <= minor;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    // Not a constant expression, so it is read here at run time rather than inlined into callers.
    private static String runtimeValue() {
        return String.valueOf(BUILT_AGAINST);
    }
}
