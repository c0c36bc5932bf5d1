package io.kbsh.net.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.fact.PtrFact;
import io.kbsh.model.fact.SoaFact;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.testkit.net.DnsTestServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PTR and SOA probes against real DNS packets from dnsjava-based servers on loopback. */
class LookupProbeTest {

    private static ProbeOptions at(DnsTestServer dns) {
        return ProbeOptions.defaults()
                .withDnsServer(dns.address())
                .withDnsTimeout(Duration.ofMillis(500))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void reverseLookUpNamesTheHostAndChecksThatItResolvesBack() throws Exception {
        try (DnsTestServer dns = new DnsTestServer()
                .ptr("127.0.0.5", "mta.site.test")
                .a("mta.site.test", "127.0.0.5")
                .ptr("127.0.0.6", "liar.test")
                .a("liar.test", "127.0.0.9")) {
            PtrFact good = new PtrProbe().check("127.0.0.5", at(dns));
            assertEquals("OK", good.dnsOutcome());
            assertEquals(List.of("mta.site.test"), good.names());
            assertTrue(good.confirms("mta.site.test."), good.describe());

            PtrFact liar = new PtrProbe().check("127.0.0.6", at(dns));
            assertEquals(List.of("liar.test"), liar.names());
            assertFalse(liar.confirms("liar.test"), "its name resolves to another address");
            assertTrue(liar.describe().contains("does not resolve back"), liar.describe());

            PtrFact none = new PtrProbe().check("127.0.0.7", at(dns));
            assertEquals("NXDOMAIN", none.dnsOutcome());
            assertTrue(none.names().isEmpty());
        }
        assertThrows(
                IllegalArgumentException.class, () -> new PtrProbe().check("mta.site.test", ProbeOptions.defaults()));
    }

    @Test
    void aReverseLookUpThatIsDroppedEndsWithinTheDnsTimeOut() throws Exception {
        try (DnsTestServer dns = new DnsTestServer().silent("8.0.0.127.in-addr.arpa")) {
            long t0 = System.nanoTime();
            PtrFact f = new PtrProbe().check("127.0.0.8", at(dns));
            assertEquals("TIMEOUT", f.dnsOutcome(), f.describe());
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(3)) < 0);
        }
    }

    @Test
    void soaSerialsOfAZoneAreComparedAcrossItsServers() throws Exception {
        int closedPort;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPort = s.getLocalPort();
        }
        try (DnsTestServer primary = new DnsTestServer().soa("site.test", 2026120102);
                DnsTestServer secondary = new DnsTestServer().soa("site.test", 2026120101);
                DnsTestServer twin = new DnsTestServer().soa("site.test", 2026120102)) {
            SoaFact agree = new SoaProbe().check("site.test", List.of(primary.address(), twin.address()), at(primary));
            assertTrue(agree.serialsAgree(), agree.describe());
            assertTrue(agree.servers().get(0).authoritative());

            InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort);
            SoaFact f = new SoaProbe()
                    .check("site.test", List.of(primary.address(), secondary.address(), nobody), at(primary));
            assertFalse(f.serialsAgree(), f.describe());
            assertEquals(2026120102L, f.newestSerial().orElseThrow());
            assertEquals(
                    List.of(secondary.address().getPort()),
                    f.behind().stream()
                            .map(s -> Integer.parseInt(
                                    s.server().substring(s.server().lastIndexOf(':') + 1)))
                            .toList());
            assertEquals("REFUSED", f.servers().get(2).dnsOutcome(), f.describe());
            assertTrue(f.describe().contains("serial 2026120101"), f.describe());
        }
    }

    /**
     * Q194129: a primary edited without raising its serial. Both servers give serial 2026120102, but a transfer
     * from each (AXFR over TCP) shows different records; a third server with the same records sent in another
     * order agrees with the primary.
     */
    @Test
    void theSameSerialWithDifferentRecordsIsSeenByTransferringTheZone() throws Exception {
        String[] now = {"www.site.test A 192.0.2.10", "mail.site.test A 192.0.2.25", "site.test MX 10 mail.site.test."};
        String[] before = {"www.site.test A 192.0.2.9", "mail.site.test A 192.0.2.25", "site.test MX 10 mail.site.test."
        };
        String[] reordered = {now[2], now[0], now[1]};
        try (DnsTestServer primary =
                        new DnsTestServer().soa("site.test", 2026120102).transferable("site.test", now);
                DnsTestServer secondary =
                        new DnsTestServer().soa("site.test", 2026120102).transferable("site.test", before);
                DnsTestServer twin =
                        new DnsTestServer().soa("site.test", 2026120102).transferable("site.test", reordered)) {
            SoaFact stale = SoaProbe.withTransfers()
                    .check("site.test", List.of(primary.address(), secondary.address()), at(primary));
            assertTrue(stale.serialsAgree(), stale.describe());
            assertEquals(Optional.of(false), stale.contentsAgree(), stale.describe());
            SoaFact.Transfer t = stale.servers().get(0).transfer().orElseThrow();
            assertEquals("OK", t.outcome(), t.detail());
            assertEquals(3, t.records(), "the SOA is not counted");
            assertEquals(64, t.digest().length());
            assertTrue(stale.describe().contains("serials agree, contents differ"), stale.describe());

            SoaFact same = SoaProbe.withTransfers()
                    .check("site.test", List.of(primary.address(), twin.address()), at(primary));
            assertEquals(Optional.of(true), same.contentsAgree(), same.describe());

            SoaFact serialsOnly =
                    new SoaProbe().check("site.test", List.of(primary.address(), secondary.address()), at(primary));
            assertEquals(Optional.empty(), serialsOnly.servers().get(0).transfer());
            assertEquals(Optional.empty(), serialsOnly.contentsAgree(), "not transferred, not compared");
        }
    }

    @Test
    void aServerThatRefusesTheTransferLeavesTheContentsUncompared() throws Exception {
        try (DnsTestServer primary =
                        new DnsTestServer().soa("site.test", 7).transferable("site.test", "www.site.test A 192.0.2.1");
                DnsTestServer closed = new DnsTestServer().soa("site.test", 7)) {
            SoaFact f = SoaProbe.withTransfers()
                    .check("site.test", List.of(primary.address(), closed.address()), at(primary));
            SoaFact.Transfer refused = f.servers().get(1).transfer().orElseThrow();
            assertEquals("REFUSED", refused.outcome(), f.describe());
            assertEquals("the server answered REFUSED", refused.detail());
            assertEquals(Optional.empty(), f.contentsAgree(), f.describe());
            assertTrue(f.describe().contains("transfer REFUSED"), f.describe());
        }
    }

    /** A server that streams records without end is read to the record cap or the deadline, not further. */
    @Test
    void aTransferWithoutEndStopsAtTheCapOrTheDeadline() throws Exception {
        try (DnsTestServer hostile = new DnsTestServer().soa("site.test", 7).endlessTransfer("site.test")) {
            long t0 = System.nanoTime();
            SoaFact f = SoaProbe.withTransfers().check("site.test", List.of(hostile.address()), at(hostile));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            SoaFact.Transfer t = f.servers().get(0).transfer().orElseThrow();
            assertTrue(List.of("TOO_LARGE", "TIMEOUT").contains(t.outcome()), t + " " + f.describe());
            assertTrue(t.records() <= SoaProbe.MAX_TRANSFER_RECORDS, t.toString());
            // The options' deadline is 3 s; the transfer gets what the SOA query left of it.
            assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, took.toString());
        }
    }

    @Test
    void serialsCompareByRfc1982Arithmetic() {
        assertTrue(SoaFact.newer(1, 4294967295L), "a serial that wrapped past 2^32 is newer");
        assertFalse(SoaFact.newer(4294967295L, 1));
        assertFalse(SoaFact.newer(7, 7));
    }
}
