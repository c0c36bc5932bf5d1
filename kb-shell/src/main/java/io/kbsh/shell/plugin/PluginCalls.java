package io.kbsh.shell.plugin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which plugin calls are in progress, on which thread. Every call from the shell into plugin code passes
 * this boundary ({@link ContextLoaderProxy}, {@link Contribution#call}, the command executor, the check
 * runner and the plugin loader), so that when something ends the process the shell can say which plugin
 * did it ({@link ExitGuard}).
 *
 * <p>Thread safety: safe for concurrent use; each thread records its own calls.
 */
public final class PluginCalls {

    /** A call into plugin code: the plugin's id and what was called ({@code check Q254909}). */
    public record InProgress(String plugin, String what) {}

    /** A call into plugin code. */
    @FunctionalInterface
    public interface Call<R, E extends Exception> {
        R call() throws E;
    }

    /**
     * Where each thread is, for the exit guard to read from another thread. Only the outermost call is ever asked
     * for (a plugin may call back into the shell and out again, and the inner calls are the SPI methods the
     * shell's call led to), so a thread keeps that and how deep it is. A thread registers once, on its first
     * call: a check run makes a call per check and environment, and adding and removing the thread's entry on
     * every one cost more than the calls of a small check.
     */
    private static final Map<Thread, Position> ACTIVE = new ConcurrentHashMap<>();

    private static final ThreadLocal<Position> MINE = ThreadLocal.withInitial(PluginCalls::register);
    /** Plugin ids by the name of their class loader, to name a plugin from a stack frame. */
    private static final Map<String, String> BY_LOADER = new ConcurrentHashMap<>();

    /** A call in progress on this thread, ended by {@link #close}: see {@link #enter}. */
    public interface Frame extends AutoCloseable {
        @Override
        void close();
    }

    /** One thread's calls: written by that thread only, the outermost read by any. */
    private static final class Position implements Frame {
        volatile InProgress outermost;
        int depth;

        @Override
        public void close() {
            if (--depth == 0) {
                outermost = null;
            }
        }
    }

    private PluginCalls() {}

    /** Runs {@code call}, recorded as a call of {@code plugin} doing {@code what}. */
    public static <R, E extends Exception> R during(String plugin, String what, Call<R, E> call) throws E {
        try (Frame ignored = enter(new InProgress(plugin, what))) {
            return call.call();
        }
    }

    /**
     * Records {@code call} as in progress on this thread until the frame is closed, as {@link #during} does, for
     * a caller that makes a call per check and environment: {@code try (Frame f = PluginCalls.enter(call)) {...}}
     * makes no object per call (the frame is the thread's own), where {@code during}'s lambda is one.
     */
    public static Frame enter(InProgress call) {
        Position at = MINE.get();
        if (at.depth++ == 0) {
            at.outermost = call;
        }
        return at;
    }

    /** The calling thread's position, registered; threads that have ended are dropped then, so the map stays small. */
    private static Position register() {
        ACTIVE.keySet().removeIf(t -> !t.isAlive());
        Position at = new Position();
        ACTIVE.put(Thread.currentThread(), at);
        return at;
    }

    /**
     * The outermost plugin call {@code thread} is inside, if any: the one the shell made ({@code check
     * Q254909}), rather than the SPI method it led to.
     */
    public static Optional<InProgress> on(Thread thread) {
        Position at = ACTIVE.get(thread);
        return at == null ? Optional.empty() : Optional.ofNullable(at.outermost);
    }

    static void register(LoadedPlugin plugin) {
        if (plugin.classLoader().getName() != null) {
            BY_LOADER.put(plugin.classLoader().getName(), plugin.descriptor().id());
        }
    }

    /** The plugin whose class loader is called {@code loaderName}, if one is loaded. */
    static Optional<String> pluginOfLoader(String loaderName) {
        return loaderName == null ? Optional.empty() : Optional.ofNullable(BY_LOADER.get(loaderName));
    }
}
