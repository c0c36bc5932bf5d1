package io.kbsh.net.probe;

import io.kbsh.model.fact.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many probes at once: at most {@code maxInFlight} at a time and {@code maxPerHost} against one host,
 * each bounded by its own options and all by one absolute deadline. Threads are started for a run and gone
 * when {@link #run} returns. Interrupting the calling thread (Ctrl-C) cancels the run: open connections are
 * closed, unfinished probes come back {@code CANCELLED}, and the interrupt flag stays set for the caller.
 */
public final class ProbeRunner {

    /** Called from the probing threads after each probe ends. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, ProbeResult latest);
    }

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Duration GRACE = Duration.ofSeconds(2);

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
        return run(requests, deadline, (done, total, latest) -> { });
    }

    /** Runs {@code requests}; results come back in the order of the requests. */
    public List<ProbeResult> run(List<ProbeRequest> requests, Instant deadline, Progress progress) {
        int total = requests.size();
        ProbeResult[] results = new ProbeResult[total];
        if (total == 0) {
            return List.of();
        }
        long runDeadline = System.nanoTime() + Duration.between(Instant.now(), deadline).toNanos();
        Set<ProbeContext> running = ConcurrentHashMap.newKeySet();
        Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
        CountDownLatch finished = new CountDownLatch(total);
        AtomicInteger done = new AtomicInteger();
        int threads = Math.min(maxInFlight, total);
        int run = RUNS.incrementAndGet();
        AtomicInteger threadNo = new AtomicInteger();
        List<Thread> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "kbsh-probe-" + run + "-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    started.add(t);
                    return t;
                });
        boolean interrupted = false;
        try {
            for (int i : interleavedByHost(requests)) {
                ProbeRequest request = requests.get(i);
                pool.execute(() -> {
                    try {
                        results[i] = runOne(request, runDeadline, running,
                                perHost.computeIfAbsent(key(request), k -> new Semaphore(maxPerHost)));
                        progress.update(done.incrementAndGet(), total, results[i]);
                    } finally {
                        finished.countDown();
                    }
                });
            }
            long wait = runDeadline - System.nanoTime() + GRACE.toNanos();
            if (!finished.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                running.forEach(ProbeContext::abort); // a probe that ignored its deadline
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                running.forEach(ProbeContext::abort);
            }
            pool.shutdownNow();
            running.forEach(ProbeContext::abort);
            awaitQuietly(pool, started);
        }
        List<ProbeResult> out = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            out.add(results[i] != null ? results[i] : cancelled(requests.get(i)));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private static ProbeResult runOne(ProbeRequest request, long runDeadline, Set<ProbeContext> running,
                                      Semaphore hostPermits) {
        if (Thread.currentThread().isInterrupted()) {
            return cancelled(request);
        }
        try {
            long wait = runDeadline - System.nanoTime();
            if (!hostPermits.tryAcquire(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                ProbeContext late = ProbeContext.open(request.probe().id(), request.target(), request.options(),
                        runDeadline);
                return late.execute(request.probe());
            }
        } catch (InterruptedException e) {
            return cancelled(request);
        }
        try {
            ProbeContext context = ProbeContext.open(request.probe().id(), request.target(), request.options(),
                    runDeadline);
            running.add(context);
            try {
                return context.execute(request.probe());
            } finally {
                running.remove(context);
            }
        } finally {
            hostPermits.release();
        }
    }

    private static ProbeResult cancelled(ProbeRequest r) {
        return new ProbeResult(r.probe().id(), r.target(), ProbeStatus.CANCELLED, "none", Duration.ZERO,
                Map.of("detail", "cancelled before it ran"), Instant.now());
    }

    private static String key(ProbeRequest r) {
        return r.target().host().toLowerCase(java.util.Locale.ROOT);
    }

    /** Request indexes taking hosts in turn, so that one busy host does not hold up the others. */
    private static List<Integer> interleavedByHost(List<ProbeRequest> requests) {
        Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byHost.computeIfAbsent(key(requests.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<Integer> order = new ArrayList<>(requests.size());
        for (int round = 0; order.size() < requests.size(); round++) {
            for (List<Integer> indexes : byHost.values()) {
                if (round < indexes.size()) {
                    order.add(indexes.get(round));
                }
            }
        }
        return order;
    }

    /** Waits (bounded) until the pool's threads are gone, not merely idle, so that a run leaves none behind. */
    private static void awaitQuietly(ExecutorService pool, List<Thread> threads) {
        boolean interrupted = Thread.interrupted();
        long end = System.nanoTime() + GRACE.toNanos();
        try {
            pool.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            for (Thread t : threads) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left > 0) {
                    t.join(left);
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
