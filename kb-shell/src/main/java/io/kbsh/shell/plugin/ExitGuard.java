package io.kbsh.shell.plugin;

import io.kbsh.model.command.ExitStatus;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plugin code never ends kbsh silently or with status 0. On Java 17 nothing in-process can stop a call to
 * {@code System.exit} (the SecurityManager is deprecated, and disabled in later JDKs), so kbsh makes sure
 * such an exit is seen: kbsh's own exits all go through {@link #exit}, which marks them; a shutdown hook
 * looks at every other one. If a thread is inside {@code Runtime.exit}, something other than kbsh asked to
 * end the process: the hook names the plugin (the plugin call that thread was inside, as recorded by
 * {@link PluginCalls}, else the plugin whose classes are on its stack), prints one line and ends the
 * process with {@code Runtime.halt} and status {@link ExitStatus#PLUGIN_FAILED} — whatever status the
 * plugin asked for. A signal (Ctrl-C in batch mode, {@code kill}) calls no {@code Runtime.exit} and keeps
 * its usual status.
 *
 * <p>Limit: {@code Runtime.halt} from plugin code runs no shutdown hook, so it ends kbsh without a word
 * (and so does a crash of the virtual machine). Plugins are trusted code, not sandboxed.
 *
 * <p>Thread safety: all methods may be called from any thread.
 */
public final class ExitGuard {

    private static volatile boolean kbshExiting;
    private static volatile boolean installed;
    private static final List<Runnable> BEFORE_HALT = new CopyOnWriteArrayList<>();

    private ExitGuard() {}

    /** Installs the shutdown hook (once per process); {@code bin/kbsh} runs through {@code Main}, which does. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Runtime.getRuntime().addShutdownHook(new Thread(ExitGuard::onShutdown, "kbsh-exit-guard"));
    }

    /** kbsh's own way out of the process: the only place that ends it with a status. */
    public static void exit(int status) {
        kbshExiting = true;
        System.exit(status);
    }

    /** Runs {@code action} (such as restoring the terminal) before the guard halts the process. */
    public static void beforeHalt(Runnable action) {
        BEFORE_HALT.add(action);
    }

    public static void removeBeforeHalt(Runnable action) {
        BEFORE_HALT.remove(action);
    }

    private static void onShutdown() {
        if (kbshExiting) {
            return;
        }
        Optional<String> culprit = culprit(Thread.getAllStackTraces());
        if (culprit.isEmpty()) {
            return;
        }
        // The exiting thread may hold locks (a stream's, the terminal's): flush and restore on a helper
        // thread that is given a second, never waited for beyond that.
        Thread tidy = new Thread(
                () -> {
                    System.out.flush();
                    System.err.flush();
                    for (Runnable r : BEFORE_HALT) {
                        try {
                            r.run();
                        } catch (RuntimeException | Error ignored) {
                            // Halting anyway: a terminal that cannot be restored must not keep kbsh alive.
                        }
                    }
                },
                "kbsh-exit-guard-tidy");
        tidy.setDaemon(true);
        tidy.start();
        try {
            tidy.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // Straight to the file descriptor: System.err's lock may be held by the exiting thread.
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, Charset.defaultCharset());
            err.println("kbsh: " + culprit.get() + "; kbsh stops with status " + ExitStatus.PLUGIN_FAILED);
            err.flush();
        } catch (RuntimeException e) {
            // Nothing to say it with; the status still says it.
        }
        Runtime.getRuntime().halt(ExitStatus.PLUGIN_FAILED);
    }

    /**
     * Who asked to end the process, given every thread's stack, or empty when no thread is inside
     * {@code Runtime.exit} (a signal, or the last thread ended).
     */
    static Optional<String> culprit(Map<Thread, StackTraceElement[]> stacks) {
        for (Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
            StackTraceElement[] stack = e.getValue();
            int exitFrame = exitFrame(stack);
            if (exitFrame < 0) {
                continue;
            }
            Optional<PluginCalls.InProgress> call = PluginCalls.on(e.getKey());
            if (call.isPresent()) {
                return Optional.of("plugin " + call.get().plugin() + " ended the process (System.exit during "
                        + call.get().what() + ")");
            }
            for (int i = exitFrame + 1; i < stack.length; i++) {
                String loader = stack[i].getClassLoaderName();
                if (loader != null && loader.startsWith("plugin:")) {
                    String plugin = PluginCalls.pluginOfLoader(loader).orElse(loader.substring("plugin:".length()));
                    return Optional.of("plugin " + plugin + " ended the process (System.exit from "
                            + stack[i].getClassName() + "." + stack[i].getMethodName() + " on thread '"
                            + e.getKey().getName() + "')");
                }
            }
            String caller = exitFrame + 1 < stack.length
                    ? stack[exitFrame + 1].getClassName() + "." + stack[exitFrame + 1].getMethodName()
                    : "unknown code";
            return Optional.of("something other than kbsh ended the process (System.exit from " + caller + ")");
        }
        return Optional.empty();
    }

    /** The index of the outermost {@code Runtime.exit} or {@code System.exit} frame, or -1. */
    private static int exitFrame(StackTraceElement[] stack) {
        int found = -1;
        for (int i = 0; i < stack.length; i++) {
            String c = stack[i].getClassName();
            if ((c.equals("java.lang.Runtime") || c.equals("java.lang.System"))
                    && stack[i].getMethodName().equals("exit")) {
                found = i;
            }
        }
        return found;
    }
}
