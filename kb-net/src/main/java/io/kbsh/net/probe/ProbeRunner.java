package io.kbsh.net.probe;

import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many probes at once: at most {@code maxInFlight} at a time and {@code maxPerHost} against one host,
 * each bounded by its own options and all by one absolute deadline. Threads are started for a run and gone
 * when {@link #run} returns. Interrupting the calling thread (Ctrl-C) cancels the run: open connections are
 * closed, unfinished probes come back {@code CANCELLED}, and the interrupt flag stays set for the caller.
 *
 * <p>Thread safety: a runner holds no state between runs; one instance may run from several threads at once,
 * each run with its own threads and deadline.
 *
 * @since 2.0
 */
public final class ProbeRunner {

    /**
     * Called from the probing threads after each probe ends.
     *
     * @since 2.0
     */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, ProbeResult latest);
    }

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** Each new worker starts this many more before it probes, so that thousands start in parallel. */
    private static final int FAN_OUT = 2;
    /** Probes run shallow (a TLS handshake at most): small stacks make thousands of threads cheap. */
    private static final long STACK_BYTES = 512 * 1024;

    private final int maxInFlight;
    private final int maxPerHost;

    public ProbeRunner(int maxInFlight, int maxPerHost) {
        if (maxInFlight < 1 || maxPerHost < 1) {
            throw new IllegalArgumentException("caps must be at least 1");
        }
        this.maxInFlight = maxInFlight;
        this.maxPerHost = maxPerHost;
    }

    /** 64 probes in flight, 8 per host. */
    public static ProbeRunner defaults() {
        return new ProbeRunner(64, 8);
    }

    /** Runs {@code requests} with no progress reports; results in the order of the requests. */
    public List<ProbeResult> run(List<ProbeRequest> requests, Instant deadline) {
        return run(requests, deadline, (done, total, latest) -> {});
    }

    /** Runs {@code requests}; results come back in the order of the requests. */
    public List<ProbeResult> run(List<ProbeRequest> requests, Instant deadline, Progress progress) {
        if (requests.isEmpty()) {
            return List.of();
        }
        long runDeadline =
                System.nanoTime() + Duration.between(Instant.now(), deadline).toNanos();
        Run run = new Run(requests, runDeadline, progress, Math.min(maxInFlight, requests.size()));
        boolean interrupted = false;
        try {
            run.spawn();
            long wait = runDeadline - System.nanoTime() + GRACE.toNanos();
            if (!run.finished.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                run.abortAll(); // a probe that ignored its deadline
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            run.stop();
        }
        List<ProbeResult> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ProbeResult r = run.results[i];
            out.add(r != null ? r : cancelled(requests.get(i)));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** The state of one run: its work list, workers, open probes and results. */
    private final class Run {
        final List<ProbeRequest> requests;
        final int[] order;
        final ProbeResult[] results;
        final long deadline;
        final Progress progress;
        final int threads;
        final int id = RUNS.incrementAndGet();
        final AtomicInteger spawned = new AtomicInteger();
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final CountDownLatch finished;
        final Queue<Thread> workers = new ConcurrentLinkedQueue<>();
        final Set<ProbeContext> running = ConcurrentHashMap.newKeySet();
        final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
        volatile boolean stopped;

        Run(List<ProbeRequest> requests, long deadline, Progress progress, int threads) {
            this.requests = requests;
            this.order = interleavedByHost(requests);
            this.results = new ProbeResult[requests.size()];
            this.deadline = deadline;
            this.progress = progress;
            this.threads = threads;
            this.finished = new CountDownLatch(requests.size());
        }

        /** Starts one more worker unless all are started or the run stopped. */
        void spawn() {
            if (stopped || spawned.incrementAndGet() > threads) {
                return;
            }
            Thread t = new Thread(null, this::work, "kbsh-probe-" + id + "-" + spawned.get(), STACK_BYTES);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }

        void work() {
            for (int i = 0; i < FAN_OUT; i++) {
                spawn();
            }
            int k;
            while (!stopped && (k = next.getAndIncrement()) < order.length) {
                int index = order[k];
                ProbeRequest request = requests.get(index);
                try {
                    results[index] = runOne(request, this);
                    progress.update(done.incrementAndGet(), order.length, results[index]);
                } catch (RuntimeException brokenProgress) {
                    // a failing progress display must not stop the probing
                } finally {
                    finished.countDown();
                }
            }
        }

        void abortAll() {
            running.forEach(ProbeContext::abort);
        }

        /** Stops the run and waits (bounded) until its threads are gone, not merely idle. */
        void stop() {
            stopped = true;
            abortAll();
            workers.forEach(Thread::interrupt);
            abortAll(); // a probe that registered while the first pass ran
            boolean interrupted = Thread.interrupted();
            long end = System.nanoTime() + GRACE.toNanos();
            try {
                // Twice: a worker that was starting one more as the run stopped adds it after the first pass.
                for (int pass = 0; pass < 2; pass++) {
                    for (Thread t : workers) {
                        long left = (end - System.nanoTime()) / 1_000_000;
                        if (left > 0) {
                            t.join(left);
                        }
                    }
                }
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private ProbeResult runOne(ProbeRequest request, Run run) {
        if (run.stopped || Thread.currentThread().isInterrupted()) {
            return cancelled(request);
        }
        Semaphore hostPermits = run.perHost.computeIfAbsent(key(request), k -> new Semaphore(maxPerHost));
        try {
            long wait = run.deadline - System.nanoTime();
            if (!hostPermits.tryAcquire(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                return ProbeContext.open(
                                request.probe().id(),
                                request.target(),
                                request.options(),
                                OptionalLong.of(run.deadline))
                        .execute(request.probe()); // the deadline passed while waiting: a TIMEOUT result
            }
        } catch (InterruptedException e) {
            return cancelled(request);
        }
        try {
            ProbeContext context = ProbeContext.open(
                    request.probe().id(), request.target(), request.options(), OptionalLong.of(run.deadline));
            run.running.add(context);
            try {
                if (run.stopped) {
                    context.abort();
                }
                return context.execute(request.probe());
            } finally {
                run.running.remove(context);
            }
        } finally {
            hostPermits.release();
        }
    }

    private static ProbeResult cancelled(ProbeRequest r) {
        return new ProbeResult(
                r.probe().id(),
                r.target(),
                ProbeStatus.CANCELLED,
                "none",
                Duration.ZERO,
                Evidence.builder()
                        .text(EvidenceKeys.DETAIL, "cancelled before it ran")
                        .build(),
                Instant.now());
    }

    private static String key(ProbeRequest r) {
        return r.target().host().toLowerCase(Locale.ROOT);
    }

    /** Request indexes taking hosts in turn, so that one busy host does not hold up the others. */
    private static int[] interleavedByHost(List<ProbeRequest> requests) {
        Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byHost.computeIfAbsent(key(requests.get(i)), k -> new ArrayList<>()).add(i);
        }
        int[] order = new int[requests.size()];
        int n = 0;
        for (int round = 0; n < order.length; round++) {
            for (List<Integer> indexes : byHost.values()) {
                if (round < indexes.size()) {
                    order[n++] = indexes.get(round);
                }
            }
        }
        return order;
    }
}
