package io.kbsh.shell.graph;

import io.kbsh.model.env.Environment;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lays a report's picture out while the checks run. The layout of a report's picture depends on the
 * environment alone (findings only colour the shapes and fill the status lines kept for them, see
 * {@link GraphLayout#layoutForReport}), so {@code check --html} and {@code diagnose --html} start it as soon
 * as they know the environment, on a second thread, and the report picks it up when it draws the picture.
 * In a fresh JVM this is most of the report's cost: ELK's first layout loads several hundred classes from
 * signed JARs and runs interpreted, and a 200-server site's layered layout is the largest single step.
 *
 * <p>One layout is held at a time, and only handed out for the very graph it was made from: a report whose
 * graph differs (probe results add edges) lays its own out, on the warmed-up engine.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class LayoutAhead {

    /** The graph a layout is being made of (known first) and the layout. */
    private record Pending(CompletableFuture<SiteGraph> graph, CompletableFuture<LaidOutGraph> layout) {}

    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private LayoutAhead() {}

    /** Starts laying out the report picture of {@code env} on a background thread; returns at once. */
    public static void start(Environment env) {
        Pending pending = new Pending(new CompletableFuture<>(), new CompletableFuture<>());
        PENDING.set(pending);
        Thread thread = new Thread(
                () -> {
                    try {
                        SiteGraph graph = SiteGraphBuilder.build(env);
                        pending.graph().complete(graph);
                        pending.layout().complete(GraphLayout.layoutForReport(graph));
                    } catch (RuntimeException | LinkageError e) {
                        // Only a head start: the report lays out (and reports any failure) itself.
                        pending.graph().completeExceptionally(e);
                        pending.layout().completeExceptionally(e);
                    }
                },
                "kbsh-layout-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The report layout of {@code graph}: the one started ahead, waited for, when it was made from an equal
     * graph, otherwise laid out now (without waiting for the other). Either way the layout started ahead
     * is given up.
     */
    public static LaidOutGraph layoutForReport(SiteGraph graph) {
        return taken(graph).orElseGet(() -> GraphLayout.layoutForReport(graph));
    }

    /** The layout started ahead if it is of {@code graph}; empty otherwise. It is given up either way. */
    static Optional<LaidOutGraph> taken(SiteGraph graph) {
        Pending pending = PENDING.getAndSet(null);
        if (pending == null) {
            return Optional.empty();
        }
        try {
            return pending.graph().join().equals(graph)
                    ? Optional.of(pending.layout().join())
                    : Optional.empty();
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }
}
