package io.kbsh.net.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.dns.DnsOutcome;
import io.kbsh.net.dns.MxRecord;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.net.testkit.Dialogue;
import io.kbsh.net.testkit.DnsTestServer;
import io.kbsh.net.testkit.ScriptedServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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
        good = new ScriptedServer("127.0.0.3", 0, Dialogue.greeting("220 mx2.test ESMTP\r\n")
                .on("EHLO", "250-mx2.test\r\n250 PIPELINING\r\n").on("QUIT", "221 bye\r\n"));
        silent = new ScriptedServer("127.0.0.4", good.port(), ScriptedServer::holdOpen);
        dns = new DnsTestServer()
                .mx("q166604.test", 10, "mx1.q166604.test").mx("q166604.test", 20, "mx2.q166604.test")
                .a("mx1.q166604.test", "127.0.0.2").a("mx2.q166604.test", "127.0.0.3")
                .mx("mute.test", 10, "mute-mx.test").mx("mute.test", 20, "mx2.q166604.test")
                .a("mute-mx.test", "127.0.0.4")
                .mx("dead.test", 10, "mx1.q166604.test")
                .mx("equal.test", 10, "mx1.q166604.test").mx("equal.test", 10, "mx2.q166604.test")
                .mx("alias.test", 10, "mail.alias.test").cname("mail.alias.test", "mx2.q166604.test")
                .mx("ghost.test", 10, "nowhere.test").mx("ghost.test", 20, "mx2.q166604.test")
                .a("implicit.test", "127.0.0.3")
                .nullMx("nomail.test")
                .rcode("servfail.test", Rcode.SERVFAIL)
                .silent("slow.test");
        options = ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(700), Duration.ofSeconds(4))
                .withDnsServer(dns.address()).withDnsTimeout(Duration.ofMillis(400))
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
        assertEquals(List.of("mx1.q166604.test", "mx2.q166604.test"), r.hosts().stream().map(MxHost::name).toList());
        MxHost first = r.hosts().get(0);
        assertEquals(ProbeStatus.REFUSED, first.status());
        assertEquals("127.0.0.2", first.address());
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
        assertEquals("127.0.0.3", r.hosts().get(0).address());
        assertTrue(r.hosts().get(0).accepts());
        assertFalse(r.firstHostOnlyFails());
    }

    @Test
    void anMxHostWithoutAddressIsADnsError() {
        MxReport r = check("ghost.test");
        MxHost ghost = r.hosts().get(0);
        assertEquals(ProbeStatus.DNS_ERROR, ghost.status());
        assertNull(ghost.address());
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
            assertEquals(r.hosts().get(0).name().equals("mx1.q166604.test"), r.firstHostOnlyFails());
        }
        assertEquals(Set.of("mx1.q166604.test", "mx2.q166604.test"), firsts);
    }

    @Test
    void equalPreferencesAreShuffled() {
        MxProbe probe = new MxProbe(new Random(42), new ProbeRunner(1, 1));
        List<MxRecord> records = List.of(new MxRecord("a", 10), new MxRecord("b", 10), new MxRecord("c", 5));
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            List<String> order = probe.senderOrder(records).stream().map(MxRecord::host).toList();
            assertEquals("c", order.get(0), "lower preference first, always");
            orders.add(order);
        }
        assertEquals(Set.of(List.of("c", "a", "b"), List.of("c", "b", "a")), orders);
    }
}
