package io.kbsh.shell.check.run;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.shell.plugin.PluginCalls;
import io.kbsh.shell.plugin.PluginError;
import io.kbsh.shell.plugin.PluginFaults;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of checks, isolated from the shell. The checks run one after another on a worker thread (a
 * daemon from a shared pool), so that the caller can give up on one: a check that runs past the deadline
 * is interrupted, and if it does not come back within a grace period its thread is left behind — marked
 * abandoned, never joined — and a fresh worker goes on with the next check. An interrupt of the caller
 * (Ctrl-C) cancels the running check and those not started yet. The caller wakes only when the whole run
 * is done or a deadline passes, so a run of quick checks costs one hand-over, not one per check.
 *
 * <p>Thread safety: one instance per run; its state is guarded by the instance's monitor.
 */
final class CheckBatch {

    /** How long a check that was interrupted may take to come back before its thread is left behind. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kbsh-check-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final List<PluginCheck> checks;
    private final Environment environment;
    private final Facts facts;
    private final ArticleStore knowledge;
    private final long deadlineNanos;

    /** Per check: its findings ({@code List<Finding>}) or a {@link CheckFailure}; null while unanswered. */
    private final Object[] results;

    private int completed;
    private int next;
    /** The worker taking checks now, the check it runs (-1 between checks) and since when. */
    private Worker current;

    private int running = -1;
    private long runningSince;
    /** True while the caller waits for an interrupted check to come back: its worker then notifies. */
    private boolean awaitingStop;

    CheckBatch(
            List<PluginCheck> checks, Environment environment, Facts facts, ArticleStore knowledge, Duration deadline) {
        this.checks = List.copyOf(checks);
        this.environment = environment;
        this.facts = facts;
        this.knowledge = knowledge;
        this.deadlineNanos = deadline.toNanos();
        this.results = new Object[checks.size()];
    }

    /** Runs every check and returns, per check, its findings or its failure. */
    synchronized Object[] evaluate() {
        if (checks.isEmpty()) {
            return results;
        }
        startWorker();
        try {
            while (completed < results.length) {
                long now = System.nanoTime();
                if (running >= 0 && now - runningSince >= deadlineNanos) {
                    giveUp(running, CheckFailure.Kind.TIMED_OUT, "timed out after " + seconds(deadlineNanos));
                    continue;
                }
                long wait = running >= 0 ? runningSince + deadlineNanos - now : deadlineNanos;
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
            }
        } catch (InterruptedException e) {
            cancel();
        }
        return results;
    }

    /**
     * Interrupts check {@code i}, waits up to {@link #GRACE} for it to come back, and records it as
     * failed; a worker that does not come back is abandoned and replaced. Caller holds the monitor.
     */
    private void giveUp(int i, CheckFailure.Kind kind, String reason) throws InterruptedException {
        Worker stuck = current;
        PluginCheck check = checks.get(i);
        StackTraceElement[] where = stuck.thread.getStackTrace();
        results[i] = "given up";
        completed++;
        stuck.thread.interrupt();
        boolean stopped;
        InterruptedException again = null;
        try {
            stopped = awaitStop(stuck, i);
        } catch (InterruptedException e) {
            stopped = false;
            again = e;
        }
        Throwable trace = new Throwable(check.article() + " was here when it was given up");
        trace.setStackTrace(where);
        String message = reason
                + (stopped
                        ? "; it stopped when interrupted"
                        : "; it ignores interruption, so its thread '" + stuck.thread.getName() + "' is left running"
                                + " (a daemon: it ends with kbsh)");
        results[i] = new CheckFailure(check.article(), check.plugin(), kind, message, Optional.of(trace));
        if (!stopped) {
            stuck.abandoned = true;
            stuck.thread.setName(stuck.thread.getName() + "-abandoned-" + check.article());
            running = -1;
            if (again == null && next < results.length) {
                startWorker();
            }
        }
        if (again != null) {
            throw again;
        }
    }

    private boolean awaitStop(Worker stuck, int i) throws InterruptedException {
        long end = System.nanoTime() + GRACE.toNanos();
        awaitingStop = true;
        try {
            long left;
            while (current == stuck && running == i && (left = end - System.nanoTime()) > 0) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } finally {
            awaitingStop = false;
        }
        return !(current == stuck && running == i);
    }

    /** Ctrl-C: the running check is given up as cancelled (without waiting again if interrupted again), the rest are not started. */
    private void cancel() {
        int notStarted = next;
        next = results.length;
        if (running >= 0 && results[running] == null) {
            try {
                giveUp(running, CheckFailure.Kind.CANCELLED, "cancelled (interrupted)");
            } catch (InterruptedException again) {
                // Interrupted once more while waiting for it to stop: it is recorded as left running.
            }
        }
        for (int i = notStarted; i < results.length; i++) {
            if (results[i] == null) {
                PluginCheck c = checks.get(i);
                results[i] = new CheckFailure(
                        c.article(),
                        c.plugin(),
                        CheckFailure.Kind.CANCELLED,
                        "not run: cancelled (interrupted)",
                        Optional.empty());
            }
        }
        // The interrupt is answered by the report, which says so; the caller reports it and goes on.
    }

    private void startWorker() {
        current = new Worker();
        WORKERS.execute(current);
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.format("%.1f", s)) + " s";
    }

    private synchronized int take(Worker w) {
        Thread.interrupted();
        if (w.abandoned || w != current || next >= results.length) {
            return -1;
        }
        running = next;
        runningSince = System.nanoTime();
        return next++;
    }

    private synchronized void finish(Worker w, int i, Object result) {
        if (results[i] == null) {
            results[i] = result;
            completed++;
        }
        if (w == current && running == i) {
            running = -1;
        }
        // A Ctrl-C or deadline interrupt that arrived as the check finished must not reach the next one.
        Thread.interrupted();
        if (completed == results.length || awaitingStop) {
            notifyAll();
        }
    }

    /** Runs checks until there are none left, or until the caller gives up on it. */
    private final class Worker implements Runnable {
        volatile Thread thread;
        /** Guarded by the batch's monitor. */
        boolean abandoned;

        @Override
        public void run() {
            synchronized (CheckBatch.this) {
                thread = Thread.currentThread();
                // A pool thread given up on earlier, whose check has since ended, is back in service.
                thread.setName(thread.getName().replaceFirst("-abandoned-.*", ""));
            }
            int i;
            while ((i = take(this)) >= 0) {
                finish(this, i, evaluate(checks.get(i)));
            }
        }
    }

    /** One check's findings, or its failure; never throws. */
    private Object evaluate(PluginCheck c) {
        try {
            List<Finding> findings = PluginCalls.during(
                    c.plugin(), "check " + c.article(), () -> c.check().evaluate(environment, facts, knowledge));
            if (findings == null) {
                return new CheckFailure(
                        c.article(),
                        c.plugin(),
                        CheckFailure.Kind.NULL,
                        "returned null instead of a list of findings",
                        Optional.empty());
            }
            for (Finding f : findings) {
                if (f == null) {
                    return new CheckFailure(
                            c.article(),
                            c.plugin(),
                            CheckFailure.Kind.NULL,
                            "returned a list that holds null",
                            Optional.empty());
                }
            }
            return List.copyOf(findings);
        } catch (Throwable e) {
            // Everything, even what the JVM may not survive: this is a worker thread, and the run must end.
            Throwable shown = e instanceof PluginError && e.getCause() != null ? e.getCause() : e;
            return new CheckFailure(
                    c.article(), c.plugin(), CheckFailure.Kind.THREW, PluginFaults.describe(shown), Optional.of(shown));
        }
    }
}
