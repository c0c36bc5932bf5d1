package io.kbsh.shell.plugin;

import java.util.List;

/**
 * The parent of every plugin class loader: it shows a plugin the JDK, the kbsh API packages and the
 * libraries whose types the API exposes (Jackson), all from the application, and nothing else. Whatever
 * else a plugin needs it bundles, privately, so two plugins can carry clashing versions of a library.
 *
 * <p>Resources are not shared: a plugin's {@code META-INF/services} files are its own, so a
 * {@link java.util.ServiceLoader} over a plugin loader finds exactly that plugin's providers.
 */
final class ApiClassLoader extends ClassLoader {

    /** Package prefixes a plugin may see from the application. */
    static final List<String> SHARED_PACKAGES = List.of(
            "io.kbsh.model.", "io.kbsh.rules.", "io.kbsh.ini.", "io.kbsh.net.", "com.fasterxml.jackson.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;

    ApiClassLoader(ClassLoader application) {
        super("kbsh-api", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return application.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    static boolean isShared(String className) {
        if (className.contains(".internal.")) {
            // The API modules' internal packages (io.kbsh.ini.internal, io.kbsh.model.internal, ...) are kbsh's own.
            return false;
        }
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
