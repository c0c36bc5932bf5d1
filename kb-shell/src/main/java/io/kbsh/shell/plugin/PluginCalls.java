package io.kbsh.shell.plugin;

import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

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
     * The calls each thread is inside, innermost last (a plugin may call back into the shell and out again), for
     * the exit guard to read from another thread. A thread registers once, on its first call, and keeps its
     * deque: a check run makes a call per check and environment, and adding and removing the thread's entry on
     * every one cost more than the calls of a small check.
     */
    private static final Map<Thread, Deque<InProgress>> ACTIVE = new ConcurrentHashMap<>();

    private static final ThreadLocal<Deque<InProgress>> MINE = ThreadLocal.withInitial(PluginCalls::register);
    /** Plugin ids by the name of their class loader, to name a plugin from a stack frame. */
    private static final Map<String, String> BY_LOADER = new ConcurrentHashMap<>();

    private PluginCalls() {}

    /** Runs {@code call}, recorded as a call of {@code plugin} doing {@code what}. */
    public static <R, E extends Exception> R during(String plugin, String what, Call<R, E> call) throws E {
        Deque<InProgress> calls = MINE.get();
        calls.addLast(new InProgress(plugin, what));
        try {
            return call.call();
        } finally {
            calls.pollLast();
        }
    }

    /** The calling thread's deque, registered; threads that have ended are dropped then, so the map stays small. */
    private static Deque<InProgress> register() {
        ACTIVE.keySet().removeIf(t -> !t.isAlive());
        Deque<InProgress> calls = new ConcurrentLinkedDeque<>();
        ACTIVE.put(Thread.currentThread(), calls);
        return calls;
    }

    /**
     * The outermost plugin call {@code thread} is inside, if any: the one the shell made ({@code check
     * Q254909}), rather than the SPI method it led to.
     */
    public static Optional<InProgress> on(Thread thread) {
        Deque<InProgress> calls = ACTIVE.get(thread);
        return calls == null ? Optional.empty() : Optional.ofNullable(calls.peekFirst());
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
