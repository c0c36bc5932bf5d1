package io.kbsh.net.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.testkit.net.DnsTestServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/** The resolver against a DNS server in the test answering real UDP packets. */
class DnsResolverTest {

    private static DnsTestServer dns;
    private static DnsResolver resolver;

    @BeforeAll
    static void start() throws Exception {
        dns = new DnsTestServer()
                .mx("two.test", 20, "backup.two.test")
                .mx("two.test", 10, "primary.two.test")
                .a("host.test", "127.0.0.9")
                .cname("alias.test", "host.test")
                .nullMx("nomail.test")
                .a("plain.test", "127.0.0.8")
                .rcode("broken.test", Rcode.SERVFAIL)
                .silent("slow.test");
        resolver = DnsResolver.at(dns.address(), Duration.ofMillis(400));
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void addressesFollowCnames() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.9")), resolver.addresses("alias.test"));
        assertEquals(List.of(InetAddress.getByName("127.0.0.9")), resolver.addresses("host.test."));
    }

    @Test
    void literalsNeedNoQuery() throws Exception {
        int before = dns.queries();
        assertEquals(List.of(InetAddress.getByName("127.0.0.5")), resolver.addresses("127.0.0.5"));
        assertEquals(List.of(InetAddress.getByName("::1")), resolver.addresses("[::1]"));
        assertEquals(before, dns.queries());
    }

    @Test
    void outcomesAreDistinct() throws Exception {
        assertEquals(
                DnsOutcome.NXDOMAIN,
                assertThrows(DnsException.class, () -> resolver.addresses("none.test"))
                        .outcome());
        DnsException servfail = assertThrows(DnsException.class, () -> resolver.addresses("broken.test"));
        assertEquals(DnsOutcome.SERVFAIL, servfail.outcome());
        assertTrue(servfail.getMessage().endsWith(" for broken.test A"), servfail.getMessage());
        long t0 = System.nanoTime();
        assertEquals(
                DnsOutcome.TIMEOUT,
                assertThrows(DnsException.class, () -> resolver.addresses("slow.test"))
                        .outcome());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(
                took.compareTo(Duration.ofMillis(350)) > 0 && took.compareTo(Duration.ofMillis(2000)) < 0,
                took.toString());
        assertEquals(
                DnsOutcome.NODATA,
                assertThrows(DnsException.class, () -> resolver.addresses("nomail.test"))
                        .outcome());
    }

    @Test
    void mxAnswers() throws Exception {
        MxAnswer two = resolver.mx("two.test");
        assertEquals(DnsOutcome.OK, two.outcome());
        assertEquals(2, two.records().size());
        assertTrue(two.records().contains(new MxRecord("primary.two.test", 10)));
        assertEquals(DnsOutcome.NULL_MX, resolver.mx("nomail.test").outcome());
        MxAnswer implicit = resolver.mx("plain.test");
        assertEquals(DnsOutcome.IMPLICIT_MX, implicit.outcome());
        assertEquals(List.of(new MxRecord("plain.test", 0)), implicit.records());
        assertEquals(DnsOutcome.NXDOMAIN, resolver.mx("none.test").outcome());
        assertEquals(DnsOutcome.SERVFAIL, resolver.mx("broken.test").outcome());
        assertEquals(DnsOutcome.TIMEOUT, resolver.mx("slow.test").outcome());
    }

    @Test
    void nothingListeningIsNotATimeout() throws Exception {
        java.net.DatagramSocket closed = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress());
        int port = closed.getLocalPort();
        closed.close();
        DnsResolver nobody = DnsResolver.at(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        DnsException e = assertThrows(DnsException.class, () -> nobody.addresses("host.test"));
        assertEquals(DnsOutcome.REFUSED, e.outcome(), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(1)) < 0);
    }
}
