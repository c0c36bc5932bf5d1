package io.kbsh.shell.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a plugin's service so that every call into it, from whatever thread (a probe runner's pool, say),
 * runs with the plugin's class loader as the thread context class loader.
 */
final class ContextLoaderProxy implements InvocationHandler {

    private final Object target;
    private final ClassLoader loader;

    private ContextLoaderProxy(Object target, ClassLoader loader) {
        this.target = target;
        this.loader = loader;
    }

    static <T> T wrap(Class<T> spi, T target, ClassLoader loader) {
        return spi.cast(Proxy.newProxyInstance(spi.getClassLoader(), new Class<?>[] {spi},
                new ContextLoaderProxy(target, loader)));
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
        thread.setContextClassLoader(loader);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
