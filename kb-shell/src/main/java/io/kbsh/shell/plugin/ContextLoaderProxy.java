package io.kbsh.shell.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a plugin's service: the plugin call boundary. Every call into it, from whatever thread (a probe
 * runner's pool, say), runs with the plugin's class loader as the thread context class loader, is recorded
 * in {@link PluginCalls} while it runs, and turns an {@link Error} the JVM survives into a
 * {@link PluginError}, so that callers that report a plugin's exceptions report its errors too.
 */
final class ContextLoaderProxy implements InvocationHandler {

    private final Object target;
    private final String spi;
    private final LoadedPlugin plugin;

    private ContextLoaderProxy(Object target, String spi, LoadedPlugin plugin) {
        this.target = target;
        this.spi = spi;
        this.plugin = plugin;
    }

    static <T> T wrap(Class<T> spi, T target, LoadedPlugin plugin) {
        return spi.cast(Proxy.newProxyInstance(
                spi.getClassLoader(),
                new Class<?>[] {spi},
                new ContextLoaderProxy(target, spi.getSimpleName(), plugin)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "plugin service " + target;
            };
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(plugin.classLoader());
        String what = spi + "." + method.getName();
        try {
            return PluginCalls.during(plugin.descriptor().id(), what, () -> method.invoke(target, args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error && PluginFaults.survivable(error)) {
                throw new PluginError(plugin.descriptor().id(), what, error);
            }
            throw cause;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
