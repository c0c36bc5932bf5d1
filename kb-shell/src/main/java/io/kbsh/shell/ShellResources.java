package io.kbsh.shell;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the shell must release when it ends (the article index's write lock, for one): services opened
 * lazily register here, and {@link Kbsh} closes them, newest first, when the run is over.
 */
public final class ShellResources {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** Closes {@code resource} when the shell ends. */
    public synchronized void closeOnExit(AutoCloseable resource) {
        open.push(resource);
    }

    /** Closes everything registered; a failure to close one does not keep the others open. */
    synchronized void closeAll() {
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                System.getLogger(ShellResources.class.getName())
                        .log(System.Logger.Level.DEBUG, "closing a shell resource failed", e);
            }
        }
    }
}
