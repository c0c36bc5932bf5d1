package io.kbsh.net.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.dns.DnsOutcome;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.dns.MxRecord;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.testkit.net.Dialogue;
import io.kbsh.testkit.net.DnsTestServer;
import io.kbsh.testkit.net.ScriptedServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/**
 * The MX probe end to end: a DNS server in the test, SMTP servers on distinct loopback addresses sharing
 * one port (127.0.0.3 greets; nothing listens on 127.0.0.2; 127.0.0.4 accepts and never greets).
 */
class MxProbeTest {

    private static DnsTestServer dns;
    private static ScriptedServer good;
    private static ScriptedServer silent;
    private static ProbeOptions options;

    @BeforeAll
    static void start() throws Exception {
        good = new ScriptedServer(
                "127.0.0.3",
                0,
                Dialogue.greeting("220 mx2.test ESMTP\r\n")
                        .on("EHLO", "250-mx2.test\r\n250 PIPELINING\r\n")
                        .on("QUIT", "221 bye\r\n"));
        silent = new ScriptedServer("127.0.0.4", good.port(), ScriptedServer::holdOpen);
        dns = new DnsTestServer()
                .mx("q166604.test", 10, "mx1.q166604.test")
                .mx("q166604.test", 20, "mx2.q166604.test")
                .a("mx1.q166604.test", "127.0.0.2")
                .a("mx2.q166604.test", "127.0.0.3")
                .mx("mute.test", 10, "mute-mx.test")
                .mx("mute.test", 20, "mx2.q166604.test")
                .a("mute-mx.test", "127.0.0.4")
                .mx("dead.test", 10, "mx1.q166604.test")
                .mx("equal.test", 10, "mx1.q166604.test")
                .mx("equal.test", 10, "mx2.q166604.test")
                .mx("alias.test", 10, "mail.alias.test")
                .cname("mail.alias.test", "mx2.q166604.test")
                .mx("ghost.test", 10, "nowhere.test")
                .mx("ghost.test", 20, "mx2.q166604.test")
                .a("implicit.test", "127.0.0.3")
                .nullMx("nomail.test")
                .rcode("servfail.test", Rcode.SERVFAIL)
                .silent("slow.test");
        options = ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(700), Duration.ofSeconds(4))
                .withDnsServer(dns.address())
                .withDnsTimeout(Duration.ofMillis(400))
                .withSmtpPort(good.port());
    }

    @AfterAll
    static void stop() throws Exception {
        dns.close();
        good.close();
        silent.close();
    }

    private static MxReport check(String domain) {
        return new MxProbe(new Random(1), new ProbeRunner(8, 4)).check(domain, options);
    }

    @Test
    void firstHostDeadSecondDelivers() {
        MxReport r = check("q166604.test");
        assertEquals(DnsOutcome.OK, r.dnsOutcome());
        assertEquals(
                List.of("mx1.q166604.test", "mx2.q166604.test"),
                r.hosts().stream().map(MxHost::name).toList());
        MxHost first = r.hosts().get(0);
        assertEquals(ProbeStatus.REFUSED, first.status());
        assertEquals(Optional.of("127.0.0.2"), first.address());
        assertEquals("resolve", first.stage());
        MxHost second = r.hosts().get(1);
        assertEquals(ProbeStatus.OK, second.status(), second.detail());
        assertEquals("ehlo", second.stage());
        assertTrue(r.fallbackDelivers());
        assertTrue(r.firstHostOnlyFails());
        MxFact fact = r.toFact();
        assertTrue(fact.firstDownLaterUp());
        assertEquals("OK", fact.dnsOutcome());
        assertEquals(20, fact.hosts().get(1).preference());
    }

    @Test
    void aHostThatNeverGreetsIsItsOwnOutcome() {
        MxReport r = check("mute.test");
        assertEquals(ProbeStatus.CONNECTED_SILENT, r.hosts().get(0).status());
        assertEquals("connect", r.hosts().get(0).stage());
        assertTrue(r.toFact().firstDownLaterUp());
    }

    @Test
    void everyHostDeadNothingDelivers() {
        MxReport r = check("dead.test");
        assertFalse(r.fallbackDelivers());
        assertTrue(r.firstHostOnlyFails());
        assertFalse(r.toFact().firstDownLaterUp());
    }

    @Test
    void mxHostBehindACname() {
        MxReport r = check("alias.test");
        assertEquals(Optional.of("127.0.0.3"), r.hosts().get(0).address());
        assertTrue(r.hosts().get(0).accepts());
        assertFalse(r.firstHostOnlyFails());
    }

    @Test
    void anMxHostWithoutAddressIsADnsError() {
        MxReport r = check("ghost.test");
        MxHost ghost = r.hosts().get(0);
        assertEquals(ProbeStatus.DNS_ERROR, ghost.status());
        assertEquals(Optional.empty(), ghost.address());
        assertEquals("none", ghost.stage());
        assertTrue(r.fallbackDelivers());
        assertTrue(r.firstHostOnlyFails());
    }

    @Test
    void implicitMxIsTheDomainItself() {
        MxReport r = check("implicit.test");
        assertEquals(DnsOutcome.IMPLICIT_MX, r.dnsOutcome());
        assertEquals(1, r.hosts().size());
        assertEquals("implicit.test", r.hosts().get(0).name());
        assertTrue(r.fallbackDelivers());
    }

    @Test
    void dnsOutcomesAreDistinctAndProbeNothing() {
        int before = good.accepted();
        assertEquals(DnsOutcome.NULL_MX, check("nomail.test").dnsOutcome());
        assertEquals(DnsOutcome.NXDOMAIN, check("unknown.test").dnsOutcome());
        assertEquals(DnsOutcome.SERVFAIL, check("servfail.test").dnsOutcome());
        MxReport slow = check("slow.test");
        assertEquals(DnsOutcome.TIMEOUT, slow.dnsOutcome());
        assertEquals("TIMEOUT", slow.toFact().dnsOutcome());
        assertTrue(slow.hosts().isEmpty());
        assertFalse(slow.fallbackDelivers());
        assertEquals(before, good.accepted());
    }

    @Test
    void equalPreferencesComeInEitherOrderAndBothAreProbed() {
        Set<String> firsts = new HashSet<>();
        for (int seed = 0; seed < 12; seed++) {
            // Spread seeds: java.util.Random's first draws from neighbouring seeds are alike.
            MxReport r = new MxProbe(new Random(seed * 0x9E3779B97F4A7C15L), new ProbeRunner(8, 4))
                    .check("equal.test", options);
            assertEquals(2, r.hosts().size());
            firsts.add(r.hosts().get(0).name());
            assertTrue(r.fallbackDelivers());
            // One of the two equal hosts is dead: the shuffle decides which comes first, never the verdict.
            assertFalse(r.firstHostOnlyFails(), "seed " + seed + ": " + r.hosts());
            assertEquals(MxFact.FirstHostOnly.INDETERMINATE, r.firstHostOnly());
            assertEquals(MxFact.FirstHostOnly.INDETERMINATE, r.toFact().firstHostOnly());
            assertFalse(r.toFact().firstDownLaterUp());
        }
        assertEquals(Set.of("mx1.q166604.test", "mx2.q166604.test"), firsts);
    }

    /**
     * Q166604's verdict against a DNS server that answers in rotating order (round-robin), probed many times
     * with the probe's own shuffle: the first host tried changes, the verdict never does.
     */
    @Test
    void theVerdictIsTheSameHoweverEqualPreferencesAreOrdered() throws Exception {
        try (DnsTestServer rr = new DnsTestServer()
                .rotating()
                .mx("rr.test", 10, "mx1.q166604.test")
                .mx("rr.test", 10, "mx2.q166604.test")
                .mx("rr.test", 10, "mx3.rr.test")
                .mx("rr-dead.test", 10, "mx1.q166604.test")
                .mx("rr-dead.test", 10, "mx3.rr.test")
                .mx("rr-dead.test", 20, "mx2.q166604.test")
                .a("mx1.q166604.test", "127.0.0.2")
                .a("mx2.q166604.test", "127.0.0.3")
                .a("mx3.rr.test", "127.0.0.2")) {
            ProbeOptions rotating = options.withDnsServer(rr.address());
            Set<List<String>> answerOrders = new HashSet<>();
            DnsResolver resolver = DnsResolver.at(rr.address(), Duration.ofMillis(400));
            for (int i = 0; i < 3; i++) {
                answerOrders.add(resolver.mx("rr.test").records().stream()
                        .map(MxRecord::host)
                        .toList());
            }
            assertEquals(3, answerOrders.size(), "the server rotates its answers: " + answerOrders);
            Set<String> firsts = new HashSet<>();
            MxProbe probe = new MxProbe(new Random(), new ProbeRunner(8, 4));
            for (int run = 0; run < 24; run++) {
                MxReport mixed = probe.check("rr.test", rotating);
                firsts.add(mixed.hosts().get(0).name());
                assertEquals(
                        MxFact.FirstHostOnly.INDETERMINATE, mixed.firstHostOnly(), "run " + run + ": " + mixed.hosts());
                assertFalse(mixed.firstHostOnlyFails());
                assertTrue(mixed.fallbackDelivers());
                MxReport dead = probe.check("rr-dead.test", rotating);
                assertEquals(MxFact.FirstHostOnly.FAILS, dead.firstHostOnly(), "run " + run + ": " + dead.hosts());
                assertTrue(dead.toFact().firstDownLaterUp());
            }
            assertTrue(firsts.size() > 1, "the order of equal preferences varied between runs: " + firsts);
        }
    }

    @Test
    void theVerdictOverTheLowestPreferenceHosts() {
        MxFact.Host up = new MxFact.Host("a.test", 10, "127.0.0.3", ProbeStatus.OK, "ehlo");
        MxFact.Host down = new MxFact.Host("b.test", 10, "127.0.0.2", ProbeStatus.REFUSED, "resolve");
        MxFact.Host downOtherAddress = new MxFact.Host("a.test", 10, "127.0.0.9", ProbeStatus.TIMEOUT, "connect");
        MxFact.Host backup = new MxFact.Host("c.test", 20, "127.0.0.3", ProbeStatus.OK, "ehlo");
        assertEquals(MxFact.FirstHostOnly.INDETERMINATE, MxFact.FirstHostOnly.of(List.of(up, down)));
        assertEquals(MxFact.FirstHostOnly.INDETERMINATE, MxFact.FirstHostOnly.of(List.of(down, up)));
        assertEquals(
                MxFact.FirstHostOnly.DELIVERS,
                MxFact.FirstHostOnly.of(List.of(downOtherAddress, up, backup)),
                "a host delivers when any of its addresses does");
        assertEquals(MxFact.FirstHostOnly.FAILS, MxFact.FirstHostOnly.of(List.of(down, backup)));
        assertEquals(MxFact.FirstHostOnly.FAILS, MxFact.FirstHostOnly.of(List.of()));
    }

    @Test
    void equalPreferencesAreShuffled() {
        MxProbe probe = new MxProbe(new Random(42), new ProbeRunner(1, 1));
        List<MxRecord> records = List.of(new MxRecord("a", 10), new MxRecord("b", 10), new MxRecord("c", 5));
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            List<String> order =
                    probe.senderOrder(records).stream().map(MxRecord::host).toList();
            assertEquals("c", order.get(0), "lower preference first, always");
            orders.add(order);
        }
        assertEquals(Set.of(List.of("c", "a", "b"), List.of("c", "b", "a")), orders);
    }

    /** A DNS server whose MX answer names {@code n} hosts and drops every address query for them. */
    private static DnsTestServer droppingAddresses(String domain, int n) throws Exception {
        DnsTestServer server = new DnsTestServer();
        for (int i = 0; i < n; i++) {
            String host = "mx" + i + "." + domain;
            server.mx(domain, 10 + i, host).silent(host);
        }
        return server;
    }

    @Test
    void aThousandMxHostsWhoseAddressQueriesAreDroppedEndWithinTheBoundAndSayTheCap() throws Exception {
        // Issue 14: each host's look-up used to wait its own 3 s outside the deadline (still running after 40 s).
        try (DnsTestServer drops = droppingAddresses("many.test", 1000)) {
            ProbeOptions defaults = ProbeOptions.defaults().withDnsServer(drops.address());
            long t0 = System.nanoTime();
            MxReport r = new MxProbe(new Random(1), new ProbeRunner(8, 4)).check("many.test", defaults);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertTrue(took.compareTo(Duration.ofSeconds(25)) < 0, "took " + took);
            assertEquals(DnsOutcome.OK, r.dnsOutcome());
            assertEquals(MxProbe.DEFAULT_MAX_HOSTS, r.hosts().size());
            assertEquals(1000 - MxProbe.DEFAULT_MAX_HOSTS, r.hostsNotFollowed());
            assertTrue(r.dnsDetail().contains("followed the first 20 of 1000 MX hosts"), r.dnsDetail());
            assertTrue(
                    r.hosts().stream().allMatch(h -> h.status() == ProbeStatus.DNS_ERROR),
                    r.hosts().toString());
            assertEquals(980, r.toFact().hostsNotFollowed());
            assertTrue(
                    r.toFact().describe().contains("980 more MX hosts not followed"),
                    r.toFact().describe());
            assertTrue(drops.queries() <= 1 + MxProbe.DEFAULT_MAX_HOSTS * 2, "queries: " + drops.queries());
        }
    }

    @Test
    void theDeadlineCoversTheAddressLookUps() throws Exception {
        // Ten hosts, 3 s per dropped query, --deadline 5: took 30.5 s before; now the deadline holds.
        try (DnsTestServer drops = droppingAddresses("ten.test", 10)) {
            ProbeOptions five = ProbeOptions.defaults()
                    .withDnsServer(drops.address())
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
            long t0 = System.nanoTime();
            MxReport r = new MxProbe(new Random(1), new ProbeRunner(8, 4)).check("ten.test", five);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertTrue(took.compareTo(Duration.ofSeconds(7)) < 0, "took " + took);
            assertEquals(10, r.hosts().size());
            assertEquals(0, r.hostsNotFollowed());
            assertTrue(
                    r.hosts().stream().allMatch(h -> h.status() == ProbeStatus.DNS_ERROR),
                    r.hosts().toString());
        }
    }

    @Test
    void aDroppedHostDoesNotKeepTheOthersFromBeingProbed() throws Exception {
        // Look-ups run side by side: a good host after several dead ones is still reached within the deadline.
        try (DnsTestServer mixed = droppingAddresses("mixed.test", 6)) {
            mixed.mx("mixed.test", 99, "good.mixed.test").a("good.mixed.test", "127.0.0.3");
            ProbeOptions o = options.withDnsServer(mixed.address())
                    .withDnsTimeout(Duration.ofSeconds(3))
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
            MxReport r = new MxProbe(new Random(1), new ProbeRunner(8, 4)).check("mixed.test", o);
            MxHost good = r.hosts().get(r.hosts().size() - 1);
            assertEquals("good.mixed.test", good.name());
            assertEquals(ProbeStatus.OK, good.status(), good.detail());
            assertTrue(r.fallbackDelivers());
        }
    }
}
