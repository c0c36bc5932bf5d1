package io.kbsh.shell.check.run;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.shell.plugin.PluginCalls;
import io.kbsh.shell.plugin.PluginError;
import io.kbsh.shell.plugin.PluginFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One run of checks over one or more environments, isolated from the shell. Its tasks (each check for each
 * environment, environment by environment) are taken in order by a few worker threads (daemons from a shared
 * pool, as many as there are cores), so that the caller can give up on one: a check that runs past the
 * deadline is interrupted, and if it does not come back within a grace period its thread is left behind —
 * marked abandoned, never joined — and a fresh worker takes its place. An interrupt of the caller (Ctrl-C)
 * cancels the running checks and those not started yet. The caller wakes only when the whole run is done or
 * a deadline passes, so a run of quick checks costs one hand-over, not one per check — and a run over many
 * environments one in all.
 *
 * <p>Taking a task and answering one is lock-free (an index and a result slot each); the batch's monitor is
 * only where the caller waits, and each worker's own monitor orders an interrupt against the worker moving on
 * to its next task, so that an interrupt meant for one check never reaches the next.
 *
 * <p>Thread safety: one instance per run, evaluated once, by one caller.
 */
final class CheckBatch {

    /** How long a check that was interrupted may take to come back before its thread is left behind. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /** In a given-up task's slot while the caller waits for it to stop: a late answer is then not taken. */
    private static final Object GIVING_UP = new Object();

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kbsh-check-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final List<PluginCheck> checks;
    /** Each check's call as the exit guard names it ({@code check Q254909}): made once, not once per task. */
    private final PluginCalls.InProgress[] calls;

    private final List<Environment> environments;
    private final Facts facts;
    private final ArticleStore knowledge;
    private final long deadlineNanos;
    private final int parallelism;

    /** Per task: its findings ({@code List<Finding>}) or a {@link CheckFailure}; null while unanswered. */
    private final AtomicReferenceArray<Object> results;

    /**
     * How many tasks a worker claims at a time: an environment's worth when there are environments enough to
     * keep every worker busy (each then evaluates its own environments, whose shared views stay on its thread),
     * otherwise one check.
     */
    private final int claim;
    /** The first task not claimed yet. */
    private final AtomicInteger next = new AtomicInteger();
    /** Tasks answered: by their worker, given up or cancelled. */
    private final AtomicInteger completed = new AtomicInteger();
    /** What abandoned workers had claimed and not started ({@code [from, to)}): taken before new claims. */
    private final java.util.Queue<int[]> handedBack = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Set by a cancel: workers take no more tasks. */
    private volatile boolean stopping;
    /** True while the caller waits for an interrupted check to come back: its worker then notifies. */
    private volatile boolean awaitingStop;
    /** Every worker started, abandoned ones included; touched by the caller's thread only. */
    private final List<Worker> workers = new ArrayList<>();

    CheckBatch(
            List<PluginCheck> checks,
            List<Environment> environments,
            Facts facts,
            ArticleStore knowledge,
            Duration deadline,
            int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.checks = List.copyOf(checks);
        this.calls = this.checks.stream()
                .map(c -> new PluginCalls.InProgress(c.plugin(), "check " + c.article()))
                .toArray(PluginCalls.InProgress[]::new);
        this.environments = List.copyOf(environments);
        this.facts = facts;
        this.knowledge = knowledge;
        this.deadlineNanos = deadline.toNanos();
        this.parallelism = parallelism;
        this.results = new AtomicReferenceArray<>(Math.multiplyExact(this.checks.size(), this.environments.size()));
        this.claim = this.environments.size() >= parallelism ? Math.max(1, this.checks.size()) : 1;
    }

    /**
     * Runs every check over every environment and returns, per environment and per check, the check's
     * findings ({@code List<Finding>}) or its {@link CheckFailure}.
     */
    Object[][] evaluate() {
        int tasks = results.length();
        if (tasks > 0) {
            for (int k = 0; k < Math.min(parallelism, tasks); k++) {
                startWorker();
            }
            synchronized (this) {
                try {
                    watch(tasks);
                } catch (InterruptedException e) {
                    cancel();
                }
            }
        }
        Object[][] out = new Object[environments.size()][checks.size()];
        for (int i = 0; i < tasks; i++) {
            out[i / checks.size()][i % checks.size()] = results.get(i);
        }
        return out;
    }

    /** Waits for the run to end, giving up each check that passes its deadline. Caller holds the monitor. */
    private void watch(int tasks) throws InterruptedException {
        while (completed.get() < tasks) {
            long now = System.nanoTime();
            long wait = deadlineNanos;
            Worker late = null;
            int lateTask = -1;
            for (Worker w : workers) {
                int task = w.running;
                // An abandoned worker still in the check given up on has an answer there already.
                if (task < 0 || results.get(task) != null) {
                    continue;
                }
                long left = w.since + deadlineNanos - now;
                if (left <= 0) {
                    late = w;
                    lateTask = task;
                    break;
                }
                wait = Math.min(wait, left);
            }
            if (late != null) {
                giveUp(late, lateTask, CheckFailure.Kind.TIMED_OUT, "timed out after " + seconds(deadlineNanos), true);
            } else {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
            }
        }
    }

    /**
     * Interrupts task {@code i} of {@code w}, waits up to {@link #GRACE} for it to come back (when
     * {@code patient}), and records it as failed; a worker that does not come back is abandoned and replaced.
     * Nothing happens when the task has answered meanwhile. Caller holds the monitor.
     */
    private void giveUp(Worker w, int i, CheckFailure.Kind kind, String reason, boolean patient)
            throws InterruptedException {
        if (!results.compareAndSet(i, null, GIVING_UP)) {
            return;
        }
        PluginCheck check = checks.get(i % checks.size());
        StackTraceElement[] where = w.thread.getStackTrace();
        w.interrupt(i);
        boolean stopped = false;
        InterruptedException again = null;
        if (patient) {
            try {
                stopped = awaitStop(w, i);
            } catch (InterruptedException e) {
                again = e;
            }
        }
        Throwable trace = new Throwable(check.article() + " was here when it was given up");
        trace.setStackTrace(where);
        String message = reason
                + (stopped
                        ? "; it stopped when interrupted"
                        : "; it ignores interruption, so its thread '" + w.thread.getName() + "' is left running"
                                + " (a daemon: it ends with kbsh)");
        results.set(i, new CheckFailure(check.article(), check.plugin(), kind, message, Optional.of(trace)));
        completed.incrementAndGet();
        if (!stopped) {
            w.thread.setName(w.thread.getName() + "-abandoned-" + check.article());
            w.abandon().ifPresent(handedBack::add);
            if (again == null && !stopping && (next.get() < results.length() || !handedBack.isEmpty())) {
                startWorker();
            }
        }
        if (again != null) {
            throw again;
        }
    }

    private boolean awaitStop(Worker w, int i) throws InterruptedException {
        long end = System.nanoTime() + GRACE.toNanos();
        awaitingStop = true;
        try {
            long left;
            while (w.running == i && (left = end - System.nanoTime()) > 0) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } finally {
            awaitingStop = false;
        }
        return w.running != i;
    }

    /**
     * Ctrl-C: the running checks are given up as cancelled (without waiting once interrupted again), the rest
     * are not started. Caller holds the monitor.
     */
    private void cancel() {
        stopping = true;
        boolean patient = true;
        for (Worker w : List.copyOf(workers)) {
            int task = w.runningNow();
            if (task >= 0 && results.get(task) == null) {
                try {
                    giveUp(w, task, CheckFailure.Kind.CANCELLED, "cancelled (interrupted)", patient);
                } catch (InterruptedException again) {
                    // Interrupted once more while waiting for it to stop: recorded as left running, and the
                    // other running checks are given up without waiting.
                    patient = false;
                }
            }
        }
        for (int i = 0; i < results.length(); i++) {
            PluginCheck c = checks.get(i % checks.size());
            CheckFailure notRun = new CheckFailure(
                    c.article(),
                    c.plugin(),
                    CheckFailure.Kind.CANCELLED,
                    "not run: cancelled (interrupted)",
                    Optional.empty());
            // Workers take nothing once stopping is set, and every running check was given up above: what is
            // unanswered now was never started.
            if (results.compareAndSet(i, null, notRun)) {
                completed.incrementAndGet();
            }
        }
        // The interrupt is answered by the report, which says so; the caller reports it and goes on.
    }

    private void startWorker() {
        Worker w = new Worker();
        workers.add(w);
        WORKERS.execute(w);
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.format("%.1f", s)) + " s";
    }

    /** Records a worker's answer to task {@code i}, unless the task was given up meanwhile. */
    private void answer(int i, Object result) {
        if (results.compareAndSet(i, null, result) && completed.incrementAndGet() == results.length()) {
            wake();
        }
    }

    private void wake() {
        synchronized (this) {
            notifyAll();
        }
    }

    /** Takes tasks until there are none left, or until the caller gives up on it. */
    private final class Worker implements Runnable {
        volatile Thread thread;
        /** Set by the caller when it leaves this worker behind: it takes no more tasks. */
        private boolean abandoned;
        /** The task it runs, -1 between tasks; written under this worker's monitor. */
        volatile int running = -1;
        /** When it took that task (written before {@link #running}, so a reader of running sees it). */
        volatile long since;
        /** The last task it took, and the end of its claim ({@code cursor + 1 == claimEnd}: claim again). */
        private int cursor = -1;

        private int claimEnd;

        @Override
        public void run() {
            Thread t = Thread.currentThread();
            // A pool thread given up on earlier, whose check has since ended, is back in service.
            t.setName(t.getName().replaceFirst("-abandoned-.*", ""));
            thread = t;
            int i;
            while ((i = take()) >= 0) {
                Object result = evaluate(i);
                answer(i, result);
                done();
                if (awaitingStop) {
                    wake();
                }
            }
        }

        private synchronized int take() {
            Thread.interrupted();
            if (abandoned || stopping) {
                return -1;
            }
            if (cursor + 1 < claimEnd) {
                cursor++;
            } else {
                int[] back = handedBack.poll();
                if (back != null) {
                    cursor = back[0];
                    claimEnd = back[1];
                } else {
                    int start = next.getAndAdd(claim);
                    if (start >= results.length()) {
                        return -1;
                    }
                    cursor = start;
                    claimEnd = Math.min(start + claim, results.length());
                }
            }
            since = System.nanoTime();
            running = cursor;
            return cursor;
        }

        /** Between tasks: an interrupt that arrived as the check finished must not reach the next one. */
        private synchronized void done() {
            running = -1;
            Thread.interrupted();
        }

        /** Interrupts the worker if it still runs task {@code i}, never once it has moved on. */
        synchronized void interrupt(int i) {
            if (running == i) {
                thread.interrupt();
            }
        }

        synchronized int runningNow() {
            return running;
        }

        /** Leaves it behind: it takes no more tasks, and what it claimed but has not started is returned. */
        synchronized Optional<int[]> abandon() {
            abandoned = true;
            if (cursor + 1 >= claimEnd) {
                return Optional.empty();
            }
            int[] rest = {cursor + 1, claimEnd};
            claimEnd = cursor + 1;
            return Optional.of(rest);
        }
    }

    /** One task's findings, or its failure; never throws. */
    private Object evaluate(int task) {
        PluginCheck c = checks.get(task % checks.size());
        Environment environment = environments.get(task / checks.size());
        try {
            List<Finding> findings;
            try (PluginCalls.Frame ignored = PluginCalls.enter(calls[task % checks.size()])) {
                findings = c.check().evaluate(environment, facts, knowledge);
            }
            if (findings == null) {
                return new CheckFailure(
                        c.article(),
                        c.plugin(),
                        CheckFailure.Kind.NULL,
                        "returned null instead of a list of findings",
                        Optional.empty());
            }
            if (findings.isEmpty()) {
                // Most checks find nothing in most environments: no iterator, no copy.
                return List.of();
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
