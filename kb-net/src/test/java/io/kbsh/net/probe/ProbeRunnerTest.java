package io.kbsh.net.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.mail.SmtpProbe;
import io.kbsh.net.testkit.Threads;
import io.kbsh.testkit.net.ScriptedServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {

    private static final ProbeOptions SLOW =
            ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(20));

    /** Counts how many of its runs overlap, overall and per host, while it waits for a greeting. */
    private static final class CountingProbe implements Probe {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final Map<String, AtomicInteger> perHostNow = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> perHostPeak = new ConcurrentHashMap<>();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public int defaultPort(TlsMode tls) {
            return 0;
        }

        @Override
        public void run(ProbeContext context) throws IOException, ProbeException {
            String host = context.target().host();
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            int h = perHostNow.computeIfAbsent(host, k -> new AtomicInteger()).incrementAndGet();
            perHostPeak.computeIfAbsent(host, k -> new AtomicInteger()).accumulateAndGet(h, Math::max);
            try {
                context.connect().readLine();
            } finally {
                perHostNow.get(host).decrementAndGet();
                now.decrementAndGet();
            }
        }
    }

    private static ScriptedServer.Script greetAfter(long millis) {
        return s -> {
            Thread.sleep(millis); // the scenario: a server that takes its time to greet
            ScriptedServer.send(s, "220 late\r\n");
        };
    }

    @Test
    void capsProbesInFlightAndPerHostAndKeepsRequestOrder() throws Exception {
        try (ScriptedServer a = new ScriptedServer("127.0.0.1", 0, greetAfter(150));
                ScriptedServer b = new ScriptedServer("127.0.0.2", 0, greetAfter(150))) {
            CountingProbe probe = new CountingProbe();
            List<ProbeRequest> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ScriptedServer s = i % 2 == 0 ? a : b;
                requests.add(new ProbeRequest(probe, ProbeTarget.of(s.host(), s.port()), SLOW));
            }
            List<ProbeResult> results =
                    new ProbeRunner(3, 2).run(requests, Instant.now().plusSeconds(10));
            assertEquals(8, results.size());
            for (int i = 0; i < 8; i++) {
                assertEquals(
                        ProbeStatus.OK, results.get(i).status(), results.get(i).detail());
                assertEquals(requests.get(i).target(), results.get(i).target());
            }
            assertEquals(3, probe.peak.get(), "three in flight at most, and the cap is used");
            assertTrue(probe.perHostPeak.values().stream().allMatch(p -> p.get() <= 2), probe.perHostPeak.toString());
            assertEquals(List.of(), Threads.probeThreads());
        }
    }

    @Test
    void thePerHostCapHoldsWhereTheOverallCapWouldAllowMore() throws Exception {
        try (ScriptedServer a = new ScriptedServer("127.0.0.1", 0, greetAfter(300));
                ScriptedServer b = new ScriptedServer("127.0.0.2", 0, greetAfter(300))) {
            CountingProbe probe = new CountingProbe();
            List<ProbeRequest> requests = new ArrayList<>();
            for (ScriptedServer s : List.of(a, a, a, a, b, b, b, b)) {
                requests.add(new ProbeRequest(probe, ProbeTarget.of(s.host(), s.port()), SLOW));
            }
            List<ProbeResult> results =
                    new ProbeRunner(8, 2).run(requests, Instant.now().plusSeconds(10));
            results.forEach(r -> assertEquals(ProbeStatus.OK, r.status(), r.detail()));
            assertEquals(
                    Map.of("127.0.0.1", 2, "127.0.0.2", 2),
                    Map.of(
                            "127.0.0.1", probe.perHostPeak.get("127.0.0.1").get(),
                            "127.0.0.2", probe.perHostPeak.get("127.0.0.2").get()),
                    "two per host, no more, no fewer");
            assertTrue(probe.peak.get() <= 4, "in flight: " + probe.peak.get());
        }
    }

    @Test
    void theRunDeadlineBoundsEveryProbe() throws Exception {
        try (ScriptedServer silent = new ScriptedServer(ScriptedServer::holdOpen)) {
            List<ProbeRequest> requests = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                requests.add(new ProbeRequest(new SmtpProbe(), ProbeTarget.of("127.0.0.1", silent.port()), SLOW));
            }
            long t0 = System.nanoTime();
            List<ProbeResult> results =
                    new ProbeRunner(8, 8).run(requests, Instant.now().plusMillis(800));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertTrue(took.compareTo(Duration.ofMillis(3000)) < 0, "took " + took);
            assertTrue(took.compareTo(Duration.ofMillis(700)) > 0, "ended before the deadline: " + took);
            results.forEach(r -> assertEquals(ProbeStatus.TIMEOUT, r.status(), r.detail()));
            assertTrue(silent.awaitClientsClosed(Duration.ofSeconds(3)));
        }
    }

    @Test
    void interruptCancelsCleanly() throws Exception {
        try (ScriptedServer silent = new ScriptedServer(ScriptedServer::holdOpen)) {
            List<ProbeRequest> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                requests.add(new ProbeRequest(new SmtpProbe(), ProbeTarget.of("127.0.0.1", silent.port()), SLOW));
            }
            AtomicReference<List<ProbeResult>> results = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Thread caller = new Thread(
                    () -> {
                        results.set(new ProbeRunner(4, 4)
                                .run(requests, Instant.now().plusSeconds(30)));
                        flagKept.set(Thread.currentThread().isInterrupted());
                    },
                    "test-caller");
            caller.start();
            assertTrue(silent.awaitAccepted(4, Duration.ofSeconds(5)), "four probes should be connected");
            long t0 = System.nanoTime();
            caller.interrupt(); // what Ctrl-C does to the command's thread
            caller.join(5000);
            assertFalse(caller.isAlive());
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(3)) < 0);
            assertTrue(flagKept.get(), "the caller must still see its interrupt");
            assertEquals(6, results.get().size());
            results.get().forEach(r -> assertEquals(ProbeStatus.CANCELLED, r.status()));
            assertTrue(silent.awaitClientsClosed(Duration.ofSeconds(3)), "sockets left open");
            assertEquals(List.of(), Threads.probeThreads());
        }
    }
}
