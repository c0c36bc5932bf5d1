package io.kbsh.shell.plugin;

import java.util.List;

/**
 * The parent of every plugin class loader: it shows a plugin the JDK and the kbsh API packages, from the
 * application, and nothing else. Packages with an {@code internal} segment (e.g. {@code
 * io.kbsh.net.internal.tls}) are the implementation of the API and stay hidden, and so does every library:
 * no API signature names a library type, so a plugin needs none of the application's. Whatever else a
 * plugin needs it bundles, privately, so two plugins can carry clashing versions of a library.
 *
 * <p>Resources are not shared: a plugin's {@code META-INF/services} files are its own, so a
 * {@link java.util.ServiceLoader} over a plugin loader finds exactly that plugin's providers.
 */
final class ApiClassLoader extends ClassLoader {

    /** Package prefixes a plugin may see from the application: the four API modules. */
    static final List<String> SHARED_PACKAGES =
            List.of("io.kbsh.model.", "io.kbsh.rules.", "io.kbsh.ini.", "io.kbsh.net.");

    /** A package segment that marks the API's implementation, never shared. */
    private static final String INTERNAL = ".internal.";

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
        if (className.contains(INTERNAL)) {
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
